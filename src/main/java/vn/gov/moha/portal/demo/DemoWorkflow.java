package vn.gov.moha.portal.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.notification.DeadlineScanner;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.UserDraft;
import vn.gov.moha.portal.user.UserService;
import vn.gov.moha.portal.workflow.adhoc.AdhocAnswer;
import vn.gov.moha.portal.workflow.adhoc.AdhocDraft;
import vn.gov.moha.portal.workflow.adhoc.AdhocKind;
import vn.gov.moha.portal.workflow.adhoc.AdhocRequest;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.period.ReportedMonths;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * Demo work in progress, done through the services as the demo people themselves, so every rule
 * and the event log apply: task 3 assigned to every province, Lâm Đồng's report waiting for the
 * manager, Hà Nội's for its head, Đà Nẵng's returned, an extension waiting for a leader, a thematic report
 * asked of three provinces (Lâm Đồng's still to write); each step
 * notifies its people as in real use (lamdong.cv has two unread notifications of new assignments).
 * Then a history for the dashboard (see {@link #history}), and the deadline scan (overdue task 7).
 *
 * <p>Over 300 lines: the demo's story, read top to bottom in the order it happens.
 */
@Component
class DemoWorkflow {

    private final UserDetailsService people;
    private final TaskService tasks;
    private final UnitService units;
    private final AssignmentService assignments;
    private final ReportService reports;
    private final ApprovalService approvals;
    private final EvidenceService evidence;
    private final ExtensionService extensions;
    private final UserService users;
    private final JdbcTemplate jdbc;
    private final DeadlineScanner deadlines;
    private final ReportedMonths reportedMonths;
    private final AdhocService adhoc;
    private final WorkingDays workingDays;

    DemoWorkflow(
            UserDetailsService people,
            TaskService tasks,
            UnitService units,
            AssignmentService assignments,
            ReportService reports,
            ApprovalService approvals,
            EvidenceService evidence,
            ExtensionService extensions,
            UserService users,
            JdbcTemplate jdbc,
            DeadlineScanner deadlines,
            ReportedMonths reportedMonths,
            AdhocService adhoc,
            WorkingDays workingDays) {
        this.adhoc = adhoc;
        this.workingDays = workingDays;
        this.deadlines = deadlines;
        this.reportedMonths = reportedMonths;
        this.users = users;
        this.jdbc = jdbc;
        this.people = people;
        this.tasks = tasks;
        this.units = units;
        this.assignments = assignments;
        this.reports = reports;
        this.approvals = approvals;
        this.evidence = evidence;
        this.extensions = extensions;
    }

    void create(String password) {
        LocalDate today = LocalDate.now();
        PriorityTask t2 = as("admin", () -> task(2));
        PriorityTask t3 = as("admin", () -> task(3));
        PriorityTask t8 = as("admin", () -> task(8));
        List<OrgUnit> all = as("admin", () -> units.validOn(today));
        Set<Long> provinces = all.stream()
                .filter(u -> u.getKind() == UnitKind.PROVINCE)
                .map(OrgUnit::getId)
                .collect(Collectors.toSet());

        as(
                "quanly",
                () -> assignments.assign(new AssignDraft(
                        t3.getId(),
                        provinces,
                        Set.of(),
                        false,
                        today.plusDays(45),
                        null,
                        "Báo cáo kết quả tinh giản biên chế năm 2024 gắn với vị trí việc làm",
                        List.of(
                                new AssignDraft.IndicatorDraft("Số biên chế tinh giản", "người", new BigDecimal("120")),
                                new AssignDraft.IndicatorDraft(
                                        "Số vị trí việc làm được phê duyệt", "vị trí", new BigDecimal("350"))),
                        null,
                        "Thực hiện theo Nghị định số 29/2023/NĐ-CP về tinh giản biên chế; báo cáo số liệu đến ngày 14 "
                                + "hằng tháng.",
                        document(
                                "01/KH-BNV",
                                LocalDate.of(2024, 1, 5),
                                "Kế hoạch triển khai công tác quản lý biên chế, tinh giản biên chế gắn với vị trí việc "
                                        + "làm năm 2024",
                                "Nguyễn Minh Quang"))));
        as(
                "quanly",
                () -> assignments.assign(new AssignDraft(
                        t2.getId(),
                        Set.of(id(all, "SNV-01"), id(all, "SNV-48")),
                        Set.of(),
                        true,
                        null,
                        ReportingPeriod.QUARTERLY,
                        "Đề án sắp xếp đơn vị sự nghiệp công lập của tỉnh",
                        List.of(new AssignDraft.IndicatorDraft(
                                "Số đơn vị sự nghiệp công lập giảm", "đơn vị", new BigDecimal("12"))),
                        null,
                        null,
                        document(
                                "125/QĐ-BNV",
                                LocalDate.of(2024, 1, 22),
                                "Quyết định giao nhiệm vụ xây dựng Đề án sắp xếp, tổ chức lại đơn vị sự nghiệp công "
                                        + "lập năm 2024",
                                "Nguyễn Minh Quang"))));
        as(
                "quanly.cchc",
                () -> assignments.assign(new AssignDraft(
                        t8.getId(),
                        provinces,
                        Set.of(id(all, "V-CCHC")),
                        false,
                        today.plusDays(20),
                        null,
                        "Báo cáo tự đánh giá Chỉ số CCHC (PAR INDEX) năm 2024",
                        List.of(new AssignDraft.IndicatorDraft(
                                "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", new BigDecimal("80"))),
                        null,
                        null,
                        document(
                                "3456/BNV-CCHC",
                                LocalDate.of(2024, 3, 15),
                                "V/v tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2024",
                                "Phạm Thu Hà"))));

        Assignment lamDong3 = assignment("lamdong.cv", t3, "SNV-68");
        ProgressReport ld = report(
                "lamdong.cv",
                lamDong3,
                40,
                Confidence.ON_TRACK,
                "Đã rà soát vị trí việc làm tại 12 sở, ngành; tinh giản 48 biên chế trong quý III.",
                "48");
        as(
                "lamdong.cv",
                () -> evidence.addEvidence(
                        ld.getId(), "bao-cao-tinh-gian-bien-che-lam-dong.pdf", new ByteArrayInputStream(pdf())));
        submit("lamdong.cv", ld);
        approve("lamdong.truong", ld);

        Assignment haNoi3 = assignment("hanoi.cv", t3, "SNV-01");
        submit(
                "hanoi.cv",
                report(
                        "hanoi.cv",
                        haNoi3,
                        60,
                        Confidence.ON_TRACK,
                        "Hoàn thành rà soát đề án vị trí việc làm của các quận, huyện; đang tổng hợp số liệu.",
                        "70"));

        Assignment daNang8 = assignment("danang.cv", t8, "SNV-48");
        ProgressReport dn = report(
                "danang.cv",
                daNang8,
                30,
                Confidence.AT_RISK,
                "Đang thu thập tài liệu kiểm chứng cho các tiêu chí.",
                "55");
        submit("danang.cv", dn);
        as("danang.truong", () -> {
            ProgressReport r = reports.find(dn.getId()).orElseThrow();
            return approvals.returnReport(r.getId(), r.getVersion(), "Bổ sung tài liệu kiểm chứng tiêu chí 2 và 5.");
        });

        Assignment haNoi8 = assignment("hanoi.truong", t8, "SNV-01");
        as(
                "hanoi.truong",
                () -> extensions.request(
                        haNoi8.getId(),
                        haNoi8.getDeadline().plusDays(15),
                        "Chờ kết quả điều tra xã hội học SIPAS của Bộ để hoàn thiện báo cáo."));

        adhocReport(all);

        Long lastNotice = jdbc.queryForObject("select coalesce(max(id), 0) from notification", Long.class);
        history(today, all, t3, t8, password);
        beforeTheTransfer(today, t2, t3);
        // the history's notifications are months old: read, and from before e-mail (so none queued)
        jdbc.update("delete from notification_outbox where notification_id > ?", lastNotice);
        jdbc.update("update notification set read_at = created_at where id > ?", lastNotice);
        // the morning scan: task 7, due 30 days ago, reminds the eight provinces that have not finished it
        deadlines.scan(today);
    }

    /**
     * A thematic report asked of Lâm Đồng, Hà Nội and Đà Nẵng: Hà Nội's sent by its head (waiting for quanly),
     * Đà Nẵng's written and waiting for its head, Lâm Đồng's not started (lamdong.cv has it to write).
     */
    private void adhocReport(List<OrgUnit> all) {
        LocalDate in10 = LocalDate.now().plusDays(10);
        LocalDate due = workingDays.isWorkingDay(in10) ? in10 : workingDays.nextWorkingDay(in10);
        AdhocRequest r = as(
                "quanly",
                () -> adhoc.create(new AdhocDraft(
                        AdhocKind.THEMATIC,
                        "Báo cáo chuyên đề về thực hiện chế độ, chính sách đối với cán bộ, công chức cấp xã dôi dư sau sắp xếp",
                        "Đề nghị Sở Nội vụ báo cáo: số cán bộ, công chức cấp xã dôi dư; số người đã nghỉ theo chính sách; "
                                + "kinh phí đã chi trả; khó khăn, vướng mắc và kiến nghị. Số liệu tính đến ngày 30/11.",
                        due,
                        Set.of(id(all, "SNV-68"), id(all, "SNV-01"), id(all, "SNV-48")),
                        "mau-bao-cao-chuyen-de.pdf",
                        new ByteArrayInputStream(pdf()))));
        for (String[] unit : new String[][] {{"hanoi.cv", "hanoi.truong"}, {"danang.cv", null}}) {
            AdhocAnswer a = as(
                    unit[0], () -> adhoc.page(r.getId()).orElseThrow().answers().get(0));
            AdhocAnswer drafted = as(
                    unit[0],
                    () -> adhoc.saveDraft(
                            a.getId(),
                            a.getVersion(),
                            "Tổng số cán bộ, công chức cấp xã dôi dư: 412 người; đã giải quyết chế độ cho 265 người; "
                                    + "kinh phí đã chi trả 38,6 tỷ đồng. Kiến nghị Bộ hướng dẫn thời hạn bố trí số còn lại."));
            if (unit[1] != null) {
                as(unit[1], () -> adhoc.send(drafted.getId(), drafted.getVersion()));
            }
        }
    }

    /**
     * Months of work for the dashboard, through the services as the people involved: staff for most
     * other provinces, whose reports on tasks 3 and 8 travel the whole chain (a few finish, three wait
     * for their head), and task 7 given by a manager of Vụ Chính quyền địa phương to 16 provinces. The
     * services stamp everything with today's date and refuse a deadline in the past, so afterwards the
     * dates of this history (not the event log, which keeps when the demo was really made) are moved
     * back: task 7 was due 30 days ago, four provinces finished it on time, four late, eight are overdue.
     */
    private void history(LocalDate today, List<OrgUnit> all, PriorityTask t3, PriorityTask t8, String password) {
        PriorityTask t7 = as("admin", () -> task(7));
        as(
                "admin",
                () -> users.save(new UserDraft(
                        null,
                        "quanly.cqdp",
                        "Trương Minh Tuấn",
                        "quanly.cqdp@noivu.example.vn",
                        id(all, "V-CQDP"),
                        EnumSet.of(Role.MANAGER),
                        true,
                        password)));
        List<OrgUnit> staffed = new ArrayList<>();
        List<OrgUnit> provinces = all.stream()
                .filter(u -> u.getKind() == UnitKind.PROVINCE)
                .filter(u -> !Set.of("SNV-01", "SNV-48", "SNV-68").contains(u.getCode()))
                .toList();
        for (int i = 0; i < provinces.size(); i++) {
            if (i % 3 != 2) { // every third province has not reported at all
                OrgUnit unit = provinces.get(i);
                staffed.add(unit);
                String place = unit.getNameVi().replaceFirst("^Sở Nội vụ ", "");
                for (Role role : List.of(Role.UNIT_OFFICER, Role.UNIT_HEAD)) {
                    String name = login(unit, role);
                    as(
                            "admin",
                            () -> users.save(new UserDraft(
                                    null,
                                    name,
                                    (role == Role.UNIT_HEAD ? "Giám đốc Sở Nội vụ " : "Chuyên viên Sở Nội vụ ") + place,
                                    name + "@snv.example.vn",
                                    unit.getId(),
                                    EnumSet.of(role),
                                    true,
                                    password)));
                }
            }
        }

        Set<Long> t7Units = staffed.stream().limit(16).map(OrgUnit::getId).collect(Collectors.toSet());
        as(
                "quanly.cqdp",
                () -> assignments.assign(new AssignDraft(
                        t7.getId(),
                        t7Units,
                        Set.of(),
                        false,
                        today.plusDays(10),
                        null,
                        "Đề án sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023-2025 "
                                + "của tỉnh được phê duyệt và triển khai",
                        List.of(new AssignDraft.IndicatorDraft(
                                "Số đơn vị hành chính cấp xã giảm", "đơn vị", new BigDecimal("40"))),
                        null,
                        null,
                        document(
                                "215/QĐ-BNV",
                                LocalDate.of(2024, 2, 28),
                                "Quyết định giao nhiệm vụ triển khai sắp xếp đơn vị hành chính cấp huyện, cấp xã giai "
                                        + "đoạn 2023-2025",
                                "Phạm Thu Hà"))));

        int waiting = 0;
        for (int i = 0; i < staffed.size(); i++) {
            OrgUnit unit = staffed.get(i);
            String cv = login(unit, Role.UNIT_OFFICER);
            String head = login(unit, Role.UNIT_HEAD);
            int p3 = i % 7 == 0 ? 100 : 20 + (i * 37) % 70;
            Assignment a3 = assignment(cv, t3, unit.getCode());
            if (i % 2 == 0) {
                dated(
                        fullReport(
                                cv,
                                head,
                                "quanly",
                                "lanhdao",
                                a3,
                                p3 / 2,
                                "Đã rà soát vị trí việc làm, đang thẩm " + "định."),
                        today.minusDays(75));
            }
            dated(
                    fullReport(
                            cv,
                            head,
                            "quanly",
                            "lanhdao",
                            a3,
                            p3,
                            "Đã phê duyệt vị trí việc làm; tinh giản theo kế " + "hoạch."),
                    today.minusDays(25));

            Assignment a8 = assignment(cv, t8, unit.getCode());
            int p8 = 10 + (i * 53) % 60;
            dated(
                    fullReport(cv, head, "quanly.cchc", "lanhdao2", a8, p8, "Đã tự chấm điểm các tiêu chí thành phần."),
                    today.minusDays(40));
            if (i % 4 == 0 && waiting < 3) {
                waiting++;
                submit(
                        cv,
                        report(
                                cv,
                                assignment(cv, t8, unit.getCode()),
                                Math.min(100, p8 + 20),
                                Confidence.AT_RISK,
                                "Bổ sung tài liệu kiểm chứng tiêu chí cải cách thủ tục hành chính.",
                                "60"));
            }

            if (t7Units.contains(unit.getId())) {
                Assignment a7 = assignment(cv, t7, unit.getCode());
                int p7 = 35 + (i * 29) % 50;
                dated(
                        fullReport(cv, head, "quanly.cqdp", "lanhdao2", a7, p7 / 2, "Đã xây dựng phương án sắp xếp."),
                        today.minusDays(120));
                dated(
                        fullReport(
                                cv,
                                head,
                                "quanly.cqdp",
                                "lanhdao2",
                                a7,
                                p7,
                                "Hội đồng nhân dân tỉnh đã thông qua đề án."),
                        today.minusDays(60));
                if (i % 4 < 2) { // four finish on time, four after the deadline
                    dated(
                            fullReport(
                                    cv, head, "quanly.cqdp", "lanhdao2", a7, 100, "Nghị quyết sắp xếp đã có hiệu lực."),
                            today.minusDays(i % 4 == 0 ? 40 : 12));
                }
            }
        }
        // the assignments were made months ago, and task 7 was due 30 days ago
        LocalDateTime months = today.minusDays(150).atTime(8, 30);
        for (PriorityTask t : List.of(t3, t7, t8)) {
            jdbc.update(
                    "update assignment set created_at = ? where task_id = ?",
                    months.plusDays(t == t7 ? 0 : 30),
                    t.getId());
            jdbc.update(
                    "update deadline_change set changed_at = ? where assignment_id in "
                            + "(select id from assignment where task_id = ?)",
                    months.plusDays(t == t7 ? 0 : 30),
                    t.getId());
        }
        // the quarterly task 2 was given then too, so its two provinces owe the latest quarter already due
        // and have not reported it: the dashboard's "not reported this period" and late-reports chart
        PriorityTask t2 = as("admin", () -> task(2));
        jdbc.update("update assignment set created_at = ? where task_id = ?", months, t2.getId());
        jdbc.update(
                "update deadline_change set changed_at = ? where assignment_id in "
                        + "(select id from assignment where task_id = ?)",
                months,
                t2.getId());
        jdbc.update("update assignment set deadline = ? where task_id = ?", today.minusDays(30), t7.getId());
        jdbc.update(
                "update deadline_change set new_deadline = ? where assignment_id in "
                        + "(select id from assignment where task_id = ?)",
                today.minusDays(30),
                t7.getId());
        beforeTheMerger(today, t7, t7Units, months);
    }

    /**
     * Task 7 was also given, in 2024, to provinces that merged on 1/7/2025; the services no longer
     * assign to a unit that has ended, so these few records are written as they would have been
     * kept then (no reports, no log entries). The dashboard's roll-up shows them under their successor.
     */
    private void beforeTheMerger(LocalDate today, PriorityTask t7, Set<Long> t7Units, LocalDateTime when) {
        Long creator = jdbc.queryForObject("select id from app_user where username = 'quanly.cqdp'", Long.class);
        List<Long> ended = jdbc
                .queryForList(
                        "select u.id from org_unit u join org_unit s on s.id = u.successor_id "
                                + "where u.kind = 'PROVINCE' order by s.code, u.code",
                        Long.class)
                .stream()
                .filter(id -> t7Units.contains(
                        jdbc.queryForObject("select successor_id from org_unit where id = ?", Long.class, id)))
                .limit(8)
                .toList();
        LocalDate deadline = today.minusDays(30);
        for (int i = 0; i < ended.size(); i++) {
            int percent = i % 3 == 2 ? 70 : 100;
            LocalDate completed = percent < 100 ? null : deadline.plusDays(i % 3 == 0 ? -15 : 10);
            jdbc.update(
                    "insert into assignment (task_id, lead_unit_id, deadline, expected_output, leader_id, "
                            + "percent_complete, completed_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    t7.getId(),
                    ended.get(i),
                    deadline,
                    "Đề án sắp xếp đơn vị hành chính cấp huyện, cấp xã của tỉnh",
                    t7.getLeader() == null ? null : t7.getLeader().getId(),
                    percent,
                    completed,
                    creator,
                    when);
            jdbc.update(
                    "insert into deadline_change (assignment_id, new_deadline, reason, changed_by, changed_at) "
                            + "select id, deadline, 'assign', created_by, created_at from assignment "
                            + "where task_id = ? and lead_unit_id = ?",
                    t7.getId(),
                    ended.get(i));
        }
    }

    /**
     * Hà Giang (merged into Tuyên Quang) and Quảng Nam (into Đà Nẵng) on 1/7/2025 still hold open work, as a
     * province whose work nobody moved would (issue 18), so an administrator can apply the merger on "Đơn vị" →
     * "Chuyển giao, sáp nhập đơn vị": Hà Giang has the quarterly task 2 (owing the last quarter; it moves to Tuyên
     * Quang) and task 3 with a report waiting for its head and an extension request (it merges into Tuyên Quang's
     * task 3); Quảng Nam has task 7 (it moves) and the quarterly task 2 (it merges into Đà Nẵng's). The services
     * assign only to units that exist today, so the two are reopened for the moment it takes, as they were in 2024.
     */
    private void beforeTheTransfer(LocalDate today, PriorityTask t2, PriorityTask t3) {
        PriorityTask t7 = as("admin", () -> task(7));
        List<OrgUnit> all = as("admin", () -> units.all());
        Long haGiang = id(all, "SNV-02");
        Long quangNam = id(all, "SNV-49");
        LocalDate ended = jdbc.queryForObject("select valid_to from org_unit where id = ?", LocalDate.class, haGiang);
        jdbc.update("update org_unit set valid_to = null where id in (?, ?)", haGiang, quangNam);
        try {
            as(
                    "quanly",
                    () -> assignments.assign(new AssignDraft(
                            t2.getId(),
                            Set.of(haGiang, quangNam),
                            Set.of(),
                            true,
                            null,
                            ReportingPeriod.QUARTERLY,
                            "Đề án sắp xếp đơn vị sự nghiệp công lập của tỉnh",
                            List.of(new AssignDraft.IndicatorDraft(
                                    "Số đơn vị sự nghiệp công lập giảm", "đơn vị", new BigDecimal("8"))),
                            null,
                            null,
                            document(
                                    "126/QĐ-BNV",
                                    LocalDate.of(2024, 1, 22),
                                    "Quyết định giao nhiệm vụ xây dựng Đề án sắp xếp đơn vị sự nghiệp công lập năm 2024 "
                                            + "(bổ sung)",
                                    "Nguyễn Minh Quang"))));
            as(
                    "quanly",
                    () -> assignments.assign(new AssignDraft(
                            t3.getId(),
                            Set.of(haGiang),
                            Set.of(),
                            false,
                            today.plusDays(45),
                            null,
                            "Báo cáo kết quả tinh giản biên chế năm 2024 gắn với vị trí việc làm",
                            List.of(new AssignDraft.IndicatorDraft(
                                    "Số biên chế tinh giản", "người", new BigDecimal("60"))),
                            null,
                            null,
                            document(
                                    "02/KH-BNV",
                                    LocalDate.of(2024, 1, 5),
                                    "Kế hoạch tinh giản biên chế năm 2024 (bổ sung)",
                                    "Nguyễn Minh Quang"))));
            as(
                    "quanly.cqdp",
                    () -> assignments.assign(new AssignDraft(
                            t7.getId(),
                            Set.of(quangNam),
                            Set.of(),
                            false,
                            today.plusDays(25),
                            null,
                            "Đề án sắp xếp đơn vị hành chính cấp huyện, cấp xã của tỉnh",
                            List.of(new AssignDraft.IndicatorDraft(
                                    "Số đơn vị hành chính cấp xã giảm", "đơn vị", new BigDecimal("50"))),
                            null,
                            null,
                            document(
                                    "216/QĐ-BNV",
                                    LocalDate.of(2024, 2, 28),
                                    "Quyết định giao nhiệm vụ sắp xếp đơn vị hành chính (bổ sung)",
                                    "Phạm Thu Hà"))));
            Assignment haGiang3 = assignment("hagiang.cv", t3, "SNV-02");
            submit(
                    "hagiang.cv",
                    report(
                            "hagiang.cv",
                            haGiang3,
                            35,
                            Confidence.AT_RISK,
                            "Đã rà soát vị trí việc làm của các cơ quan hành chính; đang chờ số liệu cấp huyện.",
                            "18"));
            as(
                    "hagiang.cv",
                    () -> extensions.request(
                            haGiang3.getId(),
                            haGiang3.getDeadline().plusDays(30),
                            "Sáp nhập tỉnh: cần thêm thời gian tổng hợp số liệu của các huyện."));
        } finally {
            jdbc.update("update org_unit set valid_to = ? where id in (?, ?)", ended, haGiang, quangNam);
        }
        // given months ago like the other task-2 assignments, so the last quarter is owed
        jdbc.update(
                "update assignment set created_at = ? where task_id = ? and lead_unit_id in (?, ?)",
                today.minusDays(150).atTime(8, 30),
                t2.getId(),
                haGiang,
                quangNam);
    }

    /** The demo login of a province's officer or head: snv31.cv, snv31.truong, snv46-25.cv. */
    private static String login(OrgUnit province, Role role) {
        return province.getCode().toLowerCase().replace("snv-", "snv") + (role == Role.UNIT_HEAD ? ".truong" : ".cv");
    }

    /** A report written, submitted and approved at every step; returns it. */
    private ProgressReport fullReport(
            String officer, String head, String manager, String leader, Assignment a, int percent, String text) {
        Assignment fresh = as(officer, () -> assignments.find(a.getId()).orElseThrow());
        ProgressReport r = report(officer, fresh, percent, Confidence.ON_TRACK, text, String.valueOf(percent));
        submit(officer, r);
        approve(head, r);
        approve(manager, r);
        approve(leader, r);
        return r;
    }

    /** Moves a finished report (and the completion it brought) to the given day. */
    private void dated(ProgressReport report, LocalDate day) {
        LocalDateTime at = day.atTime(9, 0);
        jdbc.update("update progress_report set created_at = ?, submitted_at = ? where id = ?", at, at, report.getId());
        jdbc.update("update approval_decision set decided_at = ? where report_id = ?", at.plusHours(4), report.getId());
        jdbc.update(
                "update assignment set completed_on = ? where completed_on is not null and id = "
                        + "(select assignment_id from progress_report where id = ?)",
                day,
                report.getId());
        // the report now counts in that day's month
        reportedMonths.refresh(jdbc.queryForObject(
                "select assignment_id from progress_report where id = ?", Long.class, report.getId()));
    }

    private PriorityTask task(int number) {
        return tasks.tasksOf(2024, "").stream()
                .filter(t -> t.getNumber() == number)
                .findFirst()
                .orElseThrow();
    }

    private static Long id(List<OrgUnit> all, String code) {
        return all.stream()
                .filter(u -> u.getCode().equals(code))
                .findFirst()
                .orElseThrow()
                .getId();
    }

    private Assignment assignment(String who, PriorityTask task, String unitCode) {
        return as(who, () -> {
            Assignment a = assignments.list(task.getYear(), task.getId(), "", 0, 100).stream()
                    .filter(x -> x.getLeadUnit().getCode().equals(unitCode))
                    .findFirst()
                    .orElseThrow();
            return assignments.find(a.getId()).orElseThrow();
        });
    }

    private ProgressReport report(
            String who, Assignment a, int percent, Confidence confidence, String text, String firstValue) {
        Long indicator = a.getIndicators().get(0).getId();
        return as(
                who,
                () -> reports.save(new ReportDraft(
                        null, a.getId(), 0, percent, confidence, text, Map.of(indicator, new BigDecimal(firstValue)))));
    }

    private void submit(String who, ProgressReport report) {
        as(who, () -> {
            ProgressReport r = reports.find(report.getId()).orElseThrow();
            return reports.submit(r.getId(), r.getVersion());
        });
    }

    private void approve(String who, ProgressReport report) {
        as(who, () -> {
            ProgressReport r = reports.find(report.getId()).orElseThrow();
            return approvals.approve(r.getId(), r.getVersion(), "Đồng ý, trình Bộ.");
        });
    }

    private <T> T as(String username, Supplier<T> action) {
        PortalUser user = (PortalUser) people.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * An assigning document of the demo: invented (number, date and subject made to look like the ministry's, not
     * copied from a real document), issued by Bộ Nội vụ, its PDF a page naming it.
     */
    private static DocumentDraft document(String number, LocalDate issuedOn, String summary, String signer) {
        byte[] file = pdf("Bo Noi vu - So " + number + " (van ban mau cua ban demo)");
        return new DocumentDraft(
                number,
                issuedOn,
                summary,
                "Bộ Nội vụ",
                signer,
                SearchText.fold(number).replaceAll("[^0-9a-z]+", "-") + ".pdf",
                new ByteArrayInputStream(file));
    }

    /** A one-page PDF that any reader opens. */
    private static byte[] pdf() {
        return pdf("So Noi vu tinh Lam Dong - Bao cao tien do");
    }

    /** A one-page PDF showing one line of ASCII text. */
    private static byte[] pdf(String line) {
        String text = "BT /F1 14 Tf 72 720 Td (" + line + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                    + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
