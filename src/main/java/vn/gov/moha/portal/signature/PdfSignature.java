package vn.gov.moha.portal.signature;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One signature of a PDF file.
 *
 * @param signer the signer certificate's common name (CN), or its whole subject if it has none; empty if the
 *     signature names no readable certificate
 * @param organisation the certificate's organisation (O), if present
 * @param issuer the common name of the certificate's issuer, for the administrator who adds a trusted root
 * @param signedAt the signing time the signature declares (signed attribute, else the signature dictionary): the
 *     signer's computer clock, not a verified time stamp
 * @param integrity whether the signed bytes are unchanged, with the reason when not
 * @param trust whether the certificate chains to a trusted root, with the reason when not
 */
public record PdfSignature(
        String signer,
        @Nullable String organisation,
        @Nullable String issuer,
        @Nullable Instant signedAt,
        Integrity integrity,
        Trust trust) {

    public boolean intact() {
        return integrity.intact();
    }

    public boolean trusted() {
        return trust.trusted();
    }
}
