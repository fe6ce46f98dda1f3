package vn.gov.moha.portal.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Vietnamese formats, used in both languages: dates as dd/MM/yyyy. */
public final class Formats {

    public static final String DATE_PATTERN = "dd/MM/yyyy";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private Formats() {
    }

    public static String dateTime(java.time.LocalDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
