package vn.gov.moha.portal.export;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.common.TextRules;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserService;

/**
 * What every export shares: the streaming workbook with one data sheet (header row, column widths,
 * rows read page by page and written as they come, progress per page), the "about" sheet naming who
 * exported what with which filters, the file name, and the filters in words. Callers run in a
 * read-only transaction, so clearing the persistence context after each page keeps one page in memory.
 * Each exporter reads its rows through the service of the screen it comes from, with the screen's
 * filter and as the person asking, so a file holds exactly the rows that person's screen can show.
 */
@Component
class PagedSheet {

    static final int PAGE = 500;

    /** Reads the page that begins at row {@code offset}, after {@code last} (null for the first page). */
    @FunctionalInterface
    interface Pages<T> {
        List<T> after(int offset, T last);
    }

    /** A data sheet: its title key (also the about sheet's heading), file name before the date, columns, filters. */
    record Grid(Texts x, String titleKey, String name, List<Xlsx.Column> columns, List<Object[]> filters) {}

    private final CurrentUser currentUser;
    private final Translations translations;
    private final TaskService tasks;
    private final UserService users;
    private final EntityManager em;

    PagedSheet(
            CurrentUser currentUser,
            Translations translations,
            TaskService tasks,
            UserService users,
            EntityManager em) {
        this.currentUser = currentUser;
        this.translations = translations;
        this.tasks = tasks;
        this.users = users;
        this.em = em;
    }

    Texts texts(Locale locale) {
        return new Texts(translations, Translations.supported(locale));
    }

    /** Rows read {@link #PAGE} at a time until a page comes back short; {@code total} is for progress only. */
    <T> Download pages(Grid grid, long total, Pages<T> pages, Function<T, Object[]> row, Download.Progress progress) {
        Download.Progress p = Download.Progress.orNone(progress);
        p.rows(0, total);
        return workbook(grid.x(), grid.titleKey(), grid.name(), grid.filters(), xlsx -> {
            Xlsx.Table table = xlsx.table(grid.x().t(grid.titleKey()), grid.columns());
            T last = null;
            while (true) {
                List<T> page = pages.after(table.rows(), last);
                for (T item : page) {
                    table.add(row.apply(item));
                    last = item;
                }
                em.clear();
                p.rows(table.rows(), total);
                if (page.size() < PAGE) {
                    break;
                }
            }
            table.finish();
            return table.rows();
        });
    }

    /** Rows already read in full (short lists). */
    <T> Download rows(Grid grid, List<T> items, Function<T, Object[]> row, Download.Progress progress) {
        Download.Progress p = Download.Progress.orNone(progress);
        p.rows(0, items.size());
        return workbook(grid.x(), grid.titleKey(), grid.name(), grid.filters(), xlsx -> {
            Xlsx.Table table = xlsx.table(grid.x().t(grid.titleKey()), grid.columns());
            items.forEach(item -> table.add(row.apply(item)));
            table.finish();
            p.rows(table.rows(), items.size());
            return table.rows();
        });
    }

    /** A workbook whose data sheets {@code sheets} writes (returning the data rows), then the about sheet. */
    Download workbook(Texts x, String titleKey, String name, List<Object[]> filters, ToLongFunction<Xlsx> sheets) {
        try (Xlsx xlsx = new Xlsx()) {
            long rows = sheets.applyAsLong(xlsx);
            List<Object[]> about = new ArrayList<>();
            about.add(x.line("export.at", LocalDateTime.now().withNano(0)));
            about.add(x.line("export.by", who()));
            about.add(x.line("export.rows", rows));
            about.addAll(filters);
            xlsx.about(x.t("export.sheet.about"), x.t(titleKey), about);
            return new Download(fileName(name, "xlsx"), Download.XLSX, xlsx.bytes(), rows);
        }
    }

    static String fileName(String name, String extension) {
        return name + "-" + LocalDate.now() + "." + extension;
    }

    String who() {
        PortalUser me = currentUser.require();
        return me.fullName() + " (" + me.getUsername() + ")";
    }

    String taskName(Long taskId, Texts x) {
        if (taskId == null) {
            return x.t("assignment.allTasks");
        }
        return tasks.find(taskId)
                .map((PriorityTask t) -> t.getNumber() + ". " + t.title(x.english()))
                .orElse("?");
    }

    /** A search as typed, without what no stored text holds (as the search itself reads it). */
    static String blankAsAll(String text, Texts x) {
        String clean = TextRules.forSearch(text).strip();
        return clean.isEmpty() ? x.t("export.filter.none") : SearchText.limit(clean, 1000);
    }

    /** Whose dashboard figures these are: everything, a department's tasks, or one unit's. */
    String scope(Texts x) {
        PortalUser me = currentUser.require();
        if (me.has(Role.LEADER) || me.has(Role.ADMIN)) {
            return x.t("export.scope.all");
        }
        String unit = me.unitName() == null ? "" : me.unitName();
        return x.t(me.has(Role.MANAGER) ? "dashboard.scope.manager" : "dashboard.scope.unit", unit);
    }

    /** The dashboard filter in words, as label and value (the matrix's about sheet and the PDF summary). */
    List<String[]> describe(Texts x, DashboardFilter f) {
        List<String[]> lines = new ArrayList<>();
        if (f == null) {
            return lines;
        }
        lines.add(new String[] {x.t("task.year"), String.valueOf(f.year())});
        lines.add(new String[] {x.t("assignment.task"), taskName(f.taskId(), x)});
        lines.add(new String[] {
            x.t("unit.kind"),
            f.kind() == null ? x.t("dashboard.filter.allUnits") : x.t(f.kind().translationKey())
        });
        lines.add(new String[] {
            x.t("task.leader"),
            f.leaderId() == null
                    ? x.t("dashboard.filter.allLeaders")
                    : users.find(f.leaderId()).map(AppUser::getFullName).orElse("?")
        });
        lines.add(new String[] {
            x.t("assignment.state"),
            f.state() == null
                    ? x.t("dashboard.filter.allStates")
                    : x.t(f.state().translationKey())
        });
        lines.add(new String[] {x.t("dashboard.filter.rollUp"), x.t(f.rollUp() ? "export.yes" : "export.no")});
        return lines;
    }
}
