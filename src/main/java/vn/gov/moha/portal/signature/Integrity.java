package vn.gov.moha.portal.signature;

/** Whether the bytes a signature covers are unchanged, and if not, why not. */
public enum Integrity {
    /** The signed bytes are unchanged and cover the whole file (all but the signature itself). */
    INTACT,
    /**
     * The signed bytes are unchanged; the file was extended afterwards, and a later signature, itself intact,
     * covers the whole file (a second signer, e.g. the office's seal after the leader's signature).
     */
    INTACT_SIGNED_AGAIN,
    /** The bytes the signature covers differ from those that were signed. */
    CONTENT_CHANGED,
    /** The signature value does not verify with the certificate it names, or that certificate is missing. */
    SIGNATURE_INVALID,
    /** Unchanged as signed, but something not covered by any later signature was added or changed after it. */
    CHANGED_AFTER_SIGNING,
    /** The byte range does not describe the file (outside it, overlapping, not around the signature). */
    RANGE_INVALID,
    /** The signature's data could not be read. */
    UNREADABLE,
    /** A kind of signature this portal does not check (e.g. a document time stamp or the old PKCS#1 form). */
    NOT_SUPPORTED;

    /** The signed content is as the signer signed it. */
    public boolean intact() {
        return this == INTACT || this == INTACT_SIGNED_AGAIN;
    }
}
