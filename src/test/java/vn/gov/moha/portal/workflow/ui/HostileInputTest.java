package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.moha.portal.workflow.WorkflowFixture.PDF;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.dom.Element;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.PriorityTask;
import vn.gov.moha.portal.task.TaskDraft;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitDraft;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserDraft;
import vn.gov.moha.portal.user.UserService;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.AssignDraft;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentEdit;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * A corpus of hostile text (markup, SQL, very long text, control and invisible characters,
 * direction overrides, broken surrogates, emoji, combining marks, number look-alikes) sent through
 * every service method that takes text. Each call must either store exactly what was sent (trimmed)
 * or be refused with an {@link InvalidInputException} naming the field; never another exception,
 * never a silently changed value. The rule (see {@code TextRules}) is stated again here on its own:
 * control characters (line breaks and tabs allowed in multi-line fields only), direction overrides
 * and isolates and broken surrogates are refused, so is text over the field's length; anything else
 * in free text is kept. Search filters never fail. Then on screen: markup shows as text.
 * Runs on H2 and on PostgreSQL (which cannot store NUL at all).
 */
@PortalTest
class HostileInputTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    AssignmentService assignments;

    @Autowired
    ReportService reports;

    @Autowired
    ExtensionService extensions;

    @Autowired
    TaskService tasks;

    @Autowired
    UnitService units;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserService users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    EventLog eventLog;

    @Autowired
    ApprovalService approvals;

    @Autowired
    EvidenceService evidence;

    private static final String SCRIPT = "<script>alert('xss')</script><img src=x onerror=alert(1)>";

    private final Set<String> tried = new LinkedHashSet<>();
    private final Map<String, int[]> perMethod = new LinkedHashMap<>();
    private int calls;
    private int refused;
    private int saved;
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> wrong = new ArrayList<>();

    /** The corpus: a few hundred strings, each a known way to break or fool a form. */
    static List<String> corpus() {
        List<String> c = new ArrayList<>(List.of(
                SCRIPT,
                "<img src=x onerror=alert(1)>",
                "\"><svg/onload=alert(1)>",
                "javascript:alert(1)",
                "<iframe src=\"//evil.example\"></iframe>",
                "<b>đậm</b> & <i>nghiêng</i>",
                "{{7*7}} ${7*7} #{7*7}",
                "' OR 1=1 --",
                "'; DROP TABLE app_user; --",
                "\" OR \"\"=\"",
                "1; SELECT pg_sleep(5)",
                "' UNION SELECT password_hash FROM app_user --",
                "%",
                "_",
                "%%",
                "%' OR '1'='1",
                "\\",
                "\\'",
                "''",
                "../../etc/passwd",
                "C:\\Windows\\system32",
                "%00",
                "%0d%0aSet-Cookie: x=1",
                "1,5",
                "1.000,00",
                "1e309",
                "NaN",
                "-0",
                "٣",
                "Infinity",
                "0x1F",
                "１２３",
                "1 000",
                "−5",
                "o'neil+thu@noivu.gov.vn",
                "tên@miền.việt.nam",
                "<script>@x.vn",
                "a@b.c\u202E",
                "2024-13-45",
                "deadline=2024-13-45",
                "a; reason=b; status=APPROVED",
                "null",
                "undefined",
                "😀",
                "👨‍👩‍👧‍👦",
                "🇻🇳 Việt Nam",
                "𠜎𠜱𠝹",
                "𝕳𝖊𝖑𝖑𝖔",
                "Lâm Đồng 😀 báo cáo",
                "e\u0301",
                "Le\u0302\u0300 Thi\u0323",
                "Z" + "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308".repeat(8),
                "\u0301 dấu đứng đầu",
                "Ω≈ç√∫ ǅ ﷺ",
                "\uFFFF\uFFFE",
                "\uE000 riêng",
                "ß İ ı ſ K",
                "a\u200Bb",
                "a\u200Cb",
                "a\u200Db",
                "a\u2060b",
                "\uFEFFđầu có BOM",
                "a\u200Eb",
                "a\u200Fb",
                "a\u061Cb",
                "\u200B",
                "\u200B\u200D\uFEFF",
                "\u00A0",
                "\u3000",
                "   ",
                "  có khoảng trắng  ",
                "\u00A0giữ khoảng cứng\u00A0",
                "dòng 1\ndòng 2",
                "cột\tcột",
                "\n\nchỉ xuống dòng đầu",
                "dòng\u2028dòng",
                "đoạn\u2029đoạn",
                "\r\n",
                "kết thúc\r",
                "hoa-don\u202Efdp.exe",
                "\u202Dtrái\u202C",
                "\u2067isolate\u2069",
                "\uD800",
                "a\uDC00b",
                "đuôi\uDBFF",
                "\uDC00\uD800",
                "a".repeat(10_000),
                "ệ".repeat(10_000),
                "😀".repeat(5_000),
                "x\u0000".repeat(100)));
        for (int ch = 0; ch < 0x20; ch++) {
            c.add("a" + (char) ch + "b");
        }
        c.add("a\u007Fb");
        for (int ch = 0x80; ch < 0xA0; ch++) {
            c.add("a" + (char) ch + "b");
        }
        for (int ch = 0x202A; ch <= 0x202E; ch++) {
            c.add("abc" + (char) ch + "def");
        }
        for (int ch = 0x2066; ch <= 0x2069; ch++) {
            c.add("abc" + (char) ch + "def");
        }
        c.add("\u0000");
        return c;
    }

    /** Strings just at and just over a field's length, in plain letters, Vietnamese letters and emoji. */
    private static List<String> edges(int max) {
        return List.of(
                "a".repeat(max),
                "a".repeat(max + 1),
                "ệ".repeat(max),
                "ệ".repeat(max + 1),
                " " + "b".repeat(max) + " ",
                "😀".repeat(max / 2),
                "😀".repeat(max / 2 + 1));
    }

    // ---------------------------------------------------------------- the rule, stated on its own

    private static boolean forbidden(String s, boolean lines) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean pairedHigh =
                    Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (Character.isSurrogate(ch) && !pairedHigh && !pairedLow) {
                return true;
            }
            boolean lineOrTab = ch == '\n' || ch == '\t' || ch == '\u2028' || ch == '\u2029';
            if (lineOrTab
                    ? !lines
                    : (ch < 0x20
                            || (ch >= 0x7F && ch < 0xA0)
                            || (ch >= 0x202A && ch <= 0x202E)
                            || (ch >= 0x2066 && ch <= 0x2069))) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String s) {
        return s.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.CONTROL);
    }

    /** A free-text field: what must happen to the payload. */
    private record Field(String name, int max, boolean lines, boolean required) {

        boolean mustRefuse(String s) {
            return forbidden(s, lines) || s.strip().length() > max || (required && blank(s));
        }

        /** What is stored when the payload is kept: trimmed; nothing for blank optional text. */
        String stored(String s) {
            return blank(s) ? null : s.strip();
        }
    }

    // ---------------------------------------------------------------- one call

    /**
     * One call. {@code call} saves the payload and returns what the database then holds.
     * {@code field} names the field a refusal must name; {@code rule} (null for fields with a
     * format of their own: user name, code, e-mail, password) says whether it had to be kept.
     */
    private void attempt(
            String method,
            String field,
            Field rule,
            String payload,
            Function<String, String> expected,
            Supplier<String> call) {
        tried.add(payload);
        calls++;
        int[] counts = perMethod.computeIfAbsent(method + " " + field, k -> new int[2]);
        String shown = show(payload);
        try {
            String stored = call.get();
            String wanted = expected.apply(payload);
            if (!Objects.equals(stored, wanted)) {
                wrong.add(method + " " + field + " " + shown + ": stored " + show(stored) + " instead of "
                        + show(wanted));
            } else if (rule != null && rule.mustRefuse(payload) || rule == null && forbidden(payload, false)) {
                wrong.add(method + " " + field + " " + shown + ": kept, but the rule refuses it");
            } else {
                saved++;
                counts[0]++;
            }
        } catch (InvalidInputException e) {
            if (e.problems().stream().noneMatch(p -> p.field().equals(field))) {
                wrong.add(method + " " + field + " " + shown + ": refused naming " + e.problems());
            } else if (rule != null && !rule.mustRefuse(payload)) {
                wrong.add(method + " " + field + " " + shown + ": refused " + e.problems() + ", but the rule keeps it");
            } else {
                refused++;
                counts[1]++;
            }
        } catch (RuntimeException | AssertionError e) {
            serverErrors.add(method + " " + field + " " + shown + ": " + e);
        }
    }

    private static String show(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        s.codePoints()
                .limit(24)
                .forEach(c -> out.append(
                        c < 0x20
                                        || (c >= 0x7F && c < 0xA0)
                                        || Character.getType(c) == Character.FORMAT
                                        || Character.isSurrogate((char) c) && c < 0x10000
                                ? String.format("\\u%04X", c)
                                : new String(Character.toChars(c))));
        return out.append(s.length() > 24 ? "…\" (" + s.length() + " chars)" : "\"")
                .toString();
    }

    private String one(String sql, Object... args) {
        return jdbc.queryForObject(sql, String.class, args);
    }

    // ---------------------------------------------------------------- the test

    /** The accounts there were before the test: the ones it makes (in Lâm Đồng) go again, whatever they became. */
    private List<Long> accountsBefore = List.of();

    @BeforeEach
    void rememberTheAccounts() {
        accountsBefore = jdbc.queryForList("select id from app_user", Long.class);
    }

    @AfterEach
    void removeWhatThisTestCreated() {
        // by id, not by a trait of the account: the test rewrites its own account's e-mail with hostile text, and
        // an account left in Lâm Đồng was counted by later tests of the same run (the transfer's accounts)
        for (Long id : jdbc.queryForList("select id from app_user", Long.class)) {
            if (!accountsBefore.contains(id)) {
                jdbc.update("delete from app_user_role where user_id = ?", id);
                jdbc.update("delete from app_user where id = ?", id);
            }
        }
        jdbc.update("delete from org_unit where name_en = 'Hostile input test'");
        jdbc.update("delete from priority_task where programme_year = 2099");
        jdbc.update("delete from programme_year where programme_year = 2099");
    }

    @Test
    void hostileTextIsStoredExactlyOrRefusedNamingTheFieldNeverAServerError() {
        List<String> corpus = corpus();
        PriorityTask t3 = workflow.task(3);
        OrgUnit lamDong = workflow.unit("SNV-68");
        OrgUnit haNoi = workflow.unit("SNV-01");
        OrgUnit daNang = workflow.unit("SNV-48");

        // users, units, tasks (ADMIN)
        login("admin");
        AppUser base = users.save(new UserDraft(
                null,
                "thu.base",
                "Người thử",
                "base@thu.noivu.gov.vn",
                lamDong.getId(),
                Set.of(Role.UNIT_OFFICER),
                true,
                "Mat-khau-thu-1"));
        OrgUnit unit = units.save(new UnitDraft(
                null,
                "THU-HOSTILE",
                "Đơn vị thử",
                "Hostile input test",
                UnitKind.DEPARTMENT,
                null,
                null,
                LocalDate.of(2024, 1, 1),
                null));
        tasks.openYear(2099, null, null);
        PriorityTask task = tasks.save(new TaskDraft(
                null,
                2099,
                1,
                "Nhiệm vụ thử",
                "Test task",
                null,
                t3.getLeadUnit().getId(),
                null));
        Field fullName = new Field("fullName", 150, false, true);
        Field nameVi = new Field("nameVi", 255, false, true);
        Field nameEn = new Field("nameEn", 255, false, false);
        Field titleVi = new Field("titleVi", 500, false, true);
        Field titleEn = new Field("titleEn", 500, false, true);
        Field description = new Field("description", 4000, true, false);
        int[] userNumber = {0};
        for (String p : with(corpus, 150, 255, 500, 4000)) {
            attempt("UserService.save", "fullName", fullName, p, fullName::stored, () -> {
                users.save(new UserDraft(
                        base.getId(),
                        null,
                        p,
                        "base@thu.noivu.gov.vn",
                        lamDong.getId(),
                        Set.of(Role.UNIT_OFFICER),
                        true,
                        null));
                return one("select full_name from app_user where id = ?", base.getId());
            });
            attempt("UserService.save", "email", null, p, String::strip, () -> {
                users.save(new UserDraft(
                        base.getId(), null, "Người thử", p, lamDong.getId(), Set.of(Role.UNIT_OFFICER), true, null));
                return one("select email from app_user where id = ?", base.getId());
            });
            attempt("UserService.save", "username", null, p, s -> s.strip().toLowerCase(Locale.ROOT), () -> {
                AppUser made = users.save(new UserDraft(
                        null,
                        p,
                        "Người thử",
                        "u" + (++userNumber[0]) + "@thu.noivu.gov.vn",
                        lamDong.getId(),
                        Set.of(Role.UNIT_OFFICER),
                        true,
                        "Mat-khau-thu-1"));
                return one("select username from app_user where id = ?", made.getId());
            });
            attempt("UserService.resetPassword", "password", null, p, Function.identity(), () -> {
                users.resetPassword(base.getId(), p);
                return encoder.matches(p, one("select password_hash from app_user where id = ?", base.getId()))
                        ? p
                        : "(a different password)";
            });
            attempt("UnitService.save", "nameVi", nameVi, p, nameVi::stored, () -> {
                units.save(new UnitDraft(
                        unit.getId(),
                        "THU-HOSTILE",
                        p,
                        "Hostile input test",
                        UnitKind.DEPARTMENT,
                        null,
                        null,
                        LocalDate.of(2024, 1, 1),
                        null));
                return one("select name_vi from org_unit where id = ?", unit.getId());
            });
            attempt("UnitService.save", "nameEn", nameEn, p, nameEn::stored, () -> {
                units.save(new UnitDraft(
                        unit.getId(),
                        "THU-HOSTILE",
                        "Đơn vị thử",
                        p,
                        UnitKind.DEPARTMENT,
                        null,
                        null,
                        LocalDate.of(2024, 1, 1),
                        null));
                String stored = one("select name_en from org_unit where id = ?", unit.getId());
                jdbc.update("update org_unit set name_en = 'Hostile input test' where id = ?", unit.getId());
                return stored;
            });
            attempt("UnitService.save", "code", null, p, s -> s.strip().toUpperCase(Locale.ROOT), () -> {
                units.save(new UnitDraft(
                        unit.getId(),
                        p,
                        "Đơn vị thử",
                        "Hostile input test",
                        UnitKind.DEPARTMENT,
                        null,
                        null,
                        LocalDate.of(2024, 1, 1),
                        null));
                String stored = one("select code from org_unit where id = ?", unit.getId());
                jdbc.update("update org_unit set code = 'THU-HOSTILE' where id = ?", unit.getId());
                return stored;
            });
            attempt("TaskService.save", "titleVi", titleVi, p, titleVi::stored, () -> {
                tasks.save(new TaskDraft(
                        task.getId(),
                        2099,
                        1,
                        p,
                        "Test task",
                        null,
                        t3.getLeadUnit().getId(),
                        null));
                return one("select title_vi from priority_task where id = ?", task.getId());
            });
            attempt("TaskService.save", "titleEn", titleEn, p, titleEn::stored, () -> {
                tasks.save(new TaskDraft(
                        task.getId(),
                        2099,
                        1,
                        "Nhiệm vụ thử",
                        p,
                        null,
                        t3.getLeadUnit().getId(),
                        null));
                return one("select title_en from priority_task where id = ?", task.getId());
            });
            attempt("TaskService.save", "description", description, p, description::stored, () -> {
                tasks.save(new TaskDraft(
                        task.getId(),
                        2099,
                        1,
                        "Nhiệm vụ thử",
                        "Test task",
                        p,
                        t3.getLeadUnit().getId(),
                        null));
                return one("select description from priority_task where id = ?", task.getId());
            });
        }
        logout();

        // assignments (MANAGER): create with indicators, edit with a reason
        Field expectedOutput = new Field("expectedOutput", 2000, true, true);
        Field instructions = new Field("instructions", 4000, true, false);
        Field indicatorName = new Field("indicators", 255, false, true);
        Field indicatorUnit = new Field("indicators", 50, false, true);
        Field reason = new Field("reason", 1000, true, true);
        login("quanly");
        assignments.assign(new AssignDraft(
                t3.getId(),
                Set.of(lamDong.getId()),
                Set.of(haNoi.getId()),
                false,
                LocalDate.now().plusDays(30),
                null,
                "Sản phẩm",
                List.of(new AssignDraft.IndicatorDraft("Chỉ tiêu", "người", new BigDecimal("100"))),
                null,
                null,
                WorkflowFixture.document()));
        Long id = jdbc.queryForObject("select id from assignment where lead_unit_id = ?", Long.class, lamDong.getId());
        for (String p : with(corpus, 50, 255, 1000, 2000, 4000)) {
            attempt(
                    "AssignmentService.assign",
                    "expectedOutput",
                    expectedOutput,
                    p,
                    expectedOutput::stored,
                    () -> assignToDaNang(t3, daNang, p, null, "Chỉ tiêu", "người", "expected_output"));
            attempt(
                    "AssignmentService.assign",
                    "instructions",
                    instructions,
                    p,
                    instructions::stored,
                    () -> assignToDaNang(t3, daNang, "Sản phẩm", p, "Chỉ tiêu", "người", "instructions"));
            attempt(
                    "AssignmentService.assign",
                    "indicators",
                    indicatorName,
                    p,
                    indicatorName::stored,
                    () -> assignToDaNang(t3, daNang, "Sản phẩm", null, p, "người", "name"));
            attempt(
                    "AssignmentService.assign",
                    "indicators",
                    indicatorUnit,
                    p,
                    indicatorUnit::stored,
                    () -> assignToDaNang(t3, daNang, "Sản phẩm", null, "Chỉ tiêu", p, "unit_of_measure"));
            attempt(
                    "AssignmentService.edit",
                    "expectedOutput",
                    expectedOutput,
                    p,
                    expectedOutput::stored,
                    () -> edit(id, p, null, "Điều chỉnh", "expected_output"));
            attempt(
                    "AssignmentService.edit",
                    "instructions",
                    instructions,
                    p,
                    instructions::stored,
                    () -> edit(id, "Sản phẩm", p, "Điều chỉnh", "instructions"));
            attempt(
                    "AssignmentService.edit",
                    "reason",
                    reason,
                    p,
                    reason::stored,
                    () -> edit(id, "Sản phẩm", null, p, null));
        }
        logout();

        // coordinating unit's contribution
        Field contribution = new Field("contribution", 4000, true, true);
        login("hanoi.cv");
        for (String p : with(corpus, 4000)) {
            attempt(
                    "AssignmentService.contribute",
                    "contribution",
                    contribution,
                    p,
                    contribution::stored,
                    () -> one(
                            "select text from contribution where id = ?",
                            assignments.contribute(id, p).getId()));
        }
        logout();

        // reports (UNIT_OFFICER): narrative, evidence file names, indicator values
        Field narrative = new Field("narrative", 8000, true, true);
        // a file name: one line of at most 255 characters, of which only the base name is kept (FileStore.baseName);
        // each payload is sent as a name ending in .pdf, the type of the content
        Field fileName = new Field("file", 255, false, false);
        login("lamdong.cv");
        Long indicator =
                assignments.find(id).orElseThrow().getIndicators().get(0).getId();
        ProgressReport report = reports.save(new ReportDraft(null, id, 0, 10, Confidence.ON_TRACK, "Nháp", Map.of()));
        for (String p : with(corpus, 251, 255, 8000)) {
            attempt("ReportService.save", "narrative", narrative, p, narrative::stored, () -> {
                ProgressReport r = reports.find(report.getId()).orElseThrow();
                reports.save(new ReportDraft(r.getId(), id, r.getVersion(), 20, Confidence.AT_RISK, p, Map.of()));
                return one("select narrative from progress_report where id = ?", report.getId());
            });
            attempt(
                    "ReportService.addEvidence",
                    "file",
                    fileName,
                    p + ".pdf",
                    s -> s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1)
                            .strip(),
                    () -> one(
                            "select original_name from evidence_file where id = ?",
                            evidence.addEvidence(report.getId(), p + ".pdf", new ByteArrayInputStream(PDF))
                                    .getId()));
        }
        int numbers = 0;
        for (String n : List.of(
                "1e309",
                "1E+15",
                "999999999999999.99",
                "1e-400",
                "0.005",
                "0.01",
                "-0",
                "-1",
                "-0.00",
                "12345678901234567890",
                "1.50",
                "0",
                "1E+2")) {
            numbers++;
            BigDecimal value = new BigDecimal(n);
            attempt(
                    "ReportService.save",
                    "indicator-" + indicator,
                    null,
                    n,
                    s -> value.stripTrailingZeros().toPlainString(),
                    () -> {
                        ProgressReport r = reports.find(report.getId()).orElseThrow();
                        reports.save(new ReportDraft(
                                r.getId(),
                                id,
                                r.getVersion(),
                                20,
                                Confidence.AT_RISK,
                                "Số liệu",
                                Map.of(indicator, value)));
                        return jdbc.queryForObject(
                                        "select reported from indicator_value where report_id = ?",
                                        BigDecimal.class,
                                        report.getId())
                                .stripTrailingZeros()
                                .toPlainString();
                    });
        }
        ProgressReport draft = reports.find(report.getId()).orElseThrow();
        reports.submit(draft.getId(), draft.getVersion());
        logout();

        // approvals: the unit head approves with a comment or returns with a reason
        Field comment = new Field("reason", 2000, true, false);
        Field returnReason = new Field("reason", 2000, true, true);
        for (String p : with(corpus, 2000)) {
            attempt("ReportService.approve", "reason", comment, p, comment::stored, () -> {
                decide("lamdong.truong", report.getId(), p, true);
                String stored =
                        one("select comment from approval_decision where id = (select max(id) from approval_decision)");
                decide("quanly", report.getId(), "Trả lại để thử tiếp", false);
                resubmit(report.getId());
                return stored;
            });
            attempt("ReportService.returnReport", "reason", returnReason, p, returnReason::stored, () -> {
                decide("lamdong.truong", report.getId(), p, false);
                String stored =
                        one("select comment from approval_decision where id = (select max(id) from approval_decision)");
                resubmit(report.getId());
                return stored;
            });
        }

        // extension requests (lead unit) and decisions (LEADER)
        Field extensionReason = new Field("reason", 1000, true, true);
        Field decisionComment = new Field("comment", 2000, true, true);
        for (String p : with(corpus, 1000, 2000)) {
            attempt("ExtensionService.request", "reason", extensionReason, p, extensionReason::stored, () -> {
                if (jdbc.queryForObject(
                                "select count(*) from extension_request where status = 'PENDING'", Integer.class)
                        > 0) {
                    rejectPending(id, "Chưa đồng ý");
                }
                login("lamdong.truong");
                Long request = extensions.request(id, laterDeadline(id), p).getId();
                logout();
                String stored = one("select reason from extension_request where id = ?", request);
                rejectPending(id, "Chưa đồng ý");
                return stored;
            });
            attempt("ExtensionService.decide", "comment", decisionComment, p, decisionComment::stored, () -> {
                login("lamdong.truong");
                if (extensions.canRequest(assignments.find(id).orElseThrow())) {
                    extensions.request(id, laterDeadline(id), "Chờ số liệu");
                }
                logout();
                Long request = rejectPending(id, p);
                return one("select decision_comment from extension_request where id = ?", request);
            });
        }
        logout();

        // search filters never fail, and markup or SQL in them finds nothing
        int searches = 0;
        login("admin");
        long allUsers = users.count("");
        logout();
        for (String p : corpus) {
            for (String caller : List.of("quanly", "admin")) {
                login(caller);
                try {
                    List<Long> found = new ArrayList<>();
                    if (caller.equals("quanly")) {
                        found.add((long) assignments.list(2024, null, p, 0, 100).size());
                        found.add(assignments.count(2024, null, p));
                        found.add((long) units.search(p, null).size());
                        found.add((long) tasks.tasksOf(2024, p).size());
                        searches += 4;
                    } else {
                        found.add((long) users.search(p, 0, 50).size());
                        found.add(users.count(p));
                        found.add((long) eventLog.page(p, null, 0, 50).size());
                        found.add(eventLog.count(p, null));
                        found.add(eventLog.count(null, p));
                        searches += 5;
                        assertThat(users.count(p)).isLessThanOrEqualTo(allUsers);
                    }
                    calls += found.size();
                    tried.add(p);
                    if (List.of("%", "_", "%%", "%' OR '1'='1", "' OR 1=1 --", SCRIPT)
                                    .contains(p)
                            && found.stream().anyMatch(n -> n > 0)) {
                        wrong.add("search " + show(p) + " as " + caller + " found " + found);
                    }
                } catch (RuntimeException e) {
                    serverErrors.add("search " + show(p) + " as " + caller + ": " + e);
                }
                logout();
            }
        }

        System.out.printf(
                "Hostile input: %d payloads tried, %d calls made (%d searches, %d number edge cases); "
                        + "refused with the field named: %d; saved verbatim: %d; server errors = %d; "
                        + "wrong outcomes = %d%n",
                tried.size(), calls, searches, numbers, refused, saved, serverErrors.size(), wrong.size());
        perMethod.forEach((k, v) -> System.out.printf("  %-50s kept %4d  refused %4d%n", k, v[0], v[1]));
        serverErrors.stream().limit(40).forEach(e -> System.out.println("  SERVER ERROR " + e));
        wrong.stream().limit(40).forEach(e -> System.out.println("  WRONG " + e));
        assertThat(serverErrors).isEmpty();
        assertThat(wrong).isEmpty();
        assertThat(tried.size()).isGreaterThan(200);
    }

    /** The corpus plus the length edges of the fields of one screen. */
    private static List<String> with(List<String> corpus, int... maxes) {
        List<String> all = new ArrayList<>(corpus);
        IntStream.of(maxes).forEach(max -> all.addAll(edges(max)));
        return all;
    }

    private String assignToDaNang(
            PriorityTask t3,
            OrgUnit daNang,
            String output,
            String instructions,
            String name,
            String unitOfMeasure,
            String column) {
        try {
            assignments.assign(new AssignDraft(
                    t3.getId(),
                    Set.of(daNang.getId()),
                    Set.of(),
                    false,
                    LocalDate.now().plusDays(30),
                    null,
                    output,
                    List.of(new AssignDraft.IndicatorDraft(name, unitOfMeasure, new BigDecimal("7"))),
                    null,
                    instructions,
                    WorkflowFixture.document()));
            return column.equals("name") || column.equals("unit_of_measure")
                    ? one(
                            "select " + column + " from indicator where assignment_id = (select id from assignment "
                                    + "where lead_unit_id = ?)",
                            daNang.getId())
                    : one("select " + column + " from assignment where lead_unit_id = ?", daNang.getId());
        } finally {
            for (String table : List.of("deadline_change", "indicator", "assignment_coordinator")) {
                jdbc.update(
                        "delete from " + table + " where assignment_id in (select id from assignment "
                                + "where lead_unit_id = ?)",
                        daNang.getId());
            }
            jdbc.update("delete from assignment where lead_unit_id = ?", daNang.getId());
        }
    }

    private final int[] shift = {0};

    /** An edit that also moves the deadline a day, so the reason is kept with the deadline change. */
    private String edit(Long id, String output, String instructions, String reason, String column) {
        Assignment a = assignments.find(id).orElseThrow();
        assignments.edit(new AssignmentEdit(
                id,
                a.getVersion(),
                a.getLeadUnit().getId(),
                Set.of(a.getCoordinators().iterator().next().getId()),
                false,
                LocalDate.now().plusDays(31 + (++shift[0])),
                null,
                output,
                null,
                instructions,
                reason));
        return column == null
                ? one("select reason from deadline_change where id = (select max(id) from deadline_change)")
                : one("select " + column + " from assignment where id = ?", id);
    }

    private void decide(String username, Long reportId, String text, boolean approve) {
        login(username);
        try {
            ProgressReport r = reports.find(reportId).orElseThrow();
            if (approve) {
                approvals.approve(reportId, r.getVersion(), text);
            } else {
                approvals.returnReport(reportId, r.getVersion(), text);
            }
        } finally {
            logout();
        }
    }

    private void resubmit(Long reportId) {
        login("lamdong.cv");
        ProgressReport r = reports.find(reportId).orElseThrow();
        reports.submit(reportId, r.getVersion());
        logout();
    }

    private LocalDate laterDeadline(Long id) {
        return assignments.find(id).orElseThrow().getDeadline().plusDays(30);
    }

    /** A leader refuses the pending request with the comment and returns its id. */
    private Long rejectPending(Long assignmentId, String comment) {
        login("lanhdao");
        try {
            ExtensionRequest pending = extensions.requestsOf(assignmentId).stream()
                    .filter(r -> r.getStatus() == ExtensionRequest.Status.PENDING)
                    .findFirst()
                    .orElseThrow();
            extensions.decide(pending.getId(), pending.getVersion(), false, comment);
            return pending.getId();
        } finally {
            logout();
        }
    }

    @Test
    void markupInDataShowsAsTextInGridsFactsHistoryAndNotifications() {
        login("admin");
        OrgUnit unit = units.save(new UnitDraft(
                null,
                "THU-XSS",
                SCRIPT,
                "Hostile input test",
                UnitKind.DEPARTMENT,
                null,
                null,
                LocalDate.of(2024, 1, 1),
                null));
        navigate("units");
        Grid<?> grid = _get(Grid.class);
        List<String> row = IntStream.range(0, _size(grid))
                .mapToObj(i -> _getFormattedRow(grid, i))
                .filter(r -> r.contains("THU-XSS"))
                .findFirst()
                .orElseThrow();
        assertThat(row).contains(SCRIPT);
        assertNoElementFromText();
        Notifications.success("Đã lưu " + SCRIPT);
        Notification note = _find(Notification.class).stream()
                .filter(n -> n.getElement().getProperty("text", "").contains(SCRIPT))
                .findFirst()
                .orElseThrow();
        assertThat(note.getElement().getChildCount()).isZero();
        assertNoElementFromText();
        logout();

        PriorityTask t3 = workflow.task(3);
        OrgUnit lamDong = workflow.unit("SNV-68");
        login("quanly");
        assignments.assign(new AssignDraft(
                t3.getId(),
                Set.of(lamDong.getId()),
                Set.of(),
                false,
                LocalDate.now().plusDays(30),
                null,
                SCRIPT,
                List.of(),
                null,
                "2024-13-45",
                WorkflowFixture.document()));
        Long id = jdbc.queryForObject("select id from assignment where lead_unit_id = ?", Long.class, lamDong.getId());
        Assignment a = assignments.find(id).orElseThrow();
        assignments.edit(new AssignmentEdit(
                id,
                a.getVersion(),
                lamDong.getId(),
                Set.of(),
                false,
                a.getDeadline(),
                null,
                "2024-13-45",
                null,
                null,
                "deadline=2024-13-45; " + SCRIPT));
        navigate("assignments/" + id);
        String facts = _get(com.vaadin.flow.component.html.Div.class, d -> d.withClasses("facts"))
                .getElement()
                .getTextRecursively();
        assertThat(facts).contains("2024-13-45");
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(2);
        Grid<?> history = _get(Grid.class, g -> g.withClasses("history"));
        String historyText = IntStream.range(0, _size(history))
                .mapToObj(i -> String.join(" ", _getFormattedRow(history, i)))
                .reduce("", String::concat);
        assertThat(historyText).contains(SCRIPT).contains("2024-13-45");
        assertNoElementFromText();
        logout();
        System.out.println("Markup on screen: a unit name in the units grid, a notification, an assignment's facts "
                + "and its history show " + SCRIPT + " as text; elements created from it: 0");
    }

    /** No script element and no event-handler attribute anywhere on the page. */
    private static void assertNoElementFromText() {
        List<String> found = new ArrayList<>();
        for (Component c : _find(Component.class)) {
            Element e = c.getElement();
            collect(e, found);
        }
        assertThat(found).isEmpty();
    }

    private static void collect(Element e, List<String> found) {
        if (!e.isTextNode()) {
            if (List.of("script", "iframe", "svg").contains(e.getTag())
                    || e.getAttributeNames()
                            .anyMatch(n -> n.toLowerCase(Locale.ROOT).startsWith("on"))
                    || "x".equals(e.getAttribute("src"))) {
                found.add(e.getTag() + " " + e.getAttributeNames().toList());
            }
            e.getChildren().forEach(c -> collect(c, found));
        }
    }
}
