package vn.gov.moha.portal.audit;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.gov.moha.portal.common.Formats;

/** Turns an event's stored details into text a person reads, in their language. */
public final class EventDetails {

    private EventDetails() {}

    /** "deadline=2026-12-18; percent=40" as "Thời hạn: 18/12/2026; Tỷ lệ hoàn thành: 40". */
    public static String readable(String details) {
        return readable(details, Map.of(), Map.of(), Map.of());
    }

    /**
     * The same, with the names a screen knows: unit codes of {@code lead} and {@code coordinators}
     * ("SNV-68") as the units' names, indicator results ({@code values}, stored as
     * "{12=3.5}", by indicator id) as "name: 3,5" (no results at all are left out), and the people it
     * names by username ({@code leader}) by their full names.
     */
    public static String readable(
            String details,
            Map<String, String> unitNames,
            Map<Long, String> indicatorNames,
            Map<String, String> people) {
        UI ui = UI.getCurrent();
        return readable(details, unitNames, indicatorNames, people, key -> ui.getTranslation(key));
    }

    /** The usernames the details name ({@code leader}), for looking up their full names. */
    public static List<String> people(String details) {
        List<String> found = new java.util.ArrayList<>();
        if (details != null) {
            for (String part : details.split("; ")) {
                if (part.startsWith("leader=") && !part.equals("leader=-")) {
                    found.add(part.substring("leader=".length()));
                }
            }
        }
        return found;
    }

    /** The same with the texts of a given language, for work done away from a screen (exports). */
    public static String readable(String details, java.util.function.UnaryOperator<String> translate) {
        return readable(details, Map.of(), Map.of(), Map.of(), translate);
    }

    private static String readable(
            String details,
            Map<String, String> unitNames,
            Map<Long, String> indicatorNames,
            Map<String, String> people,
            java.util.function.UnaryOperator<String> translate) {
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
            if (key.equals("values")) {
                value = values(value, indicatorNames);
                if (value.isEmpty()) {
                    continue;
                }
            } else if (key.equals("lead") || key.equals("coordinators")) {
                value = value.equals("-") || value.isEmpty()
                        ? "—"
                        : java.util.Arrays.stream(value.split(","))
                                .map(code -> unitNames.getOrDefault(code, code))
                                .collect(Collectors.joining(", "));
            } else if (value.equals("-")) {
                value = "—"; // stored for "none" (no deadline, no period, no leader)
            } else if (key.equals("leader")) {
                value = people.getOrDefault(value, value);
            } else if (key.equals("refused")) {
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

    /** "{12=3.5, 13=40}" as "Số đơn vị: 3,5; Tỷ lệ: 40"; "{}" as nothing; anything else as it is. */
    private static String values(String stored, Map<Long, String> indicatorNames) {
        String inner = stored.startsWith("{") && stored.endsWith("}")
                ? stored.substring(1, stored.length() - 1).trim()
                : null;
        if (inner == null) {
            return stored;
        }
        List<String> shown = new java.util.ArrayList<>();
        for (String pair : inner.isEmpty() ? new String[0] : inner.split(", ")) {
            int eq = pair.indexOf('=');
            try {
                long id = Long.parseLong(pair.substring(0, eq));
                java.text.NumberFormat format =
                        java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("vi"));
                format.setMaximumFractionDigits(4);
                String number = format.format(new java.math.BigDecimal(pair.substring(eq + 1)));
                shown.add(indicatorNames.getOrDefault(id, "#" + id) + " " + number);
            } catch (RuntimeException notAPair) {
                return stored;
            }
        }
        return String.join(", ", shown);
    }

    /** A stored date as dd/MM/yyyy; text that only looks like one (typed by a person) stays as it is. */
    private static String date(String value) {
        try {
            return Formats.date(java.time.LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException notADate) {
            return value;
        }
    }

    private static final Map<String, String> LABELS = Map.of(
            "confidence",
            "confidence.",
            "status",
            "report.status.",
            "role",
            "role.",
            "period",
            "period.",
            "dayKind",
            "calendar.kind.",
            "cause",
            "login.cause.");
}
