package vn.gov.moha.portal.generator;

/** The generator refused to run; nothing was written. The message has a Vietnamese and an English line. */
public class GeneratorException extends RuntimeException {

    private final String vietnamese;
    private final String english;

    GeneratorException(String vietnamese, String english) {
        super(vietnamese + System.lineSeparator() + english);
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }

    /** A value typed by a person, short and on one line, for a message. */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        String line = value.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
