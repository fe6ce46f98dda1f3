package vn.gov.moha.portal.workflow.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.common.TextRules;

/**
 * The checks every uploaded file passes, whatever it is attached to (a report's evidence, an ad hoc request's
 * template or answer): a clean name of at most 255 characters, one of the {@link FileTypes}, not empty, at most
 * 20 MB, and content of the type its name says. An accepted file is kept in the {@link EvidenceStore} under a
 * generated name; the caller records it. Refusals name the field {@code file}.
 */
@Component
public class CheckedUploads {

    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    public static final int MAX_FILE_NAME = 255;

    /** A kept file: the name the user gave (base name only), the generated name on disk, type, size, SHA-256. */
    public record Kept(String name, String storedName, String contentType, long size, String sha256) {}

    private final EvidenceStore store;

    CheckedUploads(EvidenceStore store) {
        this.store = store;
    }

    /**
     * Checks the upload and keeps it; each refusal names its own reason. Only the base name is kept
     * ({@code ../../etc/passwd.pdf} becomes {@code passwd.pdf}).
     */
    public Kept keep(@Nullable String fileName, @Nullable InputStream content) {
        if (fileName != null && TextRules.problem(fileName, false) != null) {
            throw InvalidInputException.of("file", "file.error.name");
        }
        String name = Problems.clean(EvidenceFile.baseName(fileName));
        if (name != null && name.length() > MAX_FILE_NAME) {
            throw InvalidInputException.of("file", "file.error.nameTooLong", MAX_FILE_NAME);
        }
        String type = FileTypes.byName(name).orElseThrow(() -> InvalidInputException.of("file", "file.error.type"));
        if (content == null) {
            throw InvalidInputException.of("file", "file.error.empty");
        }
        EvidenceStore.Incoming incoming = store.receive(content, MAX_FILE_BYTES);
        try {
            if (incoming.size() == 0) {
                throw InvalidInputException.of("file", "file.error.empty");
            }
            if (incoming.size() > MAX_FILE_BYTES) {
                throw InvalidInputException.of("file", "file.error.tooLarge");
            }
            if (!type.equals(FileTypes.detect(incoming.file()).orElse(null))) {
                throw InvalidInputException.of("file", "file.error.content", FileTypes.label(type));
            }
            String stored = UUID.randomUUID().toString().replace("-", "");
            store.keep(incoming, stored);
            return new Kept(name, stored, type, incoming.size(), incoming.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(incoming);
        }
    }

    /** A kept file's bytes, as a stream. */
    public InputStream open(String storedName) {
        return store.open(storedName);
    }
}
