package vn.gov.moha.portal.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects broken rules while a service checks its input, then throws them all at once. Text is
 * checked the same way everywhere ({@link #requireText} and the others): it is stored exactly as
 * sent, only trimmed, or refused with a message that names the field; never cut short or changed.
 * See {@link TextRules} for what text may hold.
 */
public final class Problems {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final List<InvalidInputException.Problem> list = new ArrayList<>();

    public Problems add(String field, String messageKey, Object... args) {
        list.add(new InvalidInputException.Problem(field, messageKey, List.of(args)));
        return this;
    }

    /** One line of text: "required" when nothing visible was typed, otherwise {@link #optionalText}'s rules. */
    public Problems requireText(String field, @Nullable String value, int max) {
        return required(field, value, max, false);
    }

    /** One line of text, or nothing: refused when it holds a character that is not allowed or is too long. */
    public Problems optionalText(String field, @Nullable String value, int max) {
        return optional(field, value, max, false);
    }

    /** Several lines of text (line breaks and tabs allowed): "required" when nothing visible was typed. */
    public Problems requireLines(String field, @Nullable String value, int max) {
        return required(field, value, max, true);
    }

    /** Several lines of text, or nothing. */
    public Problems optionalLines(String field, @Nullable String value, int max) {
        return optional(field, value, max, true);
    }

    private Problems required(String field, @Nullable String value, int max, boolean lines) {
        if (value == null || TextRules.isBlank(value)) {
            String bad = value == null ? null : TextRules.problem(value, lines);
            return add(field, bad != null ? bad : "error.required");
        }
        return optional(field, value, max, lines);
    }

    private Problems optional(String field, @Nullable String value, int max, boolean lines) {
        if (value == null) {
            return this;
        }
        String bad = TextRules.problem(value, lines);
        if (bad != null) {
            add(field, bad);
        } else if (TextRules.length(value) > max) {
            add(field, "error.tooLong", max);
        }
        return this;
    }

    public Problems requireEmail(String field, @Nullable String value) {
        if (value == null || TextRules.isBlank(value)) {
            add(field, "error.required");
        } else if (TextRules.problem(value, false) != null) {
            add(field, TextRules.problem(value, false));
        } else if (value.strip().length() > 254 || !EMAIL.matcher(value.strip()).matches()) {
            add(field, "error.email");
        }
        return this;
    }

    public boolean has(String field) {
        return list.stream().anyMatch(p -> p.field().equals(field));
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }

    /** Trims text; turns blank text (nothing visible) into null. */
    public static @Nullable String clean(@Nullable String value) {
        return value == null || TextRules.isBlank(value) ? null : value.strip();
    }
}
