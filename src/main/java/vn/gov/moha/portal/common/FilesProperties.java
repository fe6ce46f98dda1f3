package vn.gov.moha.portal.common;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the evidence files live, {@code portal.files.dir}; the evidence store, backups and the generator use it. */
@ConfigurationProperties("portal.files")
public record FilesProperties(@DefaultValue("./data/files") String dir) {

    /** The directory as an absolute, normalised path. */
    public Path path() {
        return Path.of(dir).toAbsolutePath().normalize();
    }
}
