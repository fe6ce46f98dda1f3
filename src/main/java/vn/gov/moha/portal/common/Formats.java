package vn.gov.moha.portal.common;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Dates and times as the reader's language writes them, every time in Vietnam time: 01/07/2025 and 01/07/2025 14:30
 * in Vietnamese, 1 July 2025 and 1 July 2025 14:30 in English. Without a locale, the locale of the screen being
 * drawn (Vietnamese outside a screen: e-mails, scheduled work).
 */
public final class Formats {

    public static final String DATE_PATTERN = "dd/MM/yyyy";
    /** The zone of every time the portal shows, whatever the server's own zone is. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(DATE_PATTERN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** Reads back only real dates: "31/02/2025" stays as written (an error message quoting a bad line). */
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME_EN =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.ENGLISH);

    private Formats() {}

    /** A time stored as Vietnam's wall-clock time (decisions, notifications, submissions, ...). */
    public static String dateTime(@Nullable LocalDateTime time) {
        return time == null ? "" : (english() ? DATE_TIME_EN : DATE_TIME).format(time);
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
        return date == null ? "" : (english() ? DATE_EN : DATE).format(date);
    }

    /** A date written as dd/MM/yyyy (as kept in a notification) in the reader's language. */
    public static String date(String ddMMyyyy, Locale locale) {
        if (!"en".equals(locale.getLanguage())) {
            return ddMMyyyy;
        }
        try {
            return DATE_EN.format(LocalDate.parse(ddMMyyyy, STRICT_DATE));
        } catch (DateTimeParseException e) {
            return ddMMyyyy;
        }
    }

    private static boolean english() {
        UI ui = UI.getCurrent();
        return ui != null && "en".equals(ui.getLocale().getLanguage());
    }
}
