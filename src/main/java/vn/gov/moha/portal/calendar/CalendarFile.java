package vn.gov.moha.portal.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.Formats;

/**
 * The calendar file of one year, UTF-8 CSV: {@code date,kind,name,note}, dates as dd/MM/yyyy, kind
 * HOLIDAY or MAKEUP_DAY, note optional; lines starting with {@code #} and blank lines are skipped, the
 * header line is optional. An Excel workbook (.xlsx) in the same columns is read the same way
 * ({@link CalendarSheet}), its rows numbered as Excel numbers them. A file with any bad line is refused as a whole, with every bad line named.
 */
final class CalendarFile {

    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_NAME = 200;
    static final int MAX_NOTE = 500;
    /** More problems than this and the rest are left out: the first ones say what is wrong. */
    static final int MAX_PROBLEMS = 50;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final CSVFormat LINE =
            CSVFormat.DEFAULT.builder().setTrim(true).get();

    /** One day read from the file, with the line it came from. */
    record Entry(
            int line,
            LocalDate date,
            DayKind kind,
            String name,
            @Nullable String note) {}

    private CalendarFile() {}

    static List<Entry> parse(int year, byte[] content) {
        if (content == null || content.length == 0) {
            throw refused(0, "calendar.file.empty");
        }
        if (content.length > MAX_BYTES) {
            throw refused(0, "calendar.file.tooLarge");
        }
        List<CalendarFileException.Problem> problems = new ArrayList<>();
        List<Cells> rows = CalendarSheet.isXlsx(content) ? CalendarSheet.rows(content) : csvRows(content, problems);
        List<Entry> entries = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        boolean headerAllowed = true;
        for (Cells row : rows) {
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            List<String> cells = row.cells();
            int line = row.line();
            if (headerAllowed && !cells.isEmpty() && cells.get(0).equalsIgnoreCase("date")) {
                headerAllowed = false;
                continue;
            }
            headerAllowed = false;
            if (cells.size() < 3 || cells.size() > 4) {
                problems.add(problem(line, "calendar.file.columns", String.valueOf(cells.size())));
                continue;
            }
            Entry entry = entry(year, line, cells, seen, problems);
            if (entry != null) {
                entries.add(entry);
                seen.put(entry.date(), line);
            }
        }
        if (!problems.isEmpty()) {
            // the lines that could not be read at all were found first: every problem in the file's order
            problems.sort(java.util.Comparator.comparingInt(CalendarFileException.Problem::line));
            throw new CalendarFileException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
        if (entries.isEmpty()) {
            throw refused(0, "calendar.file.noDays");
        }
        return entries;
    }

    /** One line of the file (CSV) or row of the sheet (XLSX): its number and its cells, blank and comment lines left out. */
    record Cells(int line, List<String> cells) {}

    private static List<Cells> csvRows(byte[] content, List<CalendarFileException.Problem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refused(0, "calendar.file.encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Cells> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String raw = lines[i].strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            try {
                List<CSVRecord> records = LINE.parse(new StringReader(raw)).getRecords();
                rows.add(new Cells(
                        line, records.isEmpty() ? List.of() : records.get(0).toList()));
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                problems.add(problem(line, "calendar.file.syntax"));
            }
        }
        return rows;
    }

    private static Entry entry(
            int year,
            int line,
            List<String> cells,
            Map<LocalDate, Integer> seen,
            List<CalendarFileException.Problem> problems) {
        int before = problems.size();
        LocalDate date = null;
        try {
            date = LocalDate.parse(cells.get(0), DATE);
        } catch (DateTimeParseException e) {
            problems.add(problem(line, "calendar.file.date", cells.get(0)));
        }
        DayKind kind = null;
        try {
            kind = DayKind.valueOf(cells.get(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(problem(line, "calendar.file.kind", cells.get(1)));
        }
        if (date != null && date.getYear() != year) {
            problems.add(problem(line, "calendar.file.year", Formats.date(date), String.valueOf(year)));
        }
        if (date != null && kind == DayKind.MAKEUP_DAY && !isWeekend(date)) {
            problems.add(problem(line, "calendar.file.makeupWeekday", Formats.date(date)));
        }
        if (date != null && seen.containsKey(date)) {
            problems.add(problem(line, "calendar.file.duplicate", Formats.date(date), String.valueOf(seen.get(date))));
        }
        String name = cells.get(2);
        if (name.isBlank()) {
            problems.add(problem(line, "calendar.file.name"));
        } else if (name.length() > MAX_NAME) {
            problems.add(problem(line, "calendar.file.nameTooLong", String.valueOf(MAX_NAME)));
        }
        String note = cells.size() > 3 && !cells.get(3).isBlank() ? cells.get(3) : null;
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(problem(line, "calendar.file.noteTooLong", String.valueOf(MAX_NOTE)));
        }
        return problems.size() == before ? new Entry(line, date, kind, name, note) : null;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** The year's days as a file that {@link #parse} reads back to the same days. */
    static byte[] write(int year, List<CalendarDay> days) {
        StringWriter out = new StringWriter();
        out.write("# Lịch nghỉ lễ, Tết và ngày làm bù năm " + year + " (cán bộ, công chức, viên chức; nghỉ thứ Bảy, "
                + "Chủ nhật hằng tuần)\n");
        out.write("# Ngày không có ở đây: thứ Hai - thứ Sáu là ngày làm việc, thứ Bảy và Chủ nhật là ngày nghỉ.\n");
        out.write("# Cột: date (dd/MM/yyyy); kind: HOLIDAY = ngày nghỉ, MAKEUP_DAY = thứ Bảy/Chủ nhật đi làm bù; "
                + "name; note\n");
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord("date", "kind", "name", "note");
            for (CalendarDay d : days) {
                printer.printRecord(
                        Formats.date(d.getDate()),
                        d.getKind().name(),
                        d.getName(),
                        d.getNote() == null ? "" : d.getNote());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static CalendarFileException.Problem problem(int line, String key, String... args) {
        return new CalendarFileException.Problem(line, key, List.of(args));
    }

    static CalendarFileException refused(int line, String key) {
        return new CalendarFileException(List.of(problem(line, key)));
    }
}
