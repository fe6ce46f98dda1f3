package vn.gov.moha.portal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.InvalidInputException.Problem;

/** The calendar's rules hold in the service, whoever calls it; a bad file changes nothing; every change is logged. */
@PortalTest
class CalendarServiceTest extends KaribuTest {

    static final int YEAR = 2091;

    @Autowired
    CalendarService calendar;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTestYear() {
        jdbc.update("delete from calendar_day where calendar_year >= ?", YEAR);
        jdbc.update("delete from calendar_year where calendar_year >= ?", YEAR);
        workingDays.forgetAfterCommit(YEAR);
    }

    private static byte[] file(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long events(String action) {
        return jdbc.queryForObject("select count(*) from event_log where action = ?", Long.class, action);
    }

    @Test
    void everyRuleOfADayIsCheckedWithItsField() {
        login("admin");
        LocalDate monday = LocalDate.of(YEAR, 1, 1);
        calendar.save(new DayDraft(null, 0, monday, DayKind.HOLIDAY, "Tết Dương lịch", null));

        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(
                        () -> calendar.save(new DayDraft(null, 0, monday, DayKind.MAKEUP_DAY, " ", "x".repeat(501))))
                .satisfies(e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::messageKey)
                        .containsExactlyInAnyOrder(
                                tuple("kind", "calendar.error.makeupWeekday"),
                                tuple("name", "error.required"),
                                tuple("note", "error.tooLong"),
                                tuple("date", "calendar.error.duplicate")));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() -> calendar.save(new DayDraft(null, 0, null, null, "x".repeat(201), null)))
                .satisfies(e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::messageKey)
                        .containsExactlyInAnyOrder(
                                tuple("date", "error.required"),
                                tuple("kind", "error.required"),
                                tuple("name", "error.tooLong")));
        assertThatExceptionOfType(InvalidInputException.class)
                .isThrownBy(() ->
                        calendar.save(new DayDraft(null, 0, LocalDate.of(1999, 1, 1), DayKind.HOLIDAY, "Xa quá", null)))
                .satisfies(e -> assertThat(e.problems())
                        .extracting(Problem::messageKey)
                        .containsExactly("calendar.error.year"));
        // a holiday on a weekend and a make-up Sunday are both allowed
        calendar.save(new DayDraft(null, 0, LocalDate.of(YEAR, 1, 6), DayKind.HOLIDAY, "Nghỉ thứ Bảy", null));
        calendar.save(new DayDraft(null, 0, LocalDate.of(YEAR, 1, 7), DayKind.MAKEUP_DAY, "Làm bù Chủ nhật", null));
        assertThat(calendar.days(YEAR)).hasSize(3);
    }

    @Test
    void aChangeOverANewerVersionIsRefused() {
        login("admin");
        CalendarDay day = calendar.save(new DayDraft(null, 0, LocalDate.of(YEAR, 1, 1), DayKind.HOLIDAY, "A", null));
        calendar.save(new DayDraft(day.getId(), day.getVersion(), day.getDate(), DayKind.HOLIDAY, "B", null));

        assertThatThrownBy(() -> calendar.save(
                        new DayDraft(day.getId(), day.getVersion(), day.getDate(), DayKind.HOLIDAY, "C", null)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).problems().get(0).messageKey())
                .isEqualTo("error.stale");
        assertThatThrownBy(() -> calendar.delete(day.getId(), day.getVersion()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(calendar.days(YEAR)).extracting(CalendarDay::getName).containsExactly("B");
    }

    @Test
    void aBadFileChangesNothingAndAGoodOneReplacesTheYear() {
        login("admin");
        calendar.save(new DayDraft(null, 0, LocalDate.of(YEAR, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch", null));
        long uploads = events("CALENDAR_UPLOAD");
        String bad = """
                date,kind,name,note
                02/01/%1$d,HOLIDAY,Nghỉ bù,
                30/02/%1$d,HOLIDAY,Không có ngày này,
                """.formatted(YEAR);

        assertThatThrownBy(() -> calendar.replaceYear(YEAR, "lich.csv", file(bad)))
                .isInstanceOf(CalendarFileException.class)
                .extracting(e -> ((CalendarFileException) e).problems())
                .satisfies(p -> assertThat(p)
                        .extracting(CalendarFileException.Problem::line)
                        .containsExactly(3));
        assertThat(calendar.days(YEAR)).extracting(CalendarDay::getName).containsExactly("Tết Dương lịch");
        assertThat(events("CALENDAR_UPLOAD")).isEqualTo(uploads);

        String good = """
                # đã sửa
                02/01/%1$d,HOLIDAY,Nghỉ bù,Nguồn: thử
                06/01/%1$d,MAKEUP_DAY,Làm bù,
                """.formatted(YEAR);
        assertThat(calendar.replaceYear(YEAR, "lich-sua.csv", file(good))).isEqualTo(2);

        assertThat(calendar.days(YEAR))
                .extracting(d -> d.getDate().getDayOfMonth(), CalendarDay::getKind)
                .containsExactly(tuple(2, DayKind.HOLIDAY), tuple(6, DayKind.MAKEUP_DAY));
        assertThat(workingDays.isWorkingDay(LocalDate.of(YEAR, 1, 1)))
                .as("no longer listed")
                .isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(YEAR, 1, 6))).isTrue();
        assertThat(calendar.year(YEAR)).get().satisfies(y -> {
            assertThat(y.getSource()).isEqualTo(CalendarYear.Source.UPLOAD);
            assertThat(y.getFileName()).isEqualTo("lich-sua.csv");
            assertThat(y.getUpdatedBy()).isEqualTo("admin");
        });
        Map<String, Object> logged =
                jdbc.queryForMap("select actor, entity_id, before_value, after_value from event_log "
                        + "where action = 'CALENDAR_UPLOAD' order by id desc limit 1");
        System.out.println("logged upload: " + logged);
        assertThat(logged.get("actor")).isEqualTo("admin");
        assertThat(((Number) logged.get("entity_id")).intValue()).isEqualTo(YEAR);
        assertThat((String) logged.get("before_value")).contains("days=1", "Tết Dương lịch");
        assertThat((String) logged.get("after_value")).contains("file=lich-sua.csv", "days=2", "MAKEUP_DAY Làm bù");
    }

    @Test
    void theDownloadedFileUploadsBackUnchanged() {
        login("admin");
        List<CalendarDay> before = calendar.days(2025);
        byte[] exported = calendar.export(2025);

        calendar.replaceYear(2025, "lich-2025.csv", exported);

        assertThat(calendar.days(2025))
                .extracting(CalendarDay::getDate, CalendarDay::getKind, CalendarDay::getName, CalendarDay::getNote)
                .containsExactlyElementsOf(before.stream()
                        .map(d -> tuple(d.getDate(), d.getKind(), d.getName(), d.getNote()))
                        .toList());
        assertThat(calendar.export(2025)).isEqualTo(exported);
        assertThat(workingDays.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)))
                .isEqualTo(250);
    }

    @Test
    void addEditAndDeleteAreLoggedWithBeforeAndAfter() {
        login("admin");
        long before =
                jdbc.queryForObject("select count(*) from event_log where entity_type = 'CALENDAR_DAY'", Long.class);
        CalendarDay day =
                calendar.save(new DayDraft(null, 0, LocalDate.of(YEAR, 9, 3), DayKind.HOLIDAY, "Quốc khánh", null));
        CalendarDay changed = calendar.save(new DayDraft(
                day.getId(), day.getVersion(), day.getDate(), DayKind.HOLIDAY, "Quốc khánh (ngày liền kề)", null));
        calendar.delete(changed.getId(), changed.getVersion());

        List<Map<String, Object>> rows = jdbc.queryForList("select action, before_value, after_value from event_log "
                + "where entity_type = 'CALENDAR_DAY' order by id desc limit 3");
        assertThat(rows)
                .extracting(r -> r.get("action"))
                .containsExactly("CALENDAR_DELETE", "CALENDAR_EDIT", "CALENDAR_ADD");
        assertThat(rows.get(1).get("before_value"))
                .isEqualTo("date=" + YEAR + "-09-03; dayKind=HOLIDAY; name=Quốc khánh");
        assertThat(rows.get(1).get("after_value"))
                .isEqualTo("date=" + YEAR + "-09-03; dayKind=HOLIDAY; name=Quốc khánh (ngày liền kề)");
        assertThat(jdbc.queryForObject("select count(*) from event_log where entity_type = 'CALENDAR_DAY'", Long.class))
                .isEqualTo(before + 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lanhdao", "quanly", "lamdong.truong", "lamdong.cv"})
    void onlyAdminChangesTheCalendar(String username) {
        login(username);
        List<String> tried = List.of("save", "replaceYear", "days", "export");
        assertThatThrownBy(() -> calendar.save(
                        new DayDraft(null, 0, LocalDate.of(2024, 5, 6), DayKind.HOLIDAY, "Nghỉ tự đặt", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendar.replaceYear(2024, "x.csv", file("06/05/2024,HOLIDAY,Nghỉ tự đặt")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendar.days(2024)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendar.export(2024)).isInstanceOf(AccessDeniedException.class);
        System.out.println(username + " tried " + tried + ": all refused");
        assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 5, 6))).isTrue();
    }
}
