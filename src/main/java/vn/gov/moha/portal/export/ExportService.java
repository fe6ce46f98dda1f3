package vn.gov.moha.portal.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.reporting.AssignmentExports;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;
import vn.gov.moha.portal.workflow.reporting.PeriodStatus;
import vn.gov.moha.portal.workflow.reporting.ReportingFilter;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;
import vn.gov.moha.portal.workflow.reporting.ReportingService;
import vn.gov.moha.portal.audit.AuditExports;
import vn.gov.moha.portal.audit.EventDetails;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.audit.EventLogEntry;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.common.TextRules;
import vn.gov.moha.portal.dashboard.DashboardExports;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.dashboard.DashboardService;
import vn.gov.moha.portal.dashboard.Figures;
import vn.gov.moha.portal.dashboard.Figures.Matrix;
import vn.gov.moha.portal.dashboard.Figures.TaskRow;
import vn.gov.moha.portal.dashboard.Figures.UnitColumn;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitExports;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserExports;
import vn.gov.moha.portal.user.UserService;

/**
 * The exports: each grid of the portal as Excel and the leader's PDF summary. Every export reads its
 * rows through the service of the screen it comes from (AssignmentService, MyWorkService,
 * ReportingService, DashboardService, EventLog), with the screen's filter and as the person asking,
 * so a file holds exactly the rows that person's screen can show, never another unit's. Big grids
 * are read page by page and written as they come (progress is reported per page).
 */
@Service
@Transactional(readOnly = true)
public class ExportService implements AssignmentExports, DashboardExports, AuditExports, UnitExports, UserExports {

    static final int PAGE = 500;

    private final AssignmentService assignments;
    private final MyWorkService myWork;
    private final ReportingService reporting;
    private final ReportingPeriods periods;
    private final DashboardService dashboard;
    private final EventLog log;
    private final TaskService tasks;
    private final UserService users;
    private final UnitService units;
    private final CurrentUser currentUser;
    private final Translations translations;
    private final EntityManager em;

    ExportService(AssignmentService assignments, MyWorkService myWork, ReportingService reporting,
                  ReportingPeriods periods, DashboardService dashboard, EventLog log, TaskService tasks,
                  UserService users, UnitService units, CurrentUser currentUser, Translations translations,
                  EntityManager em) {
        this.assignments = assignments;
        this.myWork = myWork;
        this.reporting = reporting;
        this.periods = periods;
        this.dashboard = dashboard;
        this.log = log;
        this.tasks = tasks;
        this.users = users;
        this.units = units;
        this.currentUser = currentUser;
        this.translations = translations;
        this.em = em;
    }

    /** Texts in the language of the person exporting. */
    record Texts(Translations translations, Locale locale) {
        String t(String key, Object... params) {
            return translations.getTranslation(key, locale, params);
        }

        boolean english() {
            return Translations.supported(locale) == Translations.ENGLISH;
        }
    }

    // ---- Nhiệm vụ ------------------------------------------------------------------------------

    @Override
    @PreAuthorize("isAuthenticated()")
    public Download assignments(int year, Long taskId, String unitQuery, Locale locale, Download.Progress progress) {
        Texts x = texts(locale);
        Download.Progress p = Download.Progress.orNone(progress);
        LocalDate today = LocalDate.now();
        long total = assignments.count(year, taskId, unitQuery);
        p.rows(0, total);
        try (Xlsx xlsx = new Xlsx()) {
            Xlsx.Table table = xlsx.table(x.t("nav.assignments"), List.of(
                    col(x, "task.number", Xlsx.Type.INTEGER, 6), col(x, "assignment.task", Xlsx.Type.TEXT, 60),
                    col(x, "assignment.leadUnit", Xlsx.Type.TEXT, 40), col(x, "export.unitCode", Xlsx.Type.TEXT, 11),
                    col(x, "assignment.deadline", Xlsx.Type.DATE, 12),
                    col(x, "export.reportingPeriod", Xlsx.Type.TEXT, 14),
                    col(x, "export.percent", Xlsx.Type.PERCENT, 10), col(x, "assignment.state", Xlsx.Type.TEXT, 28),
                    col(x, "export.completedOn", Xlsx.Type.DATE, 14), col(x, "task.leader", Xlsx.Type.TEXT, 24)));
            for (int offset = 0; ; offset += PAGE) {
                List<Assignment> page = assignments.list(year, taskId, unitQuery, offset, PAGE);
                for (Assignment a : page) {
                    table.add(a.getTask().getNumber(), a.getTask().title(x.english()), a.getLeadUnit().name(x.english()),
                            a.getLeadUnit().getCode(), a.getDeadline(),
                            a.isOngoing() ? x.t(a.getReportingPeriod().translationKey()) : null, a.getPercentComplete(),
                            x.t(a.state(today).translationKey()), a.getCompletedOn(),
                            a.getLeader() == null ? null : a.getLeader().getFullName());
                }
                em.clear();
                p.rows(table.rows(), total);
                if (page.size() < PAGE) {
                    break;
                }
            }
            table.finish();
            List<Object[]> about = about(x, table.rows());
            about.add(line(x, "task.year", String.valueOf(year)));
            about.add(line(x, "assignment.task", taskName(taskId, x)));
            about.add(line(x, "export.filter.unitSearch", blankAsAll(unitQuery, x)));
            return finish(xlsx, x, "nav.assignments", about, "nhiem-vu", table.rows());
        }
    }

    // ---- Việc cần xử lý ------------------------------------------------------------------------

    @Override
    @PreAuthorize("isAuthenticated()")
    public Download myWork(Locale locale, Download.Progress progress) {
        Texts x = texts(locale);
        List<MyWorkService.Item> items = myWork.items();
        Download.Progress.orNone(progress).rows(0, items.size());
        try (Xlsx xlsx = new Xlsx()) {
            Xlsx.Table table = xlsx.table(x.t("nav.myWork"), List.of(
                    col(x, "export.workKind", Xlsx.Type.TEXT, 34), col(x, "task.number", Xlsx.Type.INTEGER, 6),
                    col(x, "assignment.task", Xlsx.Type.TEXT, 60), col(x, "assignment.leadUnit", Xlsx.Type.TEXT, 40),
                    col(x, "export.unitCode", Xlsx.Type.TEXT, 11), col(x, "assignment.deadline", Xlsx.Type.DATE, 12),
                    col(x, "export.percent", Xlsx.Type.PERCENT, 10),
                    col(x, "assignment.state", Xlsx.Type.TEXT, 28)));
            LocalDate today = LocalDate.now();
            for (MyWorkService.Item item : items) {
                Assignment a = item.assignment();
                table.add(x.t("mywork." + item.kind().name()), a.getTask().getNumber(), a.getTask().title(x.english()),
                        a.getLeadUnit().name(x.english()), a.getLeadUnit().getCode(), a.getDeadline(),
                        a.getPercentComplete(),
                        x.t(a.state(today).translationKey()));
            }
            table.finish();
            Download.Progress.orNone(progress).rows(table.rows(), items.size());
            return finish(xlsx, x, "nav.myWork", about(x, table.rows()), "viec-can-xu-ly", table.rows());
        }
    }

    // ---- Báo cáo định kỳ -----------------------------------------------------------------------

    @Override
    @PreAuthorize("isAuthenticated()")
    public Download reporting(ReportingFilter filter, Locale locale, Download.Progress progress) {
        if (filter == null) {
            throw InvalidInputException.of("year", "error.required");
        }
        Texts x = texts(locale);
        Download.Progress p = Download.Progress.orNone(progress);
        var counts = reporting.counts(filter.withStatus(null));
        long total = filter.status() == null ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.getOrDefault(filter.status(), 0L);
        p.rows(0, total);
        try (Xlsx xlsx = new Xlsx()) {
            Xlsx.Table table = xlsx.table(x.t("nav.reporting"), List.of(
                    col(x, "reporting.period", Xlsx.Type.TEXT, 22), col(x, "export.dataFrom", Xlsx.Type.DATE, 12),
                    col(x, "export.dataTo", Xlsx.Type.DATE, 12), col(x, "reporting.due", Xlsx.Type.DATE, 12),
                    col(x, "task.number", Xlsx.Type.INTEGER, 6), col(x, "reporting.task", Xlsx.Type.TEXT, 55),
                    col(x, "reporting.unit", Xlsx.Type.TEXT, 40), col(x, "export.unitCode", Xlsx.Type.TEXT, 11),
                    col(x, "reporting.status", Xlsx.Type.TEXT, 18),
                    col(x, "reporting.submittedAt", Xlsx.Type.DATE_TIME, 17)));
            for (int offset = 0; ; offset += PAGE) {
                List<ReportingRow> page = reporting.rows(filter, offset, PAGE);
                for (ReportingRow r : page) {
                    table.add(r.period().label(x.locale()), r.period().from(), r.period().to(), r.period().due(),
                            r.taskNumber(), r.taskTitle(x.english()), r.unitName(x.english()), r.unitCode(),
                            x.t(r.status().translationKey()), r.submittedAt());
                }
                p.rows(table.rows(), total);
                if (page.size() < PAGE) {
                    break;
                }
            }
            table.finish();
            List<Object[]> about = about(x, table.rows());
            about.add(line(x, "task.year", String.valueOf(filter.year())));
            about.add(line(x, "reporting.kind", filter.kind() == null ? x.t("reporting.allKinds")
                    : x.t(filter.kind().translationKey())));
            about.add(line(x, "reporting.period", periodName(filter, x)));
            about.add(line(x, "reporting.status", filter.status() == null ? x.t("reporting.allStatuses")
                    : x.t(filter.status().translationKey())));
            about.add(line(x, "reporting.task", taskName(filter.taskId(), x)));
            about.add(line(x, "export.filter.unitSearch", blankAsAll(filter.unitQuery(), x)));
            return finish(xlsx, x, "nav.reporting", about, "bao-cao-dinh-ky", table.rows());
        }
    }

    // ---- Bảng điều hành ------------------------------------------------------------------------

    /**
     * The task x unit matrix as on the screen: tasks down, units across under their group, each cell
     * the percent complete (a number) coloured by its state; a second sheet lists every cell with
     * its state in words, for filtering and for readers who do not see colour.
     */
    @Override
    @PreAuthorize("isAuthenticated()")
    public Download matrix(DashboardFilter filter, boolean onlyUnitsWithCells, Locale locale,
                           Download.Progress progress) {
        Texts x = texts(locale);
        Matrix m = dashboard.matrix(filter, onlyUnitsWithCells);
        List<UnitColumn> columns = ordered(m.columns());
        Download.Progress.orNone(progress).rows(0, m.rows().size());
        try (Xlsx xlsx = new Xlsx()) {
            Sheet sheet = xlsx.sheet(x.t("export.sheet.matrix"));
            Row groups = sheet.createRow(0);
            Row names = sheet.createRow(1);
            names.setHeightInPoints(110);
            header(groups, 0, x.t("task.number"), xlsx.header());
            header(groups, 1, x.t("dashboard.matrix.task"), xlsx.header());
            header(names, 0, "", xlsx.header());
            header(names, 1, "", xlsx.header());
            sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(0, 1, 1, 1));
            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 50 * 256);
            CellStyle vertical = xlsx.sheetHeaderVertical();
            int departments = (int) columns.stream().filter(c -> c.kind() != UnitKind.PROVINCE).count();
            for (int i = 0; i < columns.size(); i++) {
                UnitColumn c = columns.get(i);
                header(groups, 2 + i, x.t(i < departments ? "dashboard.matrix.departments"
                        : "dashboard.matrix.provinces"), xlsx.header());
                header(names, 2 + i, shortName(c.name(x.english())), vertical);
                sheet.setColumnWidth(2 + i, 6 * 256);
            }
            if (departments > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 1 + departments));
            }
            if (columns.size() - departments > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 2 + departments, 1 + columns.size()));
            }
            int r = 2;
            for (TaskRow row : m.rows()) {
                Row line = sheet.createRow(r++);
                xlsx.put(line, 0, Xlsx.Type.INTEGER, row.number());
                Cell title = line.createCell(1);
                title.setCellValue(row.title(x.english()));
                title.setCellStyle(xlsx.wrap());
                for (int i = 0; i < columns.size(); i++) {
                    int col = 2 + i;
                    m.cell(row.id(), columns.get(i).id()).ifPresent(cell -> {
                        Cell c = line.createCell(col);
                        c.setCellValue(cell.percent() / 100.0);
                        c.setCellStyle(xlsx.state(cell.worst()));
                    });
                }
            }
            sheet.createFreezePane(2, 2);
            r++;
            for (DeadlineState s : DeadlineState.values()) {
                Row legend = sheet.createRow(r++);
                Cell swatch = legend.createCell(0);
                swatch.setCellStyle(xlsx.state(s));
                legend.createCell(1).setCellValue(x.t(s.translationKey()));
            }
            sheet.createRow(r).createCell(1).setCellValue(x.t("export.matrix.note"));

            Xlsx.Table cells = xlsx.table(x.t("export.sheet.cells"), List.of(
                    col(x, "task.number", Xlsx.Type.INTEGER, 6), col(x, "assignment.task", Xlsx.Type.TEXT, 55),
                    col(x, "export.unitCode", Xlsx.Type.TEXT, 11), col(x, "reporting.unit", Xlsx.Type.TEXT, 40),
                    col(x, "unit.kind", Xlsx.Type.TEXT, 18), col(x, "assignment.state", Xlsx.Type.TEXT, 28),
                    col(x, "export.percent", Xlsx.Type.PERCENT, 10), col(x, "export.count", Xlsx.Type.INTEGER, 10)));
            for (TaskRow row : m.rows()) {
                for (UnitColumn c : columns) {
                    m.cell(row.id(), c.id()).ifPresent(cell -> cells.add(row.number(), row.title(x.english()), c.code(),
                            c.name(x.english()), x.t(c.kind() == UnitKind.PROVINCE ? "dashboard.matrix.provinces"
                                    : "dashboard.matrix.departments"), x.t(cell.worst().translationKey()),
                            cell.percent(), cell.count()));
                }
            }
            cells.finish();
            Download.Progress.orNone(progress).rows(m.rows().size(), m.rows().size());
            return finish(xlsx, x, "dashboard.matrix", dashboardAbout(x, filter, cells.rows(), onlyUnitsWithCells),
                    "ma-tran-nhiem-vu", cells.rows());
        }
    }

    @Override
    @RolesAllowed({Role.Names.LEADER, Role.Names.MANAGER, Role.Names.UNIT_HEAD, Role.Names.UNIT_OFFICER})
    public Download summary(DashboardFilter filter, Locale locale, Download.Progress progress) {
        Texts x = texts(locale);
        Download.Progress p = Download.Progress.orNone(progress);
        p.rows(0, 4);
        Figures.Headline headline = dashboard.headline(filter);
        Matrix matrix = dashboard.matrix(filter, true);
        p.rows(1, 4);
        List<SummaryPdf.Overdue> overdue = new ArrayList<>();
        DashboardFilter late = filter.withState(DeadlineState.IN_PROGRESS_OVERDUE);
        for (Figures.Cell cell : matrix.cells().values()) {
            if (cell.states().getOrDefault(DeadlineState.IN_PROGRESS_OVERDUE, 0) == 0) {
                continue;
            }
            TaskRow task = matrix.rows().stream().filter(t -> t.id() == cell.taskId()).findFirst().orElseThrow();
            for (Figures.CellAssignment a : dashboard.cellAssignments(late, cell.taskId(), cell.unitId())) {
                overdue.add(new SummaryPdf.Overdue(task, a.unitName(x.english()), a.deadline(),
                        ChronoUnit.DAYS.between(a.deadline(), LocalDate.now()), a.percent()));
            }
        }
        overdue.sort(Comparator.comparingInt((SummaryPdf.Overdue o) -> o.task().number())
                .thenComparing(SummaryPdf.Overdue::days, Comparator.reverseOrder()));
        p.rows(2, 4);
        // the period now reported on: of each kind, the last one whose due date has passed (of the tasks shown)
        java.util.Set<Long> shown = new java.util.HashSet<>(matrix.rows().stream().map(TaskRow::id).toList());
        List<vn.gov.moha.portal.workflow.period.Period> lastDue = lastDuePeriods(LocalDate.now());
        List<ReportingRow> lateReports = new ArrayList<>();
        for (vn.gov.moha.portal.workflow.period.Period period : lastDue) {
            for (PeriodStatus s : List.of(PeriodStatus.MISSING, PeriodStatus.LATE)) {
                reporting.rows(new ReportingFilter(period.year(), period.kind(), period.key(), filter.taskId(), s,
                        null), 0, 10_000).stream().filter(r -> shown.contains(r.taskId())).forEach(lateReports::add);
            }
        }
        lateReports.sort(Comparator.comparing((ReportingRow r) -> r.period().due()).reversed()
                .thenComparing(ReportingRow::taskNumber).thenComparing(ReportingRow::unitCode));
        p.rows(3, 4);
        byte[] pdf = new SummaryPdf(x, ordered(matrix.columns())).write(headline, matrix, overdue, lateReports,
                scope(x), describe(x, filter), LocalDateTime.now(), who(),
                lastDue.stream().map(period -> period.label(x.locale()))
                        .collect(java.util.stream.Collectors.joining(", ")));
        p.rows(4, 4);
        return new Download(fileName("bao-cao-tong-hop", "pdf"), Download.PDF, pdf,
                overdue.size() + lateReports.size());
    }

    /** Of each kind of period, the last one due before today (this year's or, early in a year, last year's). */
    private List<vn.gov.moha.portal.workflow.period.Period> lastDuePeriods(LocalDate today) {
        List<vn.gov.moha.portal.workflow.period.Period> list = new ArrayList<>();
        for (vn.gov.moha.portal.workflow.period.ReportingPeriod kind : vn.gov.moha.portal.workflow.period.ReportingPeriod.values()) {
            java.util.stream.Stream.concat(periods.ofYear(kind, today.getYear() - 1).stream(),
                            periods.ofYear(kind, today.getYear()).stream())
                    .filter(period -> period.due().isBefore(today))
                    .max(Comparator.comparing(vn.gov.moha.portal.workflow.period.Period::due))
                    .ifPresent(list::add);
        }
        return list;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public boolean canTakeSummary() {
        PortalUser me = currentUser.require();
        return me.has(Role.LEADER) || me.has(Role.MANAGER) || me.has(Role.UNIT_HEAD) || me.has(Role.UNIT_OFFICER);
    }

    // ---- Nhật ký hệ thống ----------------------------------------------------------------------

    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Download events(String actor, String action, Locale locale, Download.Progress progress) {
        Texts x = texts(locale);
        Download.Progress p = Download.Progress.orNone(progress);
        long total = log.count(actor, action);
        p.rows(0, total);
        try (Xlsx xlsx = new Xlsx()) {
            Xlsx.Table table = xlsx.table(x.t("nav.audit"), List.of(new Xlsx.Column("#", Xlsx.Type.INTEGER, 9),
                    col(x, "event.when", Xlsx.Type.DATE_TIME, 17), col(x, "event.who", Xlsx.Type.TEXT, 18),
                    col(x, "user.fullName", Xlsx.Type.TEXT, 24), col(x, "export.roles", Xlsx.Type.TEXT, 18), col(x, "event.what", Xlsx.Type.TEXT, 32),
                    col(x, "export.entity", Xlsx.Type.TEXT, 14), col(x, "export.entityId", Xlsx.Type.INTEGER, 10),
                    col(x, "event.details", Xlsx.Type.TEXT, 90)));
            long before = Long.MAX_VALUE;
            while (true) {
                List<EventLogEntry> page = log.before(actor, action, before, PAGE);
                // the username the log keeps, and the person's full name as the screens show it
                Map<String, String> names = users.fullNames(page.stream().map(EventLogEntry::getActor).toList());
                for (EventLogEntry e : page) {
                    table.add(e.getId(), Formats.vietnamTime(e.getOccurredAt()), e.getActor(),
                            names.getOrDefault(e.getActor(), ""), e.getActorRole(),
                            x.t("event." + e.getAction()), e.getEntityType(), e.getEntityId(), details(e, x));
                    before = e.getId();
                }
                em.clear();
                p.rows(table.rows(), total);
                if (page.size() < PAGE) {
                    break;
                }
            }
            table.finish();
            List<Object[]> about = about(x, table.rows());
            about.add(line(x, "event.who", blankAsAll(actor, x)));
            about.add(line(x, "event.what", action == null ? x.t("audit.allActions") : x.t("event." + action)));
            about.add(line(x, "export.timeZone", Formats.VIETNAM.getId()));
            return finish(xlsx, x, "nav.audit", about, "nhat-ky-he-thong", table.rows());
        }
    }

    /** Units, as the Đơn vị screen lists them for this search and kind (everyone sees every unit). */
    @Override
    @PreAuthorize("isAuthenticated()")
    public Download units(String query, UnitKind kind, Locale locale, Download.Progress progress) {
        Texts x = texts(locale);
        Download.Progress p = Download.Progress.orNone(progress);
        List<OrgUnit> rows = units.search(query, kind);
        p.rows(0, rows.size());
        try (Xlsx xlsx = new Xlsx()) {
            Xlsx.Table table = xlsx.table(x.t("nav.units"), List.of(col(x, "unit.code", Xlsx.Type.TEXT, 12),
                    col(x, "unit.name", Xlsx.Type.TEXT, 50), col(x, "unit.kind", Xlsx.Type.TEXT, 26),
                    col(x, "unit.validFrom", Xlsx.Type.DATE, 14), col(x, "unit.validTo", Xlsx.Type.DATE, 14),
                    col(x, "unit.successor", Xlsx.Type.TEXT, 40)));
            for (OrgUnit u : rows) {
                table.add(u.getCode(), u.name(x.english()), x.t(u.getKind().translationKey()), u.getValidFrom(),
                        u.getValidTo(), u.getSuccessor() == null ? null : u.getSuccessor().name(x.english()));
            }
            p.rows(table.rows(), rows.size());
            table.finish();
            List<Object[]> about = about(x, table.rows());
            about.add(line(x, "export.filter.unitSearch", blankAsAll(query, x)));
            about.add(line(x, "unit.kind", kind == null ? x.t("unit.kind.all") : x.t(kind.translationKey())));
            return finish(xlsx, x, "nav.units", about, "don-vi", table.rows());
        }
    }

    /** Accounts, as the Người dùng screen lists them for this search, read page by page. */
    @Override
    @RolesAllowed(Role.Names.ADMIN)
    public Download users(String query, Locale locale, Download.Progress progress) {
        Texts x = texts(locale);
        Download.Progress p = Download.Progress.orNone(progress);
        long total = users.count(query);
        p.rows(0, total);
        try (Xlsx xlsx = new Xlsx()) {
            Xlsx.Table table = xlsx.table(x.t("nav.users"), List.of(col(x, "user.username", Xlsx.Type.TEXT, 18),
                    col(x, "user.fullName", Xlsx.Type.TEXT, 28), col(x, "user.email", Xlsx.Type.TEXT, 28),
                    col(x, "user.unit", Xlsx.Type.TEXT, 40), col(x, "user.roles", Xlsx.Type.TEXT, 30),
                    col(x, "user.status", Xlsx.Type.TEXT, 16)));
            for (int offset = 0; ; offset += PAGE) {
                List<AppUser> page = users.search(query, offset, PAGE);
                for (AppUser u : page) {
                    table.add(u.getUsername(), u.getFullName(), u.getEmail(),
                            u.getUnit() == null ? null : u.getUnit().name(x.english()),
                            u.getRoles().stream().map(r -> x.t(r.translationKey()))
                                    .collect(java.util.stream.Collectors.joining(", ")),
                            x.t(u.isEnabled() ? "user.enabled" : "user.disabled"));
                }
                em.clear();
                p.rows(table.rows(), total);
                if (page.size() < PAGE) {
                    break;
                }
            }
            table.finish();
            List<Object[]> about = about(x, table.rows());
            about.add(line(x, "export.filter.search", blankAsAll(query, x)));
            return finish(xlsx, x, "nav.users", about, "nguoi-dung", table.rows());
        }
    }

    // ---- shared --------------------------------------------------------------------------------

    private Texts texts(Locale locale) {
        return new Texts(translations, Translations.supported(locale));
    }

    private static Xlsx.Column col(Texts x, String key, Xlsx.Type type, int width) {
        return new Xlsx.Column(x.t(key), type, width);
    }

    private static void header(Row row, int col, String text, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static Object[] line(Texts x, String key, Object value) {
        return new Object[] {x.t(key), value};
    }

    private List<Object[]> about(Texts x, long rows) {
        List<Object[]> lines = new ArrayList<>();
        lines.add(line(x, "export.at", LocalDateTime.now().withNano(0)));
        lines.add(line(x, "export.by", who()));
        lines.add(line(x, "export.rows", rows));
        return lines;
    }

    private List<Object[]> dashboardAbout(Texts x, DashboardFilter f, long rows, boolean onlyUnitsWithCells) {
        List<Object[]> lines = about(x, rows);
        lines.add(line(x, "export.scope", scope(x)));
        for (String[] d : describe(x, f)) {
            lines.add(new Object[] {d[0], d[1]});
        }
        lines.add(line(x, "dashboard.filter.onlyWithWork", x.t(onlyUnitsWithCells ? "export.yes" : "export.no")));
        return lines;
    }

    /** The dashboard filter in words, as label and value. */
    private List<String[]> describe(Texts x, DashboardFilter f) {
        List<String[]> lines = new ArrayList<>();
        if (f == null) {
            return lines;
        }
        lines.add(new String[] {x.t("task.year"), String.valueOf(f.year())});
        lines.add(new String[] {x.t("assignment.task"), taskName(f.taskId(), x)});
        lines.add(new String[] {x.t("unit.kind"), f.kind() == null ? x.t("dashboard.filter.allUnits")
                : x.t(f.kind().translationKey())});
        lines.add(new String[] {x.t("task.leader"), f.leaderId() == null ? x.t("dashboard.filter.allLeaders")
                : users.find(f.leaderId()).map(AppUser::getFullName).orElse("?")});
        lines.add(new String[] {x.t("assignment.state"), f.state() == null ? x.t("dashboard.filter.allStates")
                : x.t(f.state().translationKey())});
        lines.add(new String[] {x.t("dashboard.filter.rollUp"), x.t(f.rollUp() ? "export.yes" : "export.no")});
        return lines;
    }

    /** Whose figures these are: everything, a department's tasks, or one unit's. */
    private String scope(Texts x) {
        PortalUser me = currentUser.require();
        if (me.has(Role.LEADER) || me.has(Role.ADMIN)) {
            return x.t("export.scope.all");
        }
        String unit = me.unitName() == null ? "" : me.unitName();
        return x.t(me.has(Role.MANAGER) ? "dashboard.scope.manager" : "dashboard.scope.unit", unit);
    }

    private String who() {
        PortalUser me = currentUser.require();
        return me.fullName() + " (" + me.getUsername() + ")";
    }

    private String taskName(Long taskId, Texts x) {
        if (taskId == null) {
            return x.t("assignment.allTasks");
        }
        return tasks.find(taskId).map((PriorityTask t) -> t.getNumber() + ". " + t.title(x.english())).orElse("?");
    }

    private String periodName(ReportingFilter f, Texts x) {
        if (f.periodKey() == null || f.kind() == null) {
            return x.t("reporting.allPeriods");
        }
        return periods.ofYear(f.kind(), f.year()).stream().filter(p -> p.key().equals(f.periodKey())).findFirst()
                .map(p -> p.label(x.locale())).orElse(f.periodKey());
    }

    /** A search as typed, without what no stored text holds (as the search itself reads it). */
    private static String blankAsAll(String text, Texts x) {
        String clean = TextRules.forSearch(text).strip();
        return clean.isEmpty() ? x.t("export.filter.none") : SearchText.limit(clean, 1000);
    }

    private static String details(EventLogEntry e, Texts x) {
        return (e.getBefore() == null ? "" : EventDetails.readable(e.getBefore(), x::t) + " → ")
                + (e.getAfter() == null ? "" : EventDetails.readable(e.getAfter(), x::t));
    }

    /** Departments first, then provinces, as on the screen. */
    static List<UnitColumn> ordered(List<UnitColumn> columns) {
        List<UnitColumn> list = new ArrayList<>(columns.stream().filter(c -> c.kind() != UnitKind.PROVINCE).toList());
        list.addAll(columns.stream().filter(c -> c.kind() == UnitKind.PROVINCE).toList());
        return list;
    }

    /** "Sở Nội vụ tỉnh Lâm Đồng" is "Lâm Đồng" in a column header, as on the screen. */
    static String shortName(String name) {
        return name.replaceFirst("^Sở Nội vụ (tỉnh|thành phố) ", "").replaceFirst("^Vụ ", "")
                .replaceFirst(" (City )?Department of Home Affairs$", "").replaceFirst("^Department of ", "");
    }

    private Download finish(Xlsx xlsx, Texts x, String titleKey, List<Object[]> about, String name, long rows) {
        xlsx.about(x.t("export.sheet.about"), x.t(titleKey), about);
        return new Download(fileName(name, "xlsx"), Download.XLSX, xlsx.bytes(), rows);
    }

    static String fileName(String name, String extension) {
        return name + "-" + LocalDate.now() + "." + extension;
    }
}
