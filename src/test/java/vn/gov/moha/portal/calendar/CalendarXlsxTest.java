package vn.gov.moha.portal.calendar;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.task.Workbooks;
import vn.gov.moha.portal.ui.TestUploads;

/** A year's days off from an Excel workbook in the CSV file's columns: the same checks, the same row errors. */
@PortalTest
class CalendarXlsxTest extends KaribuTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A year the screen offers that has no calendar (next year). */
    static final int YEAR = LocalDate.now().getYear() + 1;

    @Autowired
    CalendarService calendar;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    CalendarFixture fixture;

    @AfterEach
    void noCalendarAgain() {
        fixture.removeYear(YEAR);
    }

    private CalendarView open() {
        login("admin");
        navigate("admin/calendar");
        CalendarView view = _get(CalendarView.class);
        _setValue(view.year, YEAR);
        return view;
    }

    @Test
    void aYearWithoutCalendarWarnsThenAWorkbookFillsItWithDateCellsOrTextDates() {
        assertThat(workingDays.hasCalendar(YEAR)).isFalse();
        CalendarView view = open();
        assertThat(view.missing.isVisible()).isTrue();
        LocalDate newYear = LocalDate.of(YEAR, 1, 1);
        LocalDate saturday = firstSaturday();

        TestUploads.upload(
                view.upload,
                "lich.xlsx",
                XLSX,
                Workbooks.of(
                        new Object[] {"date", "kind", "name", "note"},
                        new Object[] {newYear, "HOLIDAY", "Tết Dương lịch", "Bộ luật Lao động, Điều 112"},
                        new Object[] {"# dòng chú thích"},
                        new Object[] {
                            String.format("%02d/01/%d", saturday.getDayOfMonth(), YEAR), "makeup_day", "Làm bù"
                        }));

        assertThat(calendar.days(YEAR))
                .extracting(CalendarDay::getDate, CalendarDay::getKind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(newYear, DayKind.HOLIDAY),
                        org.assertj.core.groups.Tuple.tuple(saturday, DayKind.MAKEUP_DAY));
        assertThat(view.missing.isVisible()).isFalse();
        assertThat(workingDays.isWorkingDay(newYear)).isFalse();
        assertThat(workingDays.isWorkingDay(saturday)).isTrue();
    }

    @Test
    void aWrongRowIsNamedByItsExcelRowAndNothingIsSaved() {
        CalendarView view = open();
        LocalDate monday = firstSaturday().plusDays(2);

        TestUploads.upload(
                view.upload,
                "lich.xlsx",
                XLSX,
                Workbooks.of(
                        new Object[] {"date", "kind", "name", "note"},
                        new Object[] {LocalDate.of(YEAR, 1, 1), "HOLIDAY", "Tết Dương lịch"},
                        new Object[] {"31/02/" + YEAR, "HOLIDAY", "Ngày không có thật"},
                        new Object[] {monday, "MAKEUP_DAY", "Làm bù ngày thường"},
                        new Object[] {LocalDate.of(YEAR - 1, 12, 31), "NGHI", ""}));

        List<String> shown = _find(view.uploadErrors, Paragraph.class).stream()
                .map(Paragraph::getText)
                .toList();
        String m = String.format("%02d/%02d/%d", monday.getDayOfMonth(), monday.getMonthValue(), YEAR);
        assertThat(shown)
                .containsExactly(
                        "Tệp bị từ chối, lịch năm " + YEAR + " không thay đổi:",
                        "Dòng 3: ngày '31/02/" + YEAR + "' không hợp lệ",
                        "Dòng 4: ngày làm bù " + m + " không phải thứ Bảy hoặc Chủ nhật",
                        "Dòng 5: loại 'NGHI' không hợp lệ, cần HOLIDAY hoặc MAKEUP_DAY",
                        "Dòng 5: ngày 31/12/" + (YEAR - 1) + " không thuộc năm " + YEAR,
                        "Dòng 5: thiếu tên ngày");
        assertThat(calendar.days(YEAR)).isEmpty();
        assertThat(workingDays.hasCalendar(YEAR)).isFalse();
    }

    @Test
    void aBrokenWorkbookIsRefusedAsAWhole() {
        login("admin");
        byte[] notReally = new byte[] {'P', 'K', 3, 4, 1, 2, 3};

        assertThatThrownBy(() -> calendar.replaceYear(YEAR, "lich.xlsx", notReally))
                .isInstanceOfSatisfying(
                        CalendarFileException.class,
                        e -> assertThat(e.problems())
                                .extracting(CalendarFileException.Problem::key)
                                .containsExactly("calendar.file.notXlsx"));
        assertThat(workingDays.hasCalendar(YEAR)).isFalse();
    }

    private static LocalDate firstSaturday() {
        LocalDate d = LocalDate.of(YEAR, 1, 2);
        while (d.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
