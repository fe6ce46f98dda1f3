package vn.gov.moha.portal.workflow.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Keeps evidence files on disk under generated names, never the names users gave them. */
@Component
class EvidenceStore {

    private final Path dir;

    EvidenceStore(@Value("${portal.files.dir:./data/files}") String dir) {
        this.dir = Path.of(dir).toAbsolutePath().normalize();
    }

    void write(String storedName, byte[] content) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(storedName), content, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] read(String storedName) {
        try {
            return Files.readAllBytes(dir.resolve(storedName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
