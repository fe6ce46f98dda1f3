/**
 * Digital signatures of PDF files (issue 17): who signed, when, whether the signed bytes are unchanged and whether
 * the signer's certificate chains to a root the administrator trusts. {@link PdfSignatures} checks, {@link
 * SignatureList} shows the result; docs/decisions/0009-pdf-signatures.md says what is and is not checked.
 */
@NullMarked
package vn.gov.moha.portal.signature;

import org.jspecify.annotations.NullMarked;
