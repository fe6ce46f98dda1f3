package vn.gov.moha.portal.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.AuditExports;
import vn.gov.moha.portal.audit.EventDetails;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.audit.EventLogEntry;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.user.UserService;

/** "Nhật ký hệ thống" as Excel (ADMIN only): the log newest first, a page at a time below the last id read. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class EventsExporter implements AuditExports {

    /** An entry with the full name of its actor (the log keeps the username). */
    private record Named(EventLogEntry entry, String fullName) {}

    private final EventLog log;
    private final UserService users;
    private final PagedSheet sheet;

    EventsExporter(EventLog log, UserService users, PagedSheet sheet) {
        this.log = log;
        this.users = users;
        this.sheet = sheet;
    }

    @Override
    public Download events(String actor, String action, Locale locale, Download.Progress progress) {
        Texts x = sheet.texts(locale);
        long total = log.count(actor, action);
        List<Xlsx.Column> columns = List.of(
                new Xlsx.Column("#", Xlsx.Type.INTEGER, 9),
                x.col("event.when", Xlsx.Type.DATE_TIME, 17),
                x.col("event.who", Xlsx.Type.TEXT, 18),
                x.col("user.fullName", Xlsx.Type.TEXT, 24),
                x.col("export.roles", Xlsx.Type.TEXT, 18),
                x.col("event.what", Xlsx.Type.TEXT, 32),
                x.col("export.entity", Xlsx.Type.TEXT, 14),
                x.col("export.entityId", Xlsx.Type.INTEGER, 10),
                x.col("event.details", Xlsx.Type.TEXT, 90));
        List<Object[]> filters = List.of(
                x.line("event.who", PagedSheet.blankAsAll(actor, x)),
                x.line("event.what", action == null ? x.t("audit.allActions") : x.t("event." + action)),
                x.line("export.timeZone", Formats.VIETNAM.getId()));
        return sheet.pages(
                new PagedSheet.Grid(x, "nav.audit", "nhat-ky-he-thong", columns, filters),
                total,
                (offset, last) -> named(log.before(
                        actor,
                        action,
                        last == null ? Long.MAX_VALUE : last.entry().getId(),
                        PagedSheet.PAGE)),
                (Named n) -> {
                    EventLogEntry e = n.entry();
                    return new Object[] {
                        e.getId(),
                        Formats.vietnamTime(e.getOccurredAt()),
                        e.getActor(),
                        n.fullName(),
                        e.getActorRole(),
                        x.t("event." + e.getAction()),
                        e.getEntityType(),
                        e.getEntityId(),
                        details(e, x)
                    };
                },
                progress);
    }

    /** The page's entries with their actors' full names, looked up once per page. */
    private List<Named> named(List<EventLogEntry> page) {
        Map<String, String> names =
                users.fullNames(page.stream().map(EventLogEntry::getActor).toList());
        return page.stream()
                .map(e -> new Named(e, names.getOrDefault(e.getActor(), "")))
                .toList();
    }

    private static String details(EventLogEntry e, Texts x) {
        return (e.getBefore() == null ? "" : EventDetails.readable(e.getBefore(), x::t) + " → ")
                + (e.getAfter() == null ? "" : EventDetails.readable(e.getAfter(), x::t));
    }
}
