package vn.gov.moha.portal.workflow.adhoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;

/** Ad hoc and thematic reports through the services, as each person (and an attacker with ids) would use them. */
@PortalTest
class AdhocFlowTest extends KaribuTest {

    @Autowired
    AdhocService adhoc;

    @Autowired
    AdhocFixture fixture;

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    UnitService units;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    MyWorkService myWork;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void allProvincesAskedInOneActionGetOneAnswerRowEach() {
        login("quanly");
        Set<Long> provinces = units.validOn(LocalDate.now()).stream()
                .filter(u -> u.getKind() == UnitKind.PROVINCE)
                .map(OrgUnit::getId)
                .collect(Collectors.toSet());
        AdhocRequest r = adhoc.create(fixture.draft(
                "Báo cáo đột xuất về công tác phòng chống thiên tai", fixture.workingDayIn(7), provinces));
        logout();

        assertThat(provinces).hasSizeGreaterThan(30);
        assertThat(jdbc.queryForList("select unit_id from adhoc_answer where request_id = ?", Long.class, r.getId()))
                .containsExactlyInAnyOrderElementsOf(provinces);
        assertThat(jdbc.queryForObject(
                        "select count(*) from adhoc_answer where request_id = ? and status = 'PENDING'",
                        Long.class,
                        r.getId()))
                .isEqualTo(provinces.size());
        assertThat(jdbc.queryForObject(
                        "select original_name from adhoc_file where request_id = ? and answer_id is null",
                        String.class,
                        r.getId()))
                .isEqualTo("mau-bao-cao.pdf");
        login("quanly");
        AdhocViews.Summary s = adhoc.summaries(0, 50).get(0);
        assertThat(s.counts().get(AdhocState.NOT_SENT)).isEqualTo(provinces.size());
        assertThat(s.asked()).isEqualTo(provinces.size());
    }

    @Test
    void theOfficerWritesTheHeadSendsTheManagerReturnsWithAReasonThenAcceptsTheCorrection() throws IOException {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        AdhocAnswer a = fixture.answer("lamdong.cv", r);
        assertThat(a.getUnit().getCode()).isEqualTo("SNV-68");
        assertThat(a.getStatus()).isEqualTo(AdhocAnswer.Status.PENDING);

        // the head cannot send an answer nobody wrote, nor write it; the officer cannot send it
        assertThatThrownBy(() -> fixture.as("lamdong.truong", () -> adhoc.send(a.getId(), a.getVersion())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("adhoc.error.notDrafted");
        assertThatThrownBy(() -> fixture.as("lamdong.truong", () -> adhoc.saveDraft(a.getId(), a.getVersion(), "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.as("lamdong.cv", () -> adhoc.send(a.getId(), a.getVersion())))
                .isInstanceOf(AccessDeniedException.class);

        AdhocAnswer drafted =
                fixture.as("lamdong.cv", () -> adhoc.saveDraft(a.getId(), a.getVersion(), " Số liệu đến 30/11. "));
        fixture.as(
                "lamdong.cv",
                () -> adhoc.addFile(a.getId(), "so-lieu.pdf", new ByteArrayInputStream(WorkflowFixture.PDF)));
        assertThat(drafted.getStatus()).isEqualTo(AdhocAnswer.Status.DRAFTED);
        assertThat(drafted.getText()).isEqualTo("Số liệu đến 30/11.");
        AdhocAnswer sent = fixture.as("lamdong.truong", () -> adhoc.send(drafted.getId(), drafted.getVersion()));
        assertThat(sent.getStatus()).isEqualTo(AdhocAnswer.Status.SENT);
        assertThat(sent.getRound()).isEqualTo(1);
        assertThat(sent.getFirstSentAt()).isNotNull();
        // sent: no longer editable by the unit
        assertThatThrownBy(() -> fixture.as("lamdong.cv", () -> adhoc.saveDraft(sent.getId(), sent.getVersion(), "y")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("adhoc.error.notEditable");

        // returning needs a reason, next to its field
        assertThatThrownBy(() -> fixture.as("quanly", () -> adhoc.returnAnswer(sent.getId(), sent.getVersion(), "  ")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "error.required")));
        AdhocAnswer returned =
                fixture.as("quanly", () -> adhoc.returnAnswer(sent.getId(), sent.getVersion(), "Thiếu số liệu cấp xã"));
        assertThat(returned.getStatus()).isEqualTo(AdhocAnswer.Status.RETURNED);
        assertThat(returned.getReturnReason()).isEqualTo("Thiếu số liệu cấp xã");
        // the head cannot send it again as it was: the officer corrects it first
        assertThatThrownBy(
                        () -> fixture.as("lamdong.truong", () -> adhoc.send(returned.getId(), returned.getVersion())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("adhoc.error.notDrafted");
        AdhocAnswer corrected = fixture.as(
                "lamdong.cv",
                () -> adhoc.saveDraft(returned.getId(), returned.getVersion(), "Bổ sung số liệu cấp xã."));
        AdhocAnswer resent = fixture.as("lamdong.truong", () -> adhoc.send(corrected.getId(), corrected.getVersion()));
        assertThat(resent.getRound()).isEqualTo(2);
        assertThat(resent.getFirstSentAt()).isEqualTo(sent.getFirstSentAt());
        // a stale version is refused
        assertThatThrownBy(() -> fixture.as("quanly", () -> adhoc.accept(resent.getId(), sent.getVersion())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("error.stale");
        AdhocAnswer accepted = fixture.as("quanly", () -> adhoc.accept(resent.getId(), resent.getVersion()));
        assertThat(accepted.getStatus()).isEqualTo(AdhocAnswer.Status.ACCEPTED);
        assertThatThrownBy(() -> fixture.as("quanly", () -> adhoc.accept(accepted.getId(), accepted.getVersion())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("adhoc.error.notSent");

        login("quanly");
        AdhocViews.Page page = adhoc.page(r.getId()).orElseThrow();
        assertThat(page.answers())
                .extracting(x -> x.state(LocalDate.now()))
                .containsExactlyInAnyOrder(AdhocState.NOT_SENT, AdhocState.ACCEPTED);
        AdhocAnswer lamDong = page.answers().stream()
                .filter(x -> x.getUnit().getCode().equals("SNV-68"))
                .findFirst()
                .orElseThrow();
        assertThat(page.filesOf(lamDong)).extracting(AdhocFile::getOriginalName).containsExactly("so-lieu.pdf");
        assertThat(page.template()).isNotNull();
        try (var in = adhoc.download(page.template().getId()).content()) {
            assertThat(in.readAllBytes()).isEqualTo(WorkflowFixture.PDF);
        }
        logout();
        assertThat(jdbc.queryForList(
                        "select action from event_log where entity_type in ('ADHOC', 'ADHOC_ANSWER') order by id",
                        String.class))
                .containsExactly(
                        "ADHOC_ASK",
                        "ADHOC_DRAFT",
                        "ADHOC_SEND",
                        "ADHOC_RETURN",
                        "ADHOC_DRAFT",
                        "ADHOC_SEND",
                        "ADHOC_ACCEPT");
    }

    @Test
    void anotherUnitOrDepartmentGetsNothingByIdAndTheAttemptIsLogged() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        AdhocAnswer lamDong = fixture.answer("lamdong.cv", r);
        Long template = fixture.as(
                "quanly", () -> adhoc.page(r.getId()).orElseThrow().template().getId());
        long refusalsBefore = refusals();

        // Đà Nẵng was not asked: it sees no request, and every id of Lâm Đồng's answer is "not found"
        login("danang.cv");
        assertThat(adhoc.summaries(0, 50)).isEmpty();
        assertThat(adhoc.page(r.getId())).isEmpty();
        assertThatThrownBy(() -> adhoc.saveDraft(lamDong.getId(), lamDong.getVersion(), "Ghi đè"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("adhoc.notFound");
        assertThatThrownBy(() -> adhoc.addFile(lamDong.getId(), "x.pdf", new ByteArrayInputStream(WorkflowFixture.PDF)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> adhoc.download(template))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file.error.notFound");
        assertThat(adhoc.work()).isEmpty();
        logout();
        login("danang.truong");
        assertThatThrownBy(() -> adhoc.send(lamDong.getId(), lamDong.getVersion()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("adhoc.notFound");
        logout();

        // Hà Nội was asked too: it sees the request, but only its own answer, and not Lâm Đồng's files
        AdhocAnswer drafted =
                fixture.as("lamdong.cv", () -> adhoc.saveDraft(lamDong.getId(), lamDong.getVersion(), "Riêng"));
        AdhocFile file = fixture.as(
                "lamdong.cv",
                () -> adhoc.addFile(lamDong.getId(), "rieng.pdf", new ByteArrayInputStream(WorkflowFixture.PDF)));
        login("hanoi.cv");
        AdhocViews.Page hanoi = adhoc.page(r.getId()).orElseThrow();
        assertThat(hanoi.answers()).extracting(a -> a.getUnit().getCode()).containsExactly("SNV-01");
        assertThat(hanoi.files()).doesNotContainKey(lamDong.getId());
        assertThat(adhoc.summaries(0, 50))
                .singleElement()
                .satisfies(s -> assertThat(s.asked()).isEqualTo(1));
        assertThatThrownBy(() -> adhoc.download(file.getId())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> adhoc.removeFile(file.getId())).isInstanceOf(InvalidInputException.class);
        logout();

        // a manager of another department neither sees it nor decides on it
        fixture.as("lamdong.truong", () -> adhoc.send(drafted.getId(), drafted.getVersion()));
        login("quanly.cchc");
        assertThat(adhoc.page(r.getId())).isEmpty();
        assertThat(adhoc.summaries(0, 50)).isEmpty();
        assertThatThrownBy(() -> adhoc.accept(drafted.getId(), drafted.getVersion() + 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("adhoc.notFound");
        assertThat(adhoc.work()).isEmpty();
        logout();
        assertThat(refusals() - refusalsBefore).isGreaterThanOrEqualTo(8);
        assertThat(jdbc.queryForObject("select status from adhoc_answer where id = ?", String.class, lamDong.getId()))
                .isEqualTo("SENT");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        LocalDate sunday = LocalDate.now().plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        login("quanly");
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidInputException.class,
                () -> adhoc.create(new AdhocDraft(null, " ", "", sunday, Set.of(), null, null)));
        assertThat(e.problems())
                .extracting(p -> p.field() + " " + p.messageKey() + " " + p.args())
                .containsExactlyInAnyOrder(
                        "kind error.required []",
                        "title error.required []",
                        "content error.required []",
                        "due adhoc.error.dueDayOff [" + Formats.date(workingDays.nextWorkingDay(sunday)) + "]",
                        "units adhoc.error.unitsRequired []");
        Long lamDong = workflow.unit("SNV-68").getId();
        Long ministry = jdbc.queryForObject("select id from org_unit where kind = 'MINISTRY'", Long.class);
        login("quanly");
        assertThatThrownBy(() -> adhoc.create(fixture.draft("T", LocalDate.now().minusDays(1), Set.of(lamDong))))
                .hasMessageContaining("due: adhoc.error.duePast");
        assertThatThrownBy(() -> adhoc.create(fixture.draft("T", fixture.workingDayIn(5), Set.of(ministry))))
                .hasMessageContaining("units: assignment.error.unitNotValid");
        // a template that is not what its name says: refused, and the request with it
        assertThatThrownBy(() -> adhoc.create(new AdhocDraft(
                        AdhocKind.AD_HOC,
                        "T",
                        "N",
                        fixture.workingDayIn(5),
                        Set.of(lamDong),
                        "mau.pdf",
                        new ByteArrayInputStream("<html>".getBytes()))))
                .hasMessageContaining("file: file.error.content");
        assertThatThrownBy(() -> adhoc.create(new AdhocDraft(
                        AdhocKind.AD_HOC, "T", "N", fixture.workingDayIn(5), Set.of(lamDong), "mau.exe", null)))
                .hasMessageContaining("file: file.error.type");
        logout();
        assertThat(jdbc.queryForObject("select count(*) from adhoc_request", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from adhoc_answer", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from adhoc_file", Long.class))
                .isZero();
        // only managers ask
        login("lamdong.truong");
        assertThatThrownBy(() -> adhoc.create(fixture.draft("T", fixture.workingDayIn(5), Set.of(lamDong))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void myWorkListsAndCountsWhatEachPersonMustDo() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        assertThat(work("lamdong.cv")).containsExactly("ADHOC_WRITE");
        assertThat(work("lamdong.truong")).isEmpty();
        assertThat(work("quanly")).isEmpty();
        AdhocAnswer a = fixture.answer("lamdong.cv", r);
        fixture.as("lamdong.cv", () -> adhoc.saveDraft(a.getId(), a.getVersion(), "Nội dung"));
        assertThat(work("lamdong.cv")).isEmpty();
        assertThat(work("lamdong.truong")).containsExactly("ADHOC_SEND");
        AdhocAnswer sent = fixture.as("lamdong.truong", () -> adhoc.send(a.getId(), a.getVersion() + 1));
        assertThat(work("lamdong.truong")).isEmpty();
        assertThat(work("quanly")).containsExactly("ADHOC_ACCEPT");
        assertThat(work("quanly.cchc")).isEmpty();
        fixture.as("quanly", () -> adhoc.returnAnswer(sent.getId(), sent.getVersion(), "Bổ sung"));
        assertThat(work("lamdong.cv")).containsExactly("ADHOC_FIX");
        assertThat(work("quanly")).isEmpty();
        assertThat(work("hanoi.cv")).containsExactly("ADHOC_WRITE");
    }

    @Test
    void theDashboardFigureCountsLateAnswersAsHandWrittenSqlDoes() {
        fixture.askLamDongAndHaNoi(); // due in ten days: nobody late
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        fixture.draftAndSend("lamdong.cv", "lamdong.truong", r);
        LocalDate due = LocalDate.now().minusDays(5);
        fixture.moveDue(r, due);
        fixture.sentOn(fixture.answer("lamdong.cv", r), due.plusDays(2)); // Lâm Đồng sent two days late
        int year = due.getYear();
        // Hà Nội sent nothing: overdue; Lâm Đồng: sent late
        String sql = "select coalesce(sum(case when a.first_sent_at is null and r.due_date < ? then 1 else 0 end), 0),"
                + " coalesce(sum(case when cast(a.first_sent_at as date) > r.due_date then 1 else 0 end), 0)"
                + " from adhoc_answer a join adhoc_request r on r.id = a.request_id join org_unit u on u.id = a.unit_id"
                + " where r.due_date between ? and ? and u.code like ?";
        for (String[] who : new String[][] {{"quanly", "%"}, {"lamdong.cv", "SNV-68"}, {"hanoi.truong", "SNV-01"}}) {
            List<Long> expected = jdbc.queryForObject(
                    sql,
                    (rs, i) -> List.of(rs.getLong(1), rs.getLong(2)),
                    java.sql.Date.valueOf(LocalDate.now()),
                    java.sql.Date.valueOf(LocalDate.of(year, 1, 1)),
                    java.sql.Date.valueOf(LocalDate.of(9999, 12, 31)),
                    who[1]);
            AdhocViews.Lateness late = fixture.as(who[0], () -> adhoc.lateness(year));
            assertThat(List.of(late.overdue(), late.sentLate())).as(who[0]).isEqualTo(expected);
        }
        assertThat(fixture.as("quanly", () -> adhoc.lateness(year))).isEqualTo(new AdhocViews.Lateness(1, 1));
        assertThat(fixture.as("quanly.cchc", () -> adhoc.lateness(year))).isEqualTo(new AdhocViews.Lateness(0, 0));
        assertThat(fixture.as("lanhdao", () -> adhoc.lateness(year + 1))).isEqualTo(new AdhocViews.Lateness(0, 0));
    }

    /** The kinds of ad hoc work of a person; the menu's badge counts them (with the periodic work, none here). */
    private List<String> work(String username) {
        login(username);
        try {
            List<String> kinds = adhoc.work().stream().map(w -> w.kind().name()).toList();
            assertThat(adhoc.countWork()).as(username).isEqualTo(kinds.size());
            assertThat(myWork.count())
                    .as(username + "'s badge")
                    .isEqualTo(kinds.size() + myWork.items().size());
            return kinds;
        } finally {
            logout();
        }
    }

    private long refusals() {
        return jdbc.queryForObject(
                "select count(*) from event_log where action = 'ACCESS_REFUSED' and entity_type like 'ADHOC%'",
                Long.class);
    }
}
