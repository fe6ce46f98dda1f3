package vn.gov.moha.portal.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps uploaded files (evidence, official documents) on disk under generated names, never the names users
 * gave them. An upload goes from its stream to a temporary file in a small buffer (never whole into memory), is
 * checked there (name, size, type by its content), and only then moved under its generated name; a download
 * reads the file as a stream. A file kept in a transaction that then rolls back is deleted again, so a refused
 * or failed save leaves neither a row nor a file.
 */
@Component
public class FileStore {

    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    public static final int MAX_FILE_NAME = 255;

    /** A file kept: the base name it had, its generated name on disk, its type (checked), size and SHA-256. */
    public record Stored(String name, String storedName, String contentType, long size, String sha256) {}

    /** A file ready to send to the browser: its name for the download, its type, size and bytes as a stream. */
    public record Download(String name, String contentType, long size, InputStream content) {}

    /** An upload copied to a temporary file: its size (at most max + 1: the copy stops there) and SHA-256. */
    record Incoming(Path file, long size, String sha256) {}

    private final Path dir;

    FileStore(FilesProperties files) {
        this.dir = files.path();
    }

    /**
     * Checks an upload and keeps it. Each refusal names its own reason, on {@code field}: characters a file name
     * may not hold or a name over 255 characters, a type not among {@code types} by the name's extension
     * ({@code typeKey}), an empty file, one over 20 MB, or content that is not the type its name says. Only the
     * base name is kept ({@code ../../etc/passwd.pdf} becomes {@code passwd.pdf}).
     */
    public Stored store(
            String field, @Nullable String fileName, @Nullable InputStream content, Set<String> types, String typeKey) {
        if (fileName != null && TextRules.problem(fileName, false) != null) {
            throw InvalidInputException.of(field, "file.error.name");
        }
        String name = Problems.clean(baseName(fileName));
        if (name != null && name.length() > MAX_FILE_NAME) {
            throw InvalidInputException.of(field, "file.error.nameTooLong", MAX_FILE_NAME);
        }
        String type = FileTypes.byName(name)
                .filter(types::contains)
                .orElseThrow(() -> InvalidInputException.of(field, typeKey));
        if (content == null) {
            throw InvalidInputException.of(field, "file.error.empty");
        }
        Incoming incoming = receive(content, MAX_FILE_BYTES);
        try {
            if (incoming.size() == 0) {
                throw InvalidInputException.of(field, "file.error.empty");
            }
            if (incoming.size() > MAX_FILE_BYTES) {
                throw InvalidInputException.of(field, "file.error.tooLarge");
            }
            if (!type.equals(FileTypes.detect(incoming.file()).orElse(null))) {
                throw InvalidInputException.of(field, "file.error.content", FileTypes.label(type));
            }
            String stored = UUID.randomUUID().toString().replace("-", "");
            keep(incoming, stored);
            return new Stored(name, stored, type, incoming.size(), incoming.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            discard(incoming);
        }
    }

    /** A kept file as a download, under its name (a quote in it becomes ', as Content-Disposition needs). */
    public Download download(StoredFile file) {
        return new Download(
                file.getName().replace('"', '\''), file.getContentType(), file.getSizeBytes(), open(file.storedName()));
    }

    /**
     * The last part of a path, after its last / or \: a browser sends a file's name, but a crafted request
     * may send ../../etc/passwd.pdf or C:\fakepath\x.pdf, which become passwd.pdf and x.pdf.
     */
    public static @Nullable String baseName(@Nullable String name) {
        return name == null ? null : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /**
     * Copies the stream to a temporary file (outside the files folder, so a backup taken meanwhile never
     * holds half an upload), reading at most {@code max + 1} bytes. The caller then {@link #keep}s or
     * {@link #discard}s it.
     */
    Incoming receive(InputStream in, long max) {
        Path temp = null;
        try {
            temp = Files.createTempFile("upload-", ".part");
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

    /**
     * Moves the checked upload into the files folder under its generated name; when a transaction is running,
     * its rollback deletes the file again.
     */
    void keep(Incoming incoming, String storedName) {
        Path target = dir.resolve(storedName);
        try {
            Files.createDirectories(dir);
            Files.move(incoming.file(), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(target);
                    }
                }
            });
        }
    }

    /** Removes the temporary file if it is still there (a refused upload, or one kept already). */
    void discard(Incoming incoming) {
        deleteQuietly(incoming.file());
    }

    /** Where a kept file lies, for a reader that needs the file itself (a PDF's signatures). */
    public Path path(StoredFile file) {
        return dir.resolve(file.storedName());
    }

    InputStream open(String storedName) {
        try {
            return Files.newInputStream(dir.resolve(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is removed with the system's temporary files
            }
        }
    }
}
