package vn.gov.moha.portal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificates in the trusted folder. {@link #stamp} tells cheaply whether the folder changed, so a certificate
 * the administrator adds, replaces or removes counts from the next check on, without a restart. Every certificate there is a
 * trust anchor: a root, or an intermediate the administrator chose to trust directly.
 */
final class TrustedRoots {

    private static final Logger log = LoggerFactory.getLogger(TrustedRoots.class);
    private static final Set<String> EXTENSIONS = Set.of(".cer", ".crt", ".pem", ".der");

    private final List<X509Certificate> roots;
    private final String fingerprint;

    private TrustedRoots(List<X509Certificate> roots) {
        this.roots = List.copyOf(roots);
        this.fingerprint = fingerprintOf(roots);
    }

    /** The certificates in the folder; a missing folder or an unreadable file is logged and trusts nothing. */
    static TrustedRoots in(Path folder) {
        List<X509Certificate> roots = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new TrustedRoots(roots);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(TrustedRoots::isCertificateFile).sorted().toList()) {
                roots.addAll(read(file));
            }
        } catch (IOException e) {
            log.warn("Cannot list the trusted certificates in {}: {}", folder, e.toString());
        }
        return new TrustedRoots(roots);
    }

    /** The certificate files' names, sizes and modification times: equal stamps, same certificates. */
    static List<String> stamp(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> stamp = new ArrayList<>();
            for (Path file :
                    files.filter(TrustedRoots::isCertificateFile).sorted().toList()) {
                stamp.add(file.getFileName() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file));
            }
            return stamp;
        } catch (IOException e) {
            return List.of("unreadable " + e);
        }
    }

    boolean isEmpty() {
        return roots.isEmpty();
    }

    /** Changes whenever the set of trusted certificates changes: part of the check cache's key. */
    String fingerprint() {
        return fingerprint;
    }

    /**
     * Whether a chain (revocation not checked) leads from the signer's certificate through the given intermediates
     * to a trusted certificate, every certificate valid at the given time.
     */
    Trust judge(X509Certificate signer, Collection<X509Certificate> intermediates, Instant at) {
        if (roots.isEmpty()) {
            return Trust.NO_TRUSTED_ROOTS;
        }
        Date when = Date.from(at);
        try {
            signer.checkValidity(when);
        } catch (GeneralSecurityException e) {
            return Trust.NOT_VALID_AT_SIGNING_TIME;
        }
        if (roots.contains(signer)) {
            return Trust.TRUSTED;
        }
        try {
            Set<TrustAnchor> anchors =
                    roots.stream().map(r -> new TrustAnchor(r, null)).collect(Collectors.toSet());
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            parameters.addCertStore(
                    CertStore.getInstance("Collection", new CollectionCertStoreParameters(intermediates)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return Trust.TRUSTED;
        } catch (GeneralSecurityException e) {
            log.debug("No trusted chain for {}: {}", signer.getSubjectX500Principal(), e.toString());
            return Trust.UNKNOWN_ISSUER;
        }
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            return certificates;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            log.warn("Ignoring {} in the trusted folder: not an X.509 certificate ({})", file, e.toString());
            return List.of();
        }
    }

    private static String fingerprintOf(List<X509Certificate> roots) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (X509Certificate root : roots) {
                sha.update(root.getEncoded());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
