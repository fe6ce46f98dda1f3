package vn.gov.moha.portal.backup;

import jakarta.annotation.PreDestroy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.FilesProperties;
import vn.gov.moha.portal.common.InvalidInputException;

/**
 * Online backups of the embedded H2 database together with the evidence files, one zip per backup,
 * laid out like the data directory: {@code portal.mv.db} as H2's {@code BACKUP TO} writes it (a
 * transactionally consistent copy taken while the portal runs), then the evidence files under
 * {@code files/}. The files are copied after the database: a file is written before the row that
 * names it is committed and is never deleted, so every file the database copy names is in the
 * archive. On PostgreSQL the backup is pg_dump's job (README) and this service refuses.
 *
 * <p>Over 300 lines as formatted: backup and restore share one archive layout, kept in one place.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class BackupService {

    private static final Logger logger = LoggerFactory.getLogger(BackupService.class);
    /** Names of finished archives; also what {@code scripts/backup-h2.sh} writes. */
    static final Pattern NAME = Pattern.compile("portal-\\d{8}-\\d{6}(-\\d{1,3})?\\.zip");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Database and files both: the files go under this folder of the archive. */
    static final String FILES_FOLDER = "files/";

    /** What kind of backup the portal's database allows. */
    public enum Mode {
        /** An H2 database in a file: the portal takes the backup itself. */
        H2_FILE,
        /** PostgreSQL: pg_dump and pg_restore, see the README. */
        POSTGRESQL,
        /** An in-memory or remote database (tests): nothing to back up from here. */
        UNSUPPORTED
    }

    /** A finished archive in the backup directory. */
    public record Backup(String name, long sizeBytes, LocalDateTime createdAt) {}

    /** How far a running backup is: the database copied or not, then evidence files copied of all. */
    public record Progress(boolean databaseDone, int filesDone, int filesTotal) {}

    /** An archive to send to the browser. */
    public record Download(String name, long sizeBytes, InputStream content) {}

    private final DataSource dataSource;
    private final EventLog log;
    private final TransactionTemplate transaction;
    private final Path backupDir;
    private final Path filesDir;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "portal-backup");
        thread.setDaemon(true);
        return thread;
    });
    /** Runs each backup as the administrator who started it, so the event log names them. */
    private final DelegatingSecurityContextExecutor asCaller = new DelegatingSecurityContextExecutor(worker);

    BackupService(
            DataSource dataSource,
            EventLog log,
            PlatformTransactionManager transactions,
            BackupProperties backups,
            FilesProperties files) {
        this.dataSource = dataSource;
        this.log = log;
        this.transaction = new TransactionTemplate(transactions);
        this.backupDir = backups.path();
        this.filesDir = files.path();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public Mode mode() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String url = meta.getURL();
            if ("PostgreSQL".equals(meta.getDatabaseProductName())) {
                return Mode.POSTGRESQL;
            }
            boolean inFile = "H2".equals(meta.getDatabaseProductName())
                    && !url.startsWith("jdbc:h2:mem:")
                    && !url.startsWith("jdbc:h2:tcp:")
                    && !url.startsWith("jdbc:h2:ssl:");
            return inFile ? Mode.H2_FILE : Mode.UNSUPPORTED;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The archives in the backup directory, newest first (those of the command-line script too). */
    public List<Backup> list() {
        if (!Files.isDirectory(backupDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(backupDir)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f))
                    .map(BackupService::describe)
                    .sorted(Comparator.comparing(Backup::createdAt)
                            .thenComparing(Backup::name)
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a backup in the background and returns at once; {@code progress} hears how far it is (from
     * the backup's thread). One backup at a time. Refused on PostgreSQL (use pg_dump) and on an
     * in-memory database. The finished backup is recorded in the event log.
     */
    public CompletableFuture<Backup> start(Consumer<Progress> progress) {
        Mode mode = mode();
        if (mode == Mode.POSTGRESQL) {
            throw InvalidInputException.of("backup", "backup.error.postgres");
        }
        if (mode != Mode.H2_FILE) {
            throw InvalidInputException.of("backup", "backup.error.unsupported");
        }
        if (!running.compareAndSet(false, true)) {
            throw InvalidInputException.of("backup", "backup.error.running");
        }
        Consumer<Progress> listener = progress == null ? p -> {} : progress;
        try {
            return CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return backup(listener);
                        } finally {
                            running.set(false);
                        }
                    },
                    asCaller);
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /** An archive of the backup directory, by its exact name; the download is recorded in the event log. */
    public Download download(@Nullable String name) {
        Path file = name == null || !NAME.matcher(name).matches() ? null : backupDir.resolve(name);
        if (file == null || !Files.isRegularFile(file)) {
            throw InvalidInputException.of("backup", "backup.error.notFound");
        }
        transaction.executeWithoutResult(
                status -> log.record("BACKUP_DOWNLOAD", "BACKUP", null, null, null, "archive=" + name));
        try {
            return new Download(name, Files.size(file), Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Backup backup(Consumer<Progress> progress) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(backupDir);
            String name = freeName();
            Path archive = backupDir.resolve(name);
            Path database = backupDir.resolve(name + ".h2.part");
            Path part = backupDir.resolve(name + ".part");
            int fileCount;
            try {
                progress.accept(new Progress(false, 0, 0));
                try (Connection c = dataSource.getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("BACKUP TO '" + database.toString().replace("'", "''") + "'");
                }
                progress.accept(new Progress(true, 0, 0));
                List<Path> files = evidenceFiles();
                fileCount = files.size();
                progress.accept(new Progress(true, 0, fileCount));
                try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part)))) {
                    zip.setLevel(Deflater.BEST_SPEED);
                    copyEntries(database, zip);
                    int done = 0;
                    for (Path file : files) {
                        zip.putNextEntry(new ZipEntry(FILES_FOLDER
                                + filesDir.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, zip);
                        zip.closeEntry();
                        done++;
                        if (done % 50 == 0 || done == fileCount) {
                            progress.accept(new Progress(true, done, fileCount));
                        }
                    }
                }
                Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(database);
                Files.deleteIfExists(part);
            }
            Backup backup = describe(archive);
            transaction.executeWithoutResult(status -> log.record(
                    "BACKUP",
                    "BACKUP",
                    null,
                    null,
                    null,
                    "archive=" + name + "; bytes=" + backup.sizeBytes() + "; files=" + fileCount));
            logger.info(
                    "Backup {} written: {} bytes, {} evidence files, {} ms",
                    archive,
                    backup.sizeBytes(),
                    fileCount,
                    (System.nanoTime() - started) / 1_000_000);
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("H2 BACKUP failed", e);
        }
    }

    /** portal-yyyyMMdd-HHmmss.zip, with -2, -3… when several backups fall in one second. */
    private String freeName() {
        String stamp = "portal-" + STAMP.format(LocalDateTime.now());
        String name = stamp + ".zip";
        for (int i = 2; Files.exists(backupDir.resolve(name)); i++) {
            name = stamp + "-" + i + ".zip";
        }
        return name;
    }

    /** Every file under the evidence directory, in a stable order; never the backups themselves. */
    private List<Path> evidenceFiles() throws IOException {
        if (!Files.isDirectory(filesDir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(filesDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(backupDir))
                    .sorted()
                    .toList();
        }
    }

    private static void copyEntries(Path zipFile, ZipOutputStream out) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zipFile))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    private static Backup describe(Path file) {
        try {
            return new Backup(
                    file.getFileName().toString(),
                    Files.size(file),
                    LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault())
                            .withNano(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
