package vn.gov.moha.portal.generator;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.audit.EventLogEntry;
import vn.gov.moha.portal.generator.Organisation.Person;

/**
 * The event log's rows of one week: its events in time order, then the week's GENERATE marker, each hashed
 * onto the one before from the chain's head, exactly as {@link EventLogEntry#chainHash} would.
 */
final class EventChain {

    private static final String ZERO_HASH = "0".repeat(64);
    private static final Person SYSTEM = new Person(0, "system", "SYSTEM");

    /** One event, before it gets its place in the chain. */
    record Event(
            LocalDateTime at,
            Person who,
            String action,
            String entityType,
            long entityId,
            @Nullable Long assignmentId,
            @Nullable String before,
            @Nullable String after) {}

    /** The chain's new end, for event_chain_head. */
    record Head(String hash, Long id) {}

    private EventChain() {}

    /** The last event's marker as key/value pairs, if it is a GENERATE entry; else null. */
    static Map<String, String> lastMarker(Sql sql) throws SQLException {
        String marker = sql.first(
                "select e.action, e.after_value from event_log e "
                        + "join event_chain_head h on h.last_id = e.id where h.id = 1",
                rs -> "GENERATE".equals(rs.getString(1)) ? rs.getString(2) : null);
        return marker == null ? null : RunParameters.parse(marker);
    }

    /**
     * Adds to {@code rows} the week's events and its marker as event_log rows, chained onto the head.
     * The events are sorted by time; those at the same moment keep the order they were made in.
     */
    static Head append(Sql sql, List<Event> events, int chunk, String marker, List<Object[]> rows) throws SQLException {
        List<Event> week = new ArrayList<>(events);
        week.sort(Comparator.comparing(Event::at));
        LocalDateTime end = week.isEmpty()
                ? DataGenerator.FIRST_MONDAY.plusWeeks(chunk).atStartOfDay()
                : week.get(week.size() - 1).at();
        week.add(new Event(end, SYSTEM, "GENERATE", "DATASET", chunk + 1, null, null, marker));
        String[] head = sql.first("select last_hash, last_id from event_chain_head where id = 1", rs ->
                new String[] {rs.getString(1), String.valueOf(rs.getLong(2))});
        String prev = head == null ? ZERO_HASH : head[0];
        // ids go on after the head's, and never reuse one already in the log
        long id = Math.max(
                head == null ? 0 : Long.parseLong(head[1]), sql.count("select coalesce(max(id), 0) from event_log"));
        for (Event e : week) {
            id++;
            String hash = EventLogEntry.chainHash(
                    prev,
                    e.at(),
                    e.who().username(),
                    e.who().roles(),
                    e.action(),
                    e.entityType(),
                    e.entityId(),
                    e.assignmentId(),
                    e.before(),
                    e.after());
            rows.add(new Object[] {
                id,
                e.at(),
                e.who().username(),
                e.who().roles(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.assignmentId() == null ? Sql.NO_LONG : e.assignmentId(),
                e.before() == null ? Sql.NO_TEXT : e.before(),
                e.after(),
                prev,
                hash
            });
            prev = hash;
        }
        return new Head(prev, id);
    }
}
