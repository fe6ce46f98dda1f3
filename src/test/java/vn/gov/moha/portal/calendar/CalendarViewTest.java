package vn.gov.moha.portal.calendar;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.ui.TestUploads;

/** The ADMIN screen of the working-day calendar, as the administrator uses it, and nobody else. */
@PortalTest
class CalendarViewTest extends KaribuTest {

    @Autowired
    CalendarService calendar;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcTemplate jdbc;

    private CalendarView open(int year) {
        login("admin");
        navigate("admin/calendar");
        CalendarView view = _get(CalendarView.class);
        _setValue(view.year, year);
        return view;
    }

    @Test
    void showsTheYearWithVietnameseDatesAndWeekdays() {
        CalendarView view = open(2024);

        assertThat(_size(view.grid)).isEqualTo(19);
        assertThat(_getFormattedRow(view.grid, 0)).startsWith("01/01/2024", "Thứ hai");
        List<String> makeUp = _getFormattedRow(view.grid, 14);
        assertThat(makeUp.subList(0, 2)).containsExactly("04/05/2024", "Thứ bảy");
        assertThat(makeUp.get(3)).isEqualTo("Làm bù cho thứ Hai 29/04/2024");
        assertThat(view.summary.getText())
                .startsWith("18 ngày nghỉ, 1 ngày làm bù trong danh sách · 251 ngày làm việc");
        assertThat(view.missing.isVisible()).isFalse();
        assertThat(view.download.isVisible()).isTrue();
    }

    @Test
    void aYearWithoutCalendarSaysDeadlinesSkipWeekendsOnly() {
        login("admin");
        navigate("admin/calendar");
        CalendarView view = _get(CalendarView.class);
        Integer empty = view.year
                .getListDataView()
                .getItems()
                .filter(y -> !workingDays.hasCalendar(y))
                .findFirst()
                .orElseThrow();
        _setValue(view.year, empty);

        assertThat(view.missing.isVisible()).isTrue();
        assertThat(view.missing.getText())
                .isEqualTo("Năm " + empty + " chưa có lịch nghỉ lễ, Tết: hạn chót trong năm "
                        + "này chỉ trừ thứ Bảy, Chủ nhật. Hãy thêm từng ngày hoặc tải tệp lịch lên.");
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(view.download.isVisible()).isFalse();
    }

    @Test
    void aFileWithAnImpossibleDateIsRefusedWithItsLineAndNothingIsSaved() {
        CalendarView view = open(2025);
        List<CalendarDay> before = calendar.days(2025);
        long events = jdbc.queryForObject("select count(*) from event_log", Long.class);
        String file = """
                # Lịch năm 2025 (sửa)
                date,kind,name,note
                01/01/2025,HOLIDAY,Tết Dương lịch,
                27/01/2025,HOLIDAY,Tết Nguyên đán Ất Tỵ,
                28/01/2025,HOLIDAY,Tết Nguyên đán Ất Tỵ,
                29/01/2025,HOLIDAY,Tết Nguyên đán Ất Tỵ,
                31/02/2025,HOLIDAY,Ngày không có thật,
                """;

        TestUploads.upload(view.upload, "lich-2025.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8));

        List<String> shown = _find(view.uploadErrors, Paragraph.class).stream()
                .map(Paragraph::getText)
                .toList();
        System.out.println("shown after a bad upload: " + shown);
        assertThat(shown)
                .containsExactly(
                        "Tệp bị từ chối, lịch năm 2025 không thay đổi:", "Dòng 7: ngày '31/02/2025' không hợp lệ");
        assertThat(calendar.days(2025))
                .extracting(CalendarDay::getId)
                .containsExactlyElementsOf(
                        before.stream().map(CalendarDay::getId).toList());
        assertThat(_size(view.grid)).isEqualTo(before.size());
        assertThat(jdbc.queryForObject("select count(*) from event_log", Long.class))
                .isEqualTo(events);
    }

    @Test
    void theAdministratorEditsADayAndDeadlinesCountItAtOnce() {
        CalendarView view = open(2025);
        LocalDate saturday = LocalDate.of(2025, 4, 26);
        int row = rowOf(view, "26/04/2025");
        CalendarDay shipped = calendar.days(2025).stream()
                .filter(d -> d.getDate().equals(saturday))
                .findFirst()
                .orElseThrow();
        assertThat(workingDays.isWorkingDay(saturday)).isTrue();
        try {
            editAndUndo(view, row, saturday);
        } finally {
            // whatever failed, the other tests find 2025 as shipped
            CalendarDay now = calendar.days(2025).stream()
                    .filter(d -> d.getDate().equals(saturday))
                    .findFirst()
                    .orElseThrow();
            if (now.getKind() != shipped.getKind() || !now.getName().equals(shipped.getName())) {
                calendar.save(new DayDraft(
                        now.getId(),
                        now.getVersion(),
                        saturday,
                        shipped.getKind(),
                        shipped.getName(),
                        shipped.getNote()));
            }
        }
    }

    private void editAndUndo(CalendarView view, int row, LocalDate saturday) {
        _clickItem(view.grid, row);
        CalendarDayDialog dialog = _get(CalendarDayDialog.class);
        assertThat(dialog.kind.getValue()).isEqualTo(DayKind.MAKEUP_DAY);
        _setValue(dialog.date, LocalDate.of(2025, 4, 28));
        _click(dialog.save);
        assertThat(dialog.kind.isInvalid())
                .as("a make-up day on a Monday is refused next to the field")
                .isTrue();
        assertThat(dialog.kind.getErrorMessage()).isEqualTo("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật");

        _setValue(dialog.date, saturday);
        _setValue(dialog.kind, DayKind.HOLIDAY);
        _setValue(dialog.name, "Nghỉ (thử sửa)");
        _click(dialog.save);

        expectNotifications("Đã lưu");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(_getFormattedRow(view.grid, row))
                .contains("Nghỉ (thử sửa)")
                .anySatisfy(cell -> assertThat(cell).contains("text='Ngày nghỉ'"));
        assertThat(workingDays.isWorkingDay(saturday)).isFalse();
        assertThat(jdbc.queryForObject(
                        "select after_value from event_log where action = 'CALENDAR_EDIT' "
                                + "order by id desc limit 1",
                        String.class))
                .isEqualTo("date=2025-04-26; dayKind=HOLIDAY; name=Nghỉ (thử sửa)");

        // and back, as shipped
        _clickItem(view.grid, row);
        CalendarDayDialog again = _get(CalendarDayDialog.class);
        _setValue(again.kind, DayKind.MAKEUP_DAY);
        _setValue(again.name, "Làm bù cho thứ Sáu 02/05/2025");
        _click(again.save);
        assertThat(workingDays.isWorkingDay(saturday)).isTrue();
        assertThat(_getFormattedRow(view.grid, row)).contains("Làm bù cho thứ Sáu 02/05/2025");
    }

    @Test
    void nobodyButTheAdministratorOpensTheScreen() {
        for (String username : List.of("lanhdao", "quanly", "lamdong.truong", "lamdong.cv")) {
            logout();
            login(username);
            navigate("admin/calendar");
            System.out.println(username + " opens admin/calendar: "
                    + (_find(CalendarView.class).isEmpty() ? "refused" : "SHOWN"));
            assertThat(_find(CalendarView.class)).as(username).isEmpty();
            assertThat(menuLabels()).as(username).doesNotContain("Lịch làm việc");
        }
    }

    private static int rowOf(CalendarView view, String date) {
        for (int i = 0; i < _size(view.grid); i++) {
            if (_getFormattedRow(view.grid, i).get(0).equals(date)) {
                return i;
            }
        }
        throw new AssertionError(date + " is not in the grid");
    }
}
