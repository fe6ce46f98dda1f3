package vn.gov.moha.portal.signature;

import java.util.List;

/** What a PDF file's check found: its signatures in the order they were made (earliest first). */
public record SignatureCheck(State state, List<PdfSignature> signatures) {

    public enum State {
        /** A PDF with one or more signatures. */
        SIGNED,
        /** A readable PDF without signatures. */
        UNSIGNED,
        /** Not a PDF, a broken one, or one locked with a password. */
        UNREADABLE
    }

    public SignatureCheck {
        signatures = List.copyOf(signatures);
    }

    static SignatureCheck unsigned() {
        return new SignatureCheck(State.UNSIGNED, List.of());
    }

    static SignatureCheck unreadable() {
        return new SignatureCheck(State.UNREADABLE, List.of());
    }

    /** Every signature is intact and trusted (false for an unsigned or unreadable file). */
    public boolean allValid() {
        return state == State.SIGNED && signatures.stream().allMatch(s -> s.intact() && s.trusted());
    }
}
