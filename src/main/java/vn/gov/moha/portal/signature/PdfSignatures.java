package vn.gov.moha.portal.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Reads the digital signatures of a PDF file: PDFBox finds the signature dictionaries and their byte ranges,
 * {@link OneSignature} checks each. The file is read from disk in small pieces (a 20 MB file is never held whole).
 * Incremental updates: a signature whose bytes are followed by more is intact only if a later intact signature
 * covers the whole file; bytes added after the last signature make every signature "changed after signing"
 * (docs/decisions/0009-pdf-signatures.md). A file that is not a readable PDF gives {@link
 * SignatureCheck.State#UNREADABLE}, never an exception.
 *
 * <p>Callers are logged in (whoever shows a file has passed its owner's access check); the check reads no stored
 * data of its own.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class PdfSignatures {

    private static final Logger log = LoggerFactory.getLogger(PdfSignatures.class);
    private static final int CACHE_SIZE = 256;

    private final SignatureProperties properties;
    /** Results by file, size, modification time and trusted set: a page view does not re-check a stored file. */
    private final Map<CacheKey, SignatureCheck> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, SignatureCheck> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record CacheKey(Path file, long size, FileTime modified, String trusted) {}

    /** The trusted certificates as last read, with the folder's stamp then. */
    private record Roots(List<String> stamp, TrustedRoots roots) {}

    private volatile @Nullable Roots roots;

    public PdfSignatures(SignatureProperties properties) {
        this.properties = properties;
    }

    /**
     * The signatures of a stored file. The result is kept for the same file (path, size, modification time) and
     * the same trusted certificates, so the portal's stored files, which are never rewritten, are checked once.
     */
    public SignatureCheck check(Path file) {
        TrustedRoots roots = trustedRoots();
        CacheKey key;
        try {
            Path real = file.toRealPath();
            key = new CacheKey(real, Files.size(real), Files.getLastModifiedTime(real), roots.fingerprint());
        } catch (IOException e) {
            log.debug("Cannot read {}: {}", file, e.toString());
            return SignatureCheck.unreadable();
        }
        synchronized (cache) {
            SignatureCheck known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        SignatureCheck result = read(key.file(), roots);
        synchronized (cache) {
            cache.put(key, result);
        }
        return result;
    }

    /** The signatures of a file not stored yet (an upload): copied to a temporary file, checked, deleted. */
    public SignatureCheck checkStream(InputStream pdf) {
        Path temp = null;
        try {
            temp = Files.createTempFile("signature-", ".pdf");
            Files.copy(pdf, temp, StandardCopyOption.REPLACE_EXISTING);
            return read(temp, trustedRoots());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log.warn("Cannot delete {}: {}", temp, e.toString());
                }
            }
        }
    }

    /** The folder's certificates, read again only when a file in it was added, changed or removed. */
    private TrustedRoots trustedRoots() {
        Path folder = properties.trustedPath();
        List<String> stamp = TrustedRoots.stamp(folder);
        Roots known = roots;
        if (known != null && known.stamp().equals(stamp)) {
            return known.roots();
        }
        TrustedRoots fresh = TrustedRoots.in(folder);
        roots = new Roots(stamp, fresh);
        return fresh;
    }

    private static SignatureCheck read(Path file, TrustedRoots roots) {
        List<OneSignature.Checked> checked = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file));
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (PDSignature dictionary : document.getSignatureDictionaries()) {
                checked.add(OneSignature.check(channel, dictionary, roots));
            }
            if (checked.isEmpty()) {
                return SignatureCheck.unsigned();
            }
            return new SignatureCheck(SignatureCheck.State.SIGNED, judgeLaterChanges(checked, channel.size()));
        } catch (IOException | RuntimeException e) {
            // not a PDF, broken beyond PDFBox's repair, or locked with a password
            log.debug("Cannot read {} as a PDF: {}", file, e.toString());
            return SignatureCheck.unreadable();
        }
    }

    /**
     * Earliest first. An intact signature that does not reach the end of the file stays intact only if a later
     * intact signature does: the later signer signed what was added.
     */
    private static List<PdfSignature> judgeLaterChanges(List<OneSignature.Checked> checked, long length) {
        boolean wholeFileSigned = checked.stream()
                .anyMatch(c -> c.end() == length && c.signature().integrity() == Integrity.INTACT);
        return checked.stream()
                .sorted(Comparator.comparingLong(OneSignature.Checked::end))
                .map(c -> {
                    PdfSignature s = c.signature();
                    if (s.integrity() != Integrity.INTACT || c.end() == length) {
                        return s;
                    }
                    Integrity integrity =
                            wholeFileSigned ? Integrity.INTACT_SIGNED_AGAIN : Integrity.CHANGED_AFTER_SIGNING;
                    return new PdfSignature(
                            s.signer(), s.organisation(), s.issuer(), s.signedAt(), integrity, s.trust());
                })
                .toList();
    }
}
