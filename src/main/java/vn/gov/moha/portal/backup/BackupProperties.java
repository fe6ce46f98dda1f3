package vn.gov.moha.portal.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where backup archives go, {@code portal.backup.dir}. */
@ConfigurationProperties("portal.backup")
record BackupProperties(@DefaultValue("./data/backups") String dir) {

    /** The directory as an absolute, normalised path. */
    Path path() {
        return Path.of(dir).toAbsolutePath().normalize();
    }
}
