package vn.gov.moha.portal.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds Vietnamese text for searching: lower case, no diacritics, "đ" as "d", single spaces.
 * "Lâm Đồng" and "lam dong" fold to the same text, so a user finds a unit typed either way.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(TextRules.forSearch(text), Normalizer.Form.NFD);
        String plain =
                MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The folded text of several fields, joined, to store in a search column. */
    public static String of(String... parts) {
        return Stream.of(parts)
                .filter(Objects::nonNull)
                .map(SearchText::fold)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" | "));
    }

    /** At most {@code max} characters of the text, never half of a surrogate pair. */
    public static String limit(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** The query as the literal part of a LIKE pattern: its own %, _ and backslash match themselves. */
    public static String likeLiteral(String folded) {
        return folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** True when every word of the query occurs in the folded text. */
    public static boolean matches(String foldedText, String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return true;
        }
        for (String word : q.split(" ")) {
            if (!foldedText.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
