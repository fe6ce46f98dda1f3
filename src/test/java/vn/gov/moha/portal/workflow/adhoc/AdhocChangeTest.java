package vn.gov.moha.portal.workflow.adhoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.workflow.WorkflowFixture;

/** A manager changes a request's due date and units after it was made; the rules, and attackers with ids. */
@PortalTest
class AdhocChangeTest extends KaribuTest {

    @Autowired
    AdhocService adhoc;

    @Autowired
    AdhocFixture fixture;

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theManagerMovesTheDueDateAddsAUnitThatIsToldOnceAndRemovesOneThatHasNotSent() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        LocalDate later = fixture.workingDayIn(20);
        AdhocChange change =
                new AdhocChange(r.getId(), r.getVersion(), later, units("SNV-68", "SNV-48"), " Bổ sung Đà Nẵng ");
        AdhocRequest changed = fixture.as("quanly", () -> adhoc.change(change));

        assertThat(changed.getDueDate()).isEqualTo(later);
        assertThat(changed.getVersion()).isGreaterThan(r.getVersion());
        assertThat(jdbc.queryForList(
                        "select u.code from adhoc_answer a join org_unit u on u.id = a.unit_id where a.request_id = ?"
                                + " order by u.code",
                        String.class,
                        r.getId()))
                .containsExactly("SNV-48", "SNV-68");
        // the added unit's staff get the notice the first units got, once; the others nothing more
        assertThat(notices("danang.cv")).containsExactly("notification.adhocAsked");
        assertThat(notices("lamdong.cv")).containsExactly("notification.adhocAsked");
        // Hà Nội is no longer asked: the request is "not found" for its staff, and gone from their work
        assertThat(fixture.as("hanoi.cv", () -> adhoc.page(r.getId()))).isEmpty();
        assertThat(fixture.as("hanoi.cv", () -> adhoc.work())).isEmpty();
        assertThat(fixture.as("danang.cv", () -> adhoc.work()))
                .extracting(w -> w.answer().getRequest().getDueDate())
                .containsExactly(later);

        Map<String, Object> entry = jdbc.queryForMap(
                "select actor, before_value, after_value from event_log where action = 'ADHOC_EDIT' and entity_id = ?",
                r.getId());
        assertThat(entry.get("ACTOR")).isEqualTo("quanly");
        assertThat((String) entry.get("BEFORE_VALUE")).isEqualTo("due=" + r.getDueDate() + "; units=SNV-01,SNV-68");
        assertThat((String) entry.get("AFTER_VALUE"))
                .isEqualTo("due=" + later + "; units=SNV-48,SNV-68; added=SNV-48; removed=SNV-01;"
                        + " reason=Bổ sung Đà Nẵng");
    }

    @Test
    void aUnitThatHasSentOrWasAcceptedOrReturnedCannotBeRemovedAndNothingElseChanges() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        AdhocAnswer sent = fixture.draftAndSend("lamdong.cv", "lamdong.truong", r);
        String lamDong = sent.getUnit().getNameVi();
        Set<Long> withoutLamDong = units("SNV-01", "SNV-48");
        for (String step : List.of("sent", "returned", "accepted")) {
            AdhocAnswer now = fixture.answer("lamdong.cv", r);
            if (step.equals("returned")) {
                fixture.as("quanly", () -> adhoc.returnAnswer(now.getId(), now.getVersion(), "Bổ sung số liệu"));
            } else if (step.equals("accepted")) {
                AdhocAnswer corrected =
                        fixture.as("lamdong.cv", () -> adhoc.saveDraft(now.getId(), now.getVersion(), "Đủ"));
                AdhocAnswer resent =
                        fixture.as("lamdong.truong", () -> adhoc.send(corrected.getId(), corrected.getVersion()));
                fixture.as("quanly", () -> adhoc.accept(resent.getId(), resent.getVersion()));
            }
            AdhocRequest current = fixture.as(
                    "quanly", () -> adhoc.page(r.getId()).orElseThrow().request());
            assertThatThrownBy(() -> fixture.as(
                            "quanly",
                            () -> adhoc.change(new AdhocChange(
                                    r.getId(),
                                    current.getVersion(),
                                    fixture.workingDayIn(25),
                                    withoutLamDong,
                                    "Bỏ Lâm Đồng"))))
                    .as(step)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                                assertThat(p.field()).isEqualTo("units");
                                assertThat(p.messageKey()).isEqualTo("adhoc.error.unitAnswered");
                                assertThat(p.args()).containsExactly(lamDong);
                            }));
            assertThat(translate("adhoc.error.unitAnswered", lamDong))
                    .isEqualTo("Không thể bỏ " + lamDong + ": đơn vị đã gửi báo cáo");
            // all or nothing: no new unit, the due date as it was, no entry
            assertThat(jdbc.queryForObject(
                            "select count(*) from adhoc_answer where request_id = ?", Long.class, r.getId()))
                    .isEqualTo(2);
            assertThat(jdbc.queryForObject(
                            "select due_date from adhoc_request where id = ?", LocalDate.class, r.getId()))
                    .isEqualTo(r.getDueDate());
            assertThat(jdbc.queryForObject("select count(*) from event_log where action = 'ADHOC_EDIT'", Long.class))
                    .isZero();
        }
    }

    @Test
    void theDueDateFollowsTheRulesOfAskingAndAReasonIsRequired() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        LocalDate sunday = LocalDate.now().plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        Set<Long> same = units("SNV-01", "SNV-68");
        assertThat(problems(new AdhocChange(
                        r.getId(), r.getVersion(), LocalDate.now().minusDays(1), same, "x")))
                .containsExactly("due adhoc.error.duePast");
        assertThat(problems(new AdhocChange(r.getId(), r.getVersion(), sunday, same, "x")))
                .containsExactly(
                        "due adhoc.error.dueDayOff [" + Formats.date(workingDays.nextWorkingDay(sunday)) + "]");
        assertThat(problems(new AdhocChange(r.getId(), r.getVersion(), null, same, "x")))
                .containsExactly("due error.required");
        assertThat(problems(new AdhocChange(r.getId(), r.getVersion(), fixture.workingDayIn(15), same, "  ")))
                .containsExactly("reason error.required");
        assertThat(problems(new AdhocChange(r.getId(), r.getVersion(), r.getDueDate(), Set.of(), "x")))
                .containsExactly("units adhoc.error.unitsRequired");
        assertThat(problems(new AdhocChange(r.getId(), r.getVersion() + 1, fixture.workingDayIn(15), same, "x")))
                .containsExactly("version error.stale");

        // a due date already past may stay as it is while a unit that has not sent is removed, but no unit may be
        // added to it: it could not answer in time
        fixture.moveDue(r, LocalDate.now().minusDays(3));
        AdhocRequest late =
                fixture.as("quanly", () -> adhoc.page(r.getId()).orElseThrow().request());
        assertThat(problems(new AdhocChange(
                        r.getId(), late.getVersion(), late.getDueDate(), units("SNV-01", "SNV-68", "SNV-48"), "x")))
                .containsExactly("due adhoc.error.duePast");
        AdhocChange remove = new AdhocChange(r.getId(), late.getVersion(), late.getDueDate(), units("SNV-68"), "Trùng");
        fixture.as("quanly", () -> adhoc.change(remove));
        assertThat(jdbc.queryForObject("select count(*) from adhoc_answer where request_id = ?", Long.class, r.getId()))
                .isEqualTo(1);
    }

    @Test
    void anOfficerCallingTheServiceIsRefusedAndAnotherDepartmentsManagerFindsNothing() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        AdhocChange widen = new AdhocChange(
                r.getId(), r.getVersion(), fixture.workingDayIn(30), units("SNV-01", "SNV-68", "SNV-48"), "x");
        for (String unitStaff : List.of("lamdong.cv", "lamdong.truong", "lanhdao", "admin")) {
            assertThatThrownBy(() -> fixture.as(unitStaff, () -> adhoc.change(widen)))
                    .as(unitStaff)
                    .isInstanceOf(AccessDeniedException.class);
        }
        long refusals = refusals(r);
        assertThatThrownBy(() -> fixture.as("quanly.cchc", () -> adhoc.change(widen)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("adhoc.notFound");
        assertThat(refusals(r)).as("the attempt is logged").isEqualTo(refusals + 1);
        assertThat(jdbc.queryForObject("select count(*) from adhoc_answer where request_id = ?", Long.class, r.getId()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select due_date from adhoc_request where id = ?", LocalDate.class, r.getId()))
                .isEqualTo(r.getDueDate());
        assertThat(notices("danang.cv")).isEmpty();
    }

    private List<String> problems(AdhocChange change) {
        try {
            fixture.as("quanly", () -> adhoc.change(change));
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream()
                    .map(p -> p.field() + " " + p.messageKey() + (p.args().isEmpty() ? "" : " " + p.args()))
                    .toList();
        }
    }

    private long refusals(AdhocRequest r) {
        return jdbc.queryForObject(
                "select count(*) from event_log where action = 'ACCESS_REFUSED' and entity_type = 'ADHOC'"
                        + " and entity_id = ?",
                Long.class,
                r.getId());
    }

    private Set<Long> units(String... codes) {
        return java.util.Arrays.stream(codes)
                .map(c -> workflow.unit(c).getId())
                .collect(java.util.stream.Collectors.toSet());
    }

    private List<String> notices(String username) {
        return jdbc.queryForList(
                "select n.message_key from notification n join app_user u on u.id = n.recipient_id"
                        + " where u.username = ? order by n.id",
                String.class,
                username);
    }

    private static String translate(String key, Object... args) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key, args);
    }
}
