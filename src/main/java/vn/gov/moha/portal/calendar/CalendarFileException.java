package vn.gov.moha.portal.calendar;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A calendar file that is refused as a whole: every problem found, each with its line number (0 for
 * the whole file), a translation key and the key's parameters, so the screen can say
 * "Dòng 7: ngày '31/02/2025' không hợp lệ" in the user's language.
 */
public class CalendarFileException extends RuntimeException {

    /** One problem; the line number is always the key's first parameter. */
    public record Problem(int line, String key, List<String> args) {

        /** The parameters for the key: the line number, then the others. */
        public Object[] params() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(String.valueOf(line)), args.stream())
                    .toArray();
        }
    }

    private final List<Problem> problems;

    CalendarFileException(List<Problem> problems) {
        super(problems.stream()
                .map(p -> p.line() + ": " + p.key() + " " + p.args())
                .collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
