package vn.gov.moha.portal.document;

import java.io.InputStream;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.TextRules;

/**
 * An official document as a form sends it: số/ký hiệu, ngày ban hành, trích yếu, cơ quan ban hành, người ký,
 * and its signed PDF (the name it had and its bytes, read once by {@link DocumentService#record}).
 */
public record DocumentDraft(
        @Nullable String number,
        @Nullable LocalDate issuedOn,
        @Nullable String summary,
        @Nullable String issuer,
        @Nullable String signer,
        @Nullable String fileName,
        @Nullable InputStream content) {

    /** Nothing typed and no file: an optional citation left out. */
    public boolean isEmpty() {
        return blank(number)
                && issuedOn == null
                && blank(summary)
                && blank(issuer)
                && blank(signer)
                && fileName == null
                && content == null;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || TextRules.isBlank(s);
    }
}
