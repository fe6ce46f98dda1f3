package vn.gov.moha.portal.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Vietnamese formats, used in both languages: dates as dd/MM/yyyy, every time in Vietnam time. */
public final class Formats {

    public static final String DATE_PATTERN = "dd/MM/yyyy";
    /** The zone of every time the portal shows, whatever the server's own zone is. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private Formats() {}

    /** A time stored as Vietnam's wall-clock time (decisions, notifications, submissions, ...). */
    public static String dateTime(@Nullable LocalDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }

    /** A moment (the event log's times): shown in Vietnam time, as {@link #dateTime(LocalDateTime)} shows the others. */
    public static String dateTime(@Nullable Instant time) {
        return dateTime(vietnamTime(time));
    }

    /** A moment as Vietnam's wall-clock time, for a spreadsheet cell next to the portal's other times. */
    public static @Nullable LocalDateTime vietnamTime(@Nullable Instant time) {
        return time == null ? null : LocalDateTime.ofInstant(time, VIETNAM);
    }

    public static String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
