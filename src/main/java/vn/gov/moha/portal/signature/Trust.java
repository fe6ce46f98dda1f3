package vn.gov.moha.portal.signature;

/** Whether the signer's certificate chains to a trusted root, and if not, why not. Revocation is not checked. */
public enum Trust {
    /** A chain from the signer's certificate to a certificate in the trusted folder, valid when signed. */
    TRUSTED,
    /** The administrator has placed no trusted certificate in the folder. */
    NO_TRUSTED_ROOTS,
    /** No chain from the signer's certificate to a trusted certificate. */
    UNKNOWN_ISSUER,
    /** The signer's certificate was not valid (expired or not yet valid) at the signing time. */
    NOT_VALID_AT_SIGNING_TIME,
    /** Not checked: the signature itself could not be read, or names no certificate. */
    NOT_CHECKED;

    public boolean trusted() {
        return this == TRUSTED;
    }
}
