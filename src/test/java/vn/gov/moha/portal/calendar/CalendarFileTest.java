package vn.gov.moha.portal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.moha.portal.i18n.Translations;

/** The calendar file: what it accepts, and every bad line named by its number, the whole file refused. */
class CalendarFileTest {

    private static final String HEADER = "date,kind,name,note\n";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<CalendarFileException.Problem> problems(int year, String text) {
        try {
            CalendarFile.parse(year, bytes(text));
        } catch (CalendarFileException e) {
            System.out.println("refused: " + e.getMessage());
            return e.problems();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void readsCommentsHeaderQuotesAndAnOptionalNote() {
        List<CalendarFile.Entry> entries = CalendarFile.parse(2025, bytes("""
                \uFEFF# a comment
                date,kind,name,note

                01/01/2025,HOLIDAY,Tết Dương lịch
                  # an indented comment
                26/4/2025,makeup_day,"Làm bù, cho thứ Sáu 02/05/2025","Nguồn: ""VPCP"" 2025"
                """));

        assertThat(entries)
                .extracting(
                        CalendarFile.Entry::line,
                        CalendarFile.Entry::date,
                        CalendarFile.Entry::kind,
                        CalendarFile.Entry::name,
                        CalendarFile.Entry::note)
                .containsExactly(
                        tuple(4, LocalDate.of(2025, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch", null),
                        tuple(
                                6,
                                LocalDate.of(2025, 4, 26),
                                DayKind.MAKEUP_DAY,
                                "Làm bù, cho thứ Sáu 02/05/2025",
                                "Nguồn: \"VPCP\" 2025"));
    }

    @Test
    void anImpossibleDateIsRefusedWithItsLineNumberInVietnamese() {
        String file = """
                # Lịch năm 2025
                date,kind,name,note
                01/01/2025,HOLIDAY,Tết Dương lịch,
                25/01/2025,HOLIDAY,Tết Nguyên đán Ất Tỵ,
                26/01/2025,HOLIDAY,Tết Nguyên đán Ất Tỵ,
                # line 6 is a comment
                31/02/2025,HOLIDAY,Ngày không có thật,
                """;
        List<CalendarFileException.Problem> problems = problems(2025, file);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(new Translations().getTranslation(p.key(), Translations.VIETNAMESE, p.params()))
                    .isEqualTo("Dòng 7: ngày '31/02/2025' không hợp lệ");
            assertThat(new Translations().getTranslation(p.key(), Locale.ENGLISH, p.params()))
                    .isEqualTo("Line 7: date '31/02/2025' is not valid");
        });
    }

    @Test
    void everyBadLineIsNamedNotOnlyTheFirst() {
        String file = HEADER + """
                01/01/2025,HOLIDAY,Tết Dương lịch
                2025-04-30,HOLIDAY,Ngày Chiến thắng
                01/05/2025,NGHI,Quốc tế Lao động
                02/05/2025,MAKEUP_DAY,Làm bù vào thứ Sáu?
                01/01/2025,HOLIDAY,Trùng dòng 2
                01/01/2024,HOLIDAY,Năm khác
                03/05/2025,HOLIDAY,
                04/05/2025,HOLIDAY
                05/05/2025,HOLIDAY,"ngoặc kép không đóng
                06/05/2025,HOLIDAY,%s
                """.formatted("x".repeat(201));

        assertThat(problems(2025, file))
                .extracting(
                        CalendarFileException.Problem::line,
                        CalendarFileException.Problem::key,
                        CalendarFileException.Problem::args)
                .containsExactly(
                        tuple(3, "calendar.file.date", List.of("2025-04-30")),
                        tuple(4, "calendar.file.kind", List.of("NGHI")),
                        tuple(5, "calendar.file.makeupWeekday", List.of("02/05/2025")),
                        tuple(6, "calendar.file.duplicate", List.of("01/01/2025", "2")),
                        tuple(7, "calendar.file.year", List.of("01/01/2024", "2025")),
                        tuple(8, "calendar.file.name", List.of()),
                        tuple(9, "calendar.file.columns", List.of("2")),
                        tuple(10, "calendar.file.syntax", List.of()),
                        tuple(11, "calendar.file.nameTooLong", List.of("200")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# only comments\n", HEADER})
    void aFileWithoutDaysIsRefused(String text) {
        assertThat(problems(2025, text))
                .extracting(CalendarFileException.Problem::line)
                .containsExactly(0);
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        // as Excel on a Vietnamese Windows saves "CSV" unless told UTF-8
        byte[] windows1258 =
                "01/01/2025,HOLIDAY,Tết Dương lịch".getBytes(java.nio.charset.Charset.forName("windows-1258"));
        assertThatThrownBy(() -> CalendarFile.parse(2025, windows1258))
                .isInstanceOf(CalendarFileException.class)
                .extracting(e -> ((CalendarFileException) e).problems().get(0).key())
                .isEqualTo("calendar.file.encoding");
    }

    @Test
    void writtenFileReadsBackToTheSameDays() throws IOException {
        List<CalendarFile.Entry> shipped = CalendarFile.parse(2024, shipped(2024));
        List<CalendarDay> days = shipped.stream()
                .map(e -> new CalendarDay(e.date(), e.kind(), e.name(), e.note()))
                .toList();

        List<CalendarFile.Entry> back = CalendarFile.parse(2024, CalendarFile.write(2024, days));

        assertThat(back)
                .extracting(
                        CalendarFile.Entry::date,
                        CalendarFile.Entry::kind,
                        CalendarFile.Entry::name,
                        CalendarFile.Entry::note)
                .containsExactlyElementsOf(shipped.stream()
                        .map(e -> tuple(e.date(), e.kind(), e.name(), e.note()))
                        .toList());
    }

    /** The shipped files are valid and hold what the notices say, counted by hand in the test names. */
    @Test
    void shippedFilesParse() throws IOException {
        List<CalendarFile.Entry> y2024 = CalendarFile.parse(2024, shipped(2024));
        List<CalendarFile.Entry> y2025 = CalendarFile.parse(2025, shipped(2025));
        System.out.printf(
                "shipped: 2024 %d days (%d make-up), 2025 %d days (%d make-up)%n",
                y2024.size(),
                y2024.stream().filter(e -> e.kind() == DayKind.MAKEUP_DAY).count(),
                y2025.size(),
                y2025.stream().filter(e -> e.kind() == DayKind.MAKEUP_DAY).count());
        assertThat(y2024)
                .filteredOn(e -> e.kind() == DayKind.MAKEUP_DAY)
                .extracting(CalendarFile.Entry::date)
                .containsExactly(LocalDate.of(2024, 5, 4));
        assertThat(y2025)
                .filteredOn(e -> e.kind() == DayKind.MAKEUP_DAY)
                .extracting(CalendarFile.Entry::date)
                .containsExactly(LocalDate.of(2025, 4, 26));
        assertThat(y2024)
                .allSatisfy(
                        e -> assertThat(e.note()).as("source of %s", e.date()).contains("http"));
        assertThat(y2025)
                .allSatisfy(
                        e -> assertThat(e.note()).as("source of %s", e.date()).contains("http"));
    }

    static byte[] shipped(int year) throws IOException {
        try (InputStream in = CalendarFileTest.class.getResourceAsStream("/calendar/" + year + ".csv")) {
            return in.readAllBytes();
        }
    }
}
