package vn.gov.moha.portal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one signature dictionary of a PDF against the file's bytes: the CMS (BouncyCastle) streams the signed byte
 * range, compares its digest with the signed one and verifies the signature value with the signer's public key; the
 * certificate chain is judged by {@link TrustedRoots}. Whether bytes were added after it is decided by the caller,
 * who sees all the signatures.
 */
final class OneSignature {

    private static final Logger log = LoggerFactory.getLogger(OneSignature.class);
    /** An instance, not a registered JCA provider: nothing global changes. */
    private static final Provider BC = new BouncyCastleProvider();

    private static final Set<String> CMS_DETACHED = Set.of("adbe.pkcs7.detached", "ETSI.CAdES.detached");

    /** A checked signature, with where its signed bytes end (the file's length if it covers it all). */
    record Checked(PdfSignature signature, long end) {}

    private OneSignature() {}

    static Checked check(FileChannel file, PDSignature dictionary, TrustedRoots roots) throws IOException {
        Instant declared = instant(dictionary.getSignDate());
        String name = dictionary.getName() == null ? "" : dictionary.getName();
        if (!CMS_DETACHED.contains(dictionary.getSubFilter())) {
            return new Checked(
                    new PdfSignature(name, null, null, declared, Integrity.NOT_SUPPORTED, Trust.NOT_CHECKED), -1);
        }
        SignedBytes signed = SignedBytes.of(file, dictionary.getByteRange());
        byte[] cms = signed == null ? null : signed.signature();
        if (signed == null || cms == null) {
            return new Checked(
                    new PdfSignature(name, null, null, declared, Integrity.RANGE_INVALID, Trust.NOT_CHECKED), -1);
        }
        try (InputStream content = signed.content()) {
            CMSSignedDataParser parser = new CMSSignedDataParser(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build(), new CMSTypedStream(content), cms);
            parser.getSignedContent().drain();
            List<X509Certificate> certificates = certificates(parser);
            SignerInformation signer = parser.getSignerInfos().getSigners().stream()
                    .findFirst()
                    .orElseThrow(() -> new CMSException("no signer"));
            Instant signedAt = signingTime(signer, declared);
            X509Certificate certificate = certificates.stream()
                    .filter(c -> signer.getSID().match(holder(c)))
                    .findFirst()
                    .orElse(null);
            if (certificate == null) {
                return new Checked(
                        new PdfSignature(name, null, null, signedAt, Integrity.SIGNATURE_INVALID, Trust.NOT_CHECKED),
                        signed.end());
            }
            Integrity integrity = verify(signer, certificate);
            Trust trust = roots.judge(certificate, certificates, signedAt == null ? Instant.now() : signedAt);
            X500Name subject =
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            String cn = part(subject, BCStyle.CN);
            X500Name issuer =
                    X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
            return new Checked(
                    new PdfSignature(
                            cn != null ? cn : subject.toString(),
                            part(subject, BCStyle.O),
                            part(issuer, BCStyle.CN),
                            signedAt,
                            integrity,
                            trust),
                    signed.end());
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | RuntimeException e) {
            log.debug("Unreadable signature {}: {}", name, e.toString());
            return new Checked(
                    new PdfSignature(name, null, null, declared, Integrity.UNREADABLE, Trust.NOT_CHECKED),
                    signed.end());
        }
    }

    private static Integrity verify(SignerInformation signer, X509Certificate certificate)
            throws OperatorCreationException {
        try {
            // By the public key, not the certificate: BouncyCastle would otherwise refuse a certificate expired at
            // the signing time before comparing anything; validity is the trust's question, not the integrity's.
            boolean valid = signer.verify(
                    new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(certificate.getPublicKey()));
            return valid ? Integrity.INTACT : Integrity.SIGNATURE_INVALID;
        } catch (CMSSignerDigestMismatchException e) {
            return Integrity.CONTENT_CHANGED;
        } catch (CMSException e) {
            return Integrity.SIGNATURE_INVALID;
        }
    }

    private static List<X509Certificate> certificates(CMSSignedDataParser parser)
            throws CMSException, GeneralSecurityException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        Collection<X509CertificateHolder> holders = parser.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : holders) {
            certificates.add(converter.getCertificate(holder));
        }
        return certificates;
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(Certificate.getInstance(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed signing-time attribute, else the time in the signature dictionary. */
    private static @Nullable Instant signingTime(SignerInformation signer, @Nullable Instant declared) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute time = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (time == null || time.getAttrValues().size() == 0) {
            return declared;
        }
        try {
            return Time.getInstance(time.getAttrValues().getObjectAt(0))
                    .getDate()
                    .toInstant();
        } catch (RuntimeException e) {
            return declared;
        }
    }

    private static @Nullable Instant instant(@Nullable Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }

    private static @Nullable String part(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0 || rdns[0].getFirst() == null) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        String text = value instanceof ASN1String s ? s.getString() : value.toString();
        return text.isBlank() ? null : text.strip();
    }
}
