package vn.gov.moha.portal.audit;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Map;
import vn.gov.moha.portal.common.Formats;

/** Turns an event's stored details into text a person reads, in their language. */
public final class EventDetails {

    private EventDetails() {
    }

    /** "deadline=2026-12-18; percent=40" as "Thời hạn: 18/12/2026; Tỷ lệ hoàn thành: 40". */
    public static String readable(String details) {
        UI ui = UI.getCurrent();
        return readable(details, key -> ui.getTranslation(key));
    }

    /** The same with the texts of a given language, for work done away from a screen (exports). */
    public static String readable(String details, java.util.function.UnaryOperator<String> translate) {
        if (details == null) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String part : details.split("; ")) {
            int eq = part.indexOf('=');
            if (eq < 0 || !part.substring(0, eq).matches("[a-z]+")) {
                parts.add(part); // text a person wrote, shown as written
                continue;
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            if (key.equals("refused")) {
                value = translate.apply(value);
            } else if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                value = date(value);
            } else if (value.matches("[A-Z_]+") && !key.equals("lead")) {
                String label = translate.apply(LABELS.getOrDefault(key, "") + value);
                value = label.startsWith("!") ? value : label;
            }
            String label = translate.apply("history." + key);
            parts.add((label.startsWith("!") ? key : label) + ": " + value);
        }
        return String.join("; ", parts);
    }

    /** A stored date as dd/MM/yyyy; text that only looks like one (typed by a person) stays as it is. */
    private static String date(String value) {
        try {
            return Formats.date(java.time.LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException notADate) {
            return value;
        }
    }

    private static final Map<String, String> LABELS = Map.of("confidence", "confidence.", "status", "report.status.",
            "role", "role.", "period", "period.", "dayKind", "calendar.kind.");

}
