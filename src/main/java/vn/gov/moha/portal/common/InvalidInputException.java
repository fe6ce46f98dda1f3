package vn.gov.moha.portal.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a service when input breaks a rule. Each problem names the field and a translation
 * key, so a screen can show the message next to the field in the user's language.
 */
public class InvalidInputException extends RuntimeException {

    /**
     * One broken rule: the field (as the form names it), the translation key of the message and the
     * values the message shows (for example the longest length allowed).
     */
    public record Problem(String field, String messageKey, List<Object> args) {

        public Problem {
            args = List.copyOf(args);
        }

        public Problem(String field, String messageKey) {
            this(field, messageKey, List.of());
        }
    }

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.messageKey()).collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String messageKey) {
        return new InvalidInputException(List.of(new Problem(field, messageKey)));
    }

    /** One problem whose message takes values, such as the longest length allowed. */
    public static InvalidInputException of(String field, String messageKey, Object... args) {
        return new InvalidInputException(List.of(new Problem(field, messageKey, List.of(args))));
    }

    public List<Problem> problems() {
        return problems;
    }
}
