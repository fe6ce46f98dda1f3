package vn.gov.moha.portal.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Makes signed PDFs for tests, as a government signing tool would: a certification authority of its own (root →
 * optional intermediate → signer certificates, made with BouncyCastle) and PDFBox's signing API with a BouncyCastle
 * CMS signature ({@code adbe.pkcs7.detached}, SHA-256 with RSA, the signing time as a signed attribute). Reusable by
 * any test, e.g. a browser test that attaches a signed document:
 *
 * <pre>{@code
 * TestSigning.Ca ca = TestSigning.ca();                      // one root per test run, made once
 * byte[] pdf = TestSigning.sign(TestSigning.unsignedPdf("125/QD-BNV"), TestSigning.signer(), TestSigning.SIGNED_AT);
 * ca.trustIn(folder);                                        // the folder of portal.signature.trusted-dir
 * }</pre>
 *
 * In a {@code @PortalTest} that folder is {@code target/test-trusted-roots} (application-test.properties): write
 * the root there with {@code ca.trustIn(properties.trustedPath())} and delete it after the test.
 */
public final class TestSigning {

    /** 10:30 on 1 December 2026 in Vietnam. */
    public static final Instant SIGNED_AT = Instant.parse("2026-12-01T03:30:00Z");

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final Instant VALID_FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant VALID_TO = Instant.parse("2040-01-01T00:00:00Z");
    private static @Nullable Ca ca;
    private static @Nullable Signer signer;

    private TestSigning() {}

    /** A certificate and its key, with the chain above it (without the root), as a signing tool holds them. */
    public record Signer(X509Certificate certificate, PrivateKey key, List<X509Certificate> intermediates) {}

    /** A certification authority: its certificate and key. */
    public record Ca(X509Certificate certificate, PrivateKey key, List<X509Certificate> chain) {

        /** A signer certificate valid from 2020 to 2040. */
        public Signer issue(String commonName, @Nullable String organisation) {
            return issue(commonName, organisation, VALID_FROM, VALID_TO);
        }

        public Signer issue(String commonName, @Nullable String organisation, Instant from, Instant to) {
            KeyPair keys = rsa();
            return new Signer(
                    newCertificate(name(commonName, organisation), keys, this, from, to, false),
                    keys.getPrivate(),
                    chain);
        }

        /** An intermediate authority under this one, whose signers carry it in their signatures. */
        public Ca intermediate(String commonName) {
            KeyPair keys = rsa();
            X509Certificate certificate =
                    newCertificate(name(commonName, null), keys, this, VALID_FROM, VALID_TO, true);
            List<X509Certificate> below = new ArrayList<>(List.of(certificate));
            below.addAll(chain);
            return new Ca(certificate, keys.getPrivate(), below);
        }

        /** Writes this authority's certificate as PEM into the folder, as the administrator would. */
        public Path trustIn(Path folder) {
            try {
                Files.createDirectories(folder);
                StringWriter pem = new StringWriter();
                try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                    writer.writeObject(certificate);
                }
                return Files.writeString(
                        folder.resolve("root-" + certificate.getSerialNumber() + ".pem"), pem.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A new root authority (a key pair takes a moment: reuse {@link #ca()} where any root will do). */
    public static Ca newCa(String commonName) {
        KeyPair keys = rsa();
        return new Ca(
                newCertificate(name(commonName, "Thử nghiệm"), keys, null, VALID_FROM, VALID_TO, true),
                keys.getPrivate(),
                List.of());
    }

    /** The run's shared root, "Ban Cơ yếu thử nghiệm". */
    public static synchronized Ca ca() {
        if (ca == null) {
            ca = newCa("Ban Cơ yếu thử nghiệm");
        }
        return ca;
    }

    /** The run's shared signer under {@link #ca()}: "Nguyễn Văn An", "Bộ Nội vụ". */
    public static synchronized Signer signer() {
        if (signer == null) {
            signer = ca().issue("Nguyễn Văn An", "Bộ Nội vụ");
        }
        return signer;
    }

    /** A one-page PDF, uncompressed so a test can find and change its text ({@code text}: ASCII). */
    public static byte[] unsignedPdf(String text) {
        return pdf(text, 0);
    }

    /** As {@link #unsignedPdf}, grown to about {@code bytes} by an unreferenced-by-pages stream of random bytes. */
    public static byte[] pdf(String text, int bytes) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            document.getDocumentInformation().setTitle(text);
            if (bytes > 0) {
                COSStream padding = document.getDocument().createCOSStream();
                byte[] random = new byte[bytes];
                new Random(17).nextBytes(random);
                try (OutputStream out = padding.createRawOutputStream()) {
                    out.write(random);
                }
                document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Padding"), padding);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF with one more signature, added as an incremental update (earlier signatures stay as they are). */
    public static byte[] sign(byte[] pdf, Signer signer, Instant signingTime) {
        return sign(pdf, signer, signingTime, PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
    }

    /** As {@link #sign(byte[], Signer, Instant)}, the dictionary naming another kind of signature. */
    public static byte[] sign(byte[] pdf, Signer signer, Instant signingTime, COSName subFilter) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(subFilter);
            signature.setName(signer.certificate().getSubjectX500Principal().getName());
            Calendar calendar = Calendar.getInstance();
            calendar.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(calendar);
            document.addSignature(signature, content -> cms(content.readAllBytes(), signer, signingTime));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF with its title changed and saved as an incremental update, after any signature: not signed. */
    public static byte[] retitled(byte[] pdf, String title) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes with the first occurrence of {@code from} replaced by {@code to} (same length). */
    public static byte[] replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] t = to.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (f.length != t.length) {
            throw new IllegalArgumentException("same length only");
        }
        byte[] copy = bytes.clone();
        for (int i = 0; i + f.length <= copy.length; i++) {
            if (java.util.Arrays.equals(copy, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, copy, i, t.length);
                return copy;
            }
        }
        throw new IllegalArgumentException(from + " not found");
    }

    private static byte[] cms(byte[] content, Signer signer, Instant signingTime) throws IOException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withRSA").build(signer.key());
            AttributeTable attributes = new AttributeTable(
                    new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
                            .build(contentSigner, signer.certificate()));
            List<X509Certificate> certificates = new ArrayList<>(List.of(signer.certificate()));
            certificates.addAll(signer.intermediates());
            generator.addCertificates(new JcaCertStore(certificates));
            return generator
                    .generate(new CMSProcessableByteArray(content), false)
                    .getEncoded();
        } catch (GeneralSecurityException
                | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cms.CMSException e) {
            throw new IOException(e);
        }
    }

    private static X500Name name(String commonName, @Nullable String organisation) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
        if (organisation != null) {
            name.addRDN(BCStyle.O, organisation);
        }
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate for {@code subject} signed by {@code issuer}, or self-signed when there is none. */
    private static X509Certificate newCertificate(
            X500Name subject, KeyPair keys, @Nullable Ca issuer, Instant from, Instant to, boolean authority) {
        try {
            X500Name issuerName = issuer == null
                    ? subject
                    : X500Name.getInstance(
                            issuer.certificate().getSubjectX500Principal().getEncoded());
            PrivateKey signingKey = issuer == null ? keys.getPrivate() : issuer.key();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName,
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(from),
                    Date.from(to),
                    subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(
                            authority
                                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
