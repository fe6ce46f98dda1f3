package vn.gov.moha.portal.common;

import org.jspecify.annotations.Nullable;

/**
 * What text the portal stores. Any letter, digit, mark, symbol, emoji or space of any script is
 * kept as typed. Refused, because they are invisible or rewrite what a reader sees, or cannot be
 * stored by every database: control characters (C0, C1, DEL, NUL; line breaks and tabs are allowed
 * in multi-line fields only), the bidirectional embedding, override and isolate controls
 * (U+202A to U+202E, U+2066 to U+2069) that can make "exe.pdf" read as "fdp.exe", and halves of
 * a surrogate pair that do not form a character.
 */
public final class TextRules {

    private TextRules() {}

    /** Why the text may not be stored, as a translation key; null when it may. */
    public static @Nullable String problem(String text, boolean multiline) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (width == 1 && Character.isSurrogate((char) c)) {
                return "error.characters";
            }
            if (c == '\n' || c == '\u2028' || c == '\u2029') {
                if (!multiline) {
                    return "error.oneLine";
                }
            } else if (c == '\t') {
                if (!multiline) {
                    return "error.characters";
                }
            } else if (Character.getType(c) == Character.CONTROL || isDirectionControl(c)) {
                return "error.characters";
            }
            i += width;
        }
        return null;
    }

    /** The length a limit counts: the text without leading and trailing spaces, in UTF-16 units (as Java and the browser count). */
    public static int length(String text) {
        return text == null ? 0 : text.strip().length();
    }

    /** Embeddings, overrides and isolates, which reorder the text around them. */
    static boolean isDirectionControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** True when nothing visible is left: only spaces, line breaks and invisible format characters. */
    public static boolean isBlank(String text) {
        return text.codePoints()
                .allMatch(c -> Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.CONTROL);
    }

    /**
     * A search query without what no stored text holds: control, direction and broken characters
     * become spaces, so a search never fails on them (it simply finds what the rest matches).
     */
    public static String forSearch(String query) {
        if (query == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(query.length());
        for (int i = 0; i < query.length(); ) {
            int c = query.codePointAt(i);
            int width = Character.charCount(c);
            boolean bad = (width == 1 && Character.isSurrogate((char) c))
                    || Character.getType(c) == Character.CONTROL
                    || isDirectionControl(c);
            out.appendCodePoint(bad ? ' ' : c);
            i += width;
        }
        return out.toString();
    }
}
