package vn.gov.moha.portal.workflow.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.common.FilesProperties;

/**
 * Keeps evidence files on disk under generated names, never the names users gave them. An upload
 * goes from its stream to a temporary file in a small buffer (never whole into memory), is checked
 * there, and only then moved under its generated name; a download reads the file as a stream.
 */
@Component
class EvidenceStore {

    private final Path dir;

    EvidenceStore(FilesProperties files) {
        this.dir = files.path();
    }

    /** An upload copied to a temporary file: its size (at most max + 1: the copy stops there) and SHA-256. */
    record Incoming(Path file, long size, String sha256) {}

    /**
     * Copies the stream to a temporary file (outside the evidence folder, so a backup taken meanwhile never
     * holds half an upload), reading at most {@code max + 1} bytes. The caller then {@link #keep}s or
     * {@link #discard}s it.
     */
    Incoming receive(InputStream in, long max) {
        Path temp = null;
        try {
            temp = Files.createTempFile("evidence-", ".part");
            MessageDigest sha = DigestUtils.getSha256Digest();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                for (int n;
                        size <= max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - size))) > 0; ) {
                    out.write(buffer, 0, n);
                    size += n;
                }
            }
            return new Incoming(temp, size, Hex.encodeHexString(sha.digest()));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the checked upload into the evidence folder under its generated name. */
    void keep(Incoming incoming, String storedName) {
        try {
            Files.createDirectories(dir);
            Files.move(incoming.file(), dir.resolve(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the temporary file if it is still there (a refused upload, or one kept already). */
    void discard(Incoming incoming) {
        deleteQuietly(incoming.file());
    }

    InputStream open(String storedName) {
        try {
            return Files.newInputStream(dir.resolve(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the system's temporary files
            }
        }
    }
}
