package vn.gov.moha.portal.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects broken rules while a service checks its input, then throws them all at once. */
public final class Problems {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final List<InvalidInputException.Problem> list = new ArrayList<>();

    public Problems add(String field, String messageKey) {
        list.add(new InvalidInputException.Problem(field, messageKey));
        return this;
    }

    /** Adds "required" when the text is blank, "too long" when it exceeds max characters. */
    public Problems requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "error.required");
        } else if (value.strip().length() > max) {
            add(field, "error.tooLong");
        }
        return this;
    }

    public Problems optionalText(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            add(field, "error.tooLong");
        }
        return this;
    }

    public Problems requireEmail(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "error.required");
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

    /** Trims text; turns blank text into null. */
    public static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
