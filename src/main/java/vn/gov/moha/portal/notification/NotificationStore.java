package vn.gov.moha.portal.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.security.Role;

/**
 * The notification tables, in plain SQL that H2 and PostgreSQL both run. Every read and change of a
 * person's notifications names the person, so nobody reaches another's rows by id.
 */
@Component
class NotificationStore {

    /** Separates the parameters of a message in one column; never part of a parameter. */
    static final String SEPARATOR = "\u001F";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    NotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Inserts the notification unless the person already has one for this event; true when inserted.
     * The unique key (recipient_id, event_key) is the real guard: a concurrent twin fails on it.
     */
    boolean insertIfAbsent(
            long recipientId,
            NotificationKind kind,
            String eventKey,
            String messageKey,
            List<String> params,
            String target,
            LocalDateTime now) {
        return jdbc.update(
                        "insert into notification (recipient_id, kind, event_key, message_key, params, target, "
                                + "created_at) select u.id, cast(? as varchar(30)), cast(? as varchar(200)), cast(? as varchar(100)), "
                                + "cast(? as varchar(2000)), cast(? as varchar(200)), cast(? as timestamp) from app_user u "
                                + "where u.id = ? and not exists (select 1 from notification n where n.recipient_id = u.id "
                                + "and n.event_key = ?)",
                        kind.name(),
                        eventKey,
                        messageKey,
                        join(params),
                        target,
                        Timestamp.valueOf(now),
                        recipientId,
                        eventKey)
                == 1;
    }

    /**
     * Queues the e-mail of a notification just inserted, if the person has an address, is enabled and
     * has not turned this kind off; true when queued.
     */
    boolean queueMail(long recipientId, String eventKey, String subject, String body) {
        return jdbc.update(
                        "insert into notification_outbox (notification_id, recipient_email, subject, body, status, "
                                + "attempts, next_attempt_at, created_at) select n.id, u.email, cast(? as varchar(500)), "
                                + "cast(? as varchar(4000)), 'PENDING', 0, n.created_at, n.created_at from notification n "
                                + "join app_user u on u.id = n.recipient_id where n.recipient_id = ? and n.event_key = ? "
                                + "and u.enabled = true and trim(u.email) <> '' "
                                + "and not exists (select 1 from notification_preference p where p.user_id = u.id "
                                + "and p.kind = n.kind and p.email = false) "
                                + "and not exists (select 1 from notification_outbox o where o.notification_id = n.id)",
                        subject,
                        body,
                        recipientId,
                        eventKey)
                == 1;
    }

    /** Enabled people of these units holding any of the roles. */
    List<Long> staff(Collection<Long> unitIds, Collection<Role> roles) {
        if (unitIds.isEmpty() || roles.isEmpty()) {
            return List.of();
        }
        return named.queryForList(
                "select distinct u.id from app_user u join app_user_role r on r.user_id = u.id "
                        + "where u.enabled = true and u.unit_id in (:units) and r.role in (:roles) order by u.id",
                new MapSqlParameterSource("units", unitIds)
                        .addValue("roles", roles.stream().map(Role::name).toList()),
                Long.class);
    }

    /** Enabled people of these units holding any of the roles, per unit (units without anyone: absent). */
    Map<Long, List<Long>> staffByUnit(Collection<Long> unitIds, Collection<Role> roles) {
        Map<Long, List<Long>> byUnit = new HashMap<>();
        List<Long> all = List.copyOf(unitIds);
        for (int from = 0; from < all.size() && !roles.isEmpty(); from += 1_000) { // short IN lists
            named.query(
                    "select distinct u.unit_id, u.id from app_user u join app_user_role r on r.user_id = u.id "
                            + "where u.enabled = true and u.unit_id in (:units) and r.role in (:roles) order by u.unit_id, u.id",
                    new MapSqlParameterSource("units", all.subList(from, Math.min(all.size(), from + 1_000)))
                            .addValue("roles", roles.stream().map(Role::name).toList()),
                    rs -> {
                        byUnit.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(rs.getLong(2));
                    });
        }
        return byUnit;
    }

    /** Of these event keys, the ones already notified, as {@link #personEvent}. */
    Set<String> existing(Collection<String> eventKeys) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(eventKeys);
        for (int from = 0; from < all.size(); from += 1_000) { // short IN lists
            named.query(
                    "select recipient_id, event_key from notification where event_key in (:keys)",
                    new MapSqlParameterSource("keys", all.subList(from, Math.min(all.size(), from + 1_000))),
                    rs -> {
                        found.add(personEvent(rs.getLong(1), rs.getString(2)));
                    });
        }
        return found;
    }

    static String personEvent(long recipientId, String eventKey) {
        return recipientId + " " + eventKey;
    }

    /** Enabled people holding the role, anywhere. */
    List<Long> withRole(Role role) {
        return jdbc.queryForList(
                "select distinct u.id from app_user u join app_user_role r on r.user_id = u.id "
                        + "where u.enabled = true and r.role = ? order by u.id",
                Long.class,
                role.name());
    }

    long countUnread(long userId) {
        return jdbc.queryForObject(
                "select count(*) from notification where recipient_id = ? and read_at is null", Long.class, userId);
    }

    long count(long userId) {
        return jdbc.queryForObject("select count(*) from notification where recipient_id = ?", Long.class, userId);
    }

    /** A page of the person's notifications, newest first. */
    List<NotificationItem> page(long userId, int offset, int limit) {
        return jdbc.query(
                "select id, kind, message_key, params, target, created_at, read_at from notification "
                        + "where recipient_id = ? order by created_at desc, id desc offset ? rows fetch next ? rows only",
                NotificationStore::item,
                userId,
                Math.max(0, offset),
                Math.max(1, limit));
    }

    /** The target of the person's notification, marked read; null when it is not theirs or does not exist. */
    String markRead(long userId, long id, LocalDateTime now) {
        List<String> target = jdbc.queryForList(
                "select coalesce(target, '') from notification where id = ? " + "and recipient_id = ?",
                String.class,
                id,
                userId);
        if (target.isEmpty()) {
            return null;
        }
        jdbc.update(
                "update notification set read_at = ? where id = ? and recipient_id = ? and read_at is null",
                Timestamp.valueOf(now),
                id,
                userId);
        return target.get(0);
    }

    int markAllRead(long userId, LocalDateTime now) {
        return jdbc.update(
                "update notification set read_at = ? where recipient_id = ? and read_at is null",
                Timestamp.valueOf(now),
                userId);
    }

    /** Per kind, whether the person gets it by e-mail (no row: yes). */
    Map<NotificationKind, Boolean> emailChoices(long userId) {
        Map<NotificationKind, Boolean> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            choices.put(kind, true);
        }
        jdbc.query(
                "select kind, email from notification_preference where user_id = ?",
                rs -> {
                    choices.put(NotificationKind.valueOf(rs.getString("kind")), rs.getBoolean("email"));
                },
                userId);
        return choices;
    }

    void saveEmailChoice(long userId, NotificationKind kind, boolean email) {
        if (jdbc.update(
                        "update notification_preference set email = ? where user_id = ? and kind = ?",
                        email,
                        userId,
                        kind.name())
                == 0) {
            jdbc.update(
                    "insert into notification_preference (user_id, kind, email) values (?, ?, ?)",
                    userId,
                    kind.name(),
                    email);
        }
    }

    String email(long userId) {
        return jdbc.queryForList("select email from app_user where id = ?", String.class, userId).stream()
                .findFirst()
                .orElse("");
    }

    static String join(List<String> params) {
        return params.isEmpty()
                ? null
                : String.join(
                        SEPARATOR,
                        params.stream()
                                .map(p -> p == null ? "" : p.replace(SEPARATOR, " "))
                                .toList());
    }

    private static NotificationItem item(ResultSet rs, int row) throws SQLException {
        String params = rs.getString("params");
        return new NotificationItem(
                rs.getLong("id"),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("message_key"),
                params == null ? List.of() : Arrays.asList(params.split(SEPARATOR, -1)),
                rs.getString("target"),
                rs.getTimestamp("created_at").toLocalDateTime(),
                rs.getTimestamp("read_at") != null);
    }
}
