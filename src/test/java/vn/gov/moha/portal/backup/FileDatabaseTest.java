package vn.gov.moha.portal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import vn.gov.moha.portal.KaribuTest;

/**
 * The portal on an H2 database in a file (H2's BACKUP TO needs one), with its own evidence and backup
 * folders, fresh for each test run; the test classes below share this one Spring context (a mocked web
 * environment, as no test here needs a server). On the
 * PostgreSQL run the test DataSource replaces the H2 address and the backup screen meets PostgreSQL.
 */
abstract class FileDatabaseTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    static final Path DIR = freshDirectory();

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DIR.resolve("db/portal"));
        registry.add("portal.files.dir", () -> DIR.resolve("files").toString());
        registry.add("portal.backup.dir", () -> DIR.resolve("backups").toString());
    }

    static boolean onPostgres() {
        return "postgres".equals(System.getProperty("portal.test.db"));
    }

    /** A new folder under target/, removed when the test JVM ends (the drill leaves a few hundred MB). */
    private static Path freshDirectory() {
        try {
            Files.createDirectories(Path.of("target"));
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "file-db-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
