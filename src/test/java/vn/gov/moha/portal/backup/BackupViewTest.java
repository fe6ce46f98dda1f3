package vn.gov.moha.portal.backup;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.gov.moha.portal.workflow.WorkflowFixture.PDF;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.backup.BackupService.Backup;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.ProgressReport;

/** ADMIN's backup screen on the live (file) database: the button, the progress, the list, the archive. */
@PortalTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class BackupViewTest extends FileDatabaseTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    BackupService backups;

    @Test
    void backUpNowWritesTheDatabaseAndTheEvidenceFilesWithoutHoldingTheScreen() throws Exception {
        assumeFalse(onPostgres());
        Assignment assignment = workflow.assignTask3ToLamDong();
        ProgressReport report = workflow.submitReport(assignment, 40);
        String stored = jdbc.queryForObject(
                "select stored_name from evidence_file where report_id = ?", String.class, report.getId());
        login("admin");
        navigate("admin/backup");
        BackupView view = _get(BackupView.class);
        int listed = GridKt._size(view.grid);

        _click(view.backupNow);
        // the click came back while the backup runs in the background: the screen says it is busy
        assertThat(view.backupNow.isEnabled()).isFalse();
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.status.getText()).isEqualTo("Đang sao lưu cơ sở dữ liệu…");

        Backup made = view.running.get(2, TimeUnit.MINUTES);
        MockVaadin.clientRoundtrip();
        assertThat(view.backupNow.isEnabled()).isTrue();
        assertThat(view.progress.isVisible()).isFalse();
        assertThat(view.error.getText()).isEmpty();
        assertThat(GridKt._size(view.grid)).isEqualTo(listed + 1);
        assertThat(GridKt._get(view.grid, 0).name()).isEqualTo(made.name()).matches(BackupService.NAME);

        Map<String, Long> entries = new TreeMap<>();
        String fileSha;
        try (ZipFile zip =
                new ZipFile(DIR.resolve("backups").resolve(made.name()).toFile())) {
            zip.stream().forEach(e -> entries.put(e.getName(), e.getSize()));
            ZipEntry evidence = zip.getEntry("files/" + stored);
            assertThat(evidence).as("the report's evidence file in the archive").isNotNull();
            try (InputStream in = zip.getInputStream(evidence)) {
                fileSha = sha256(in.readAllBytes());
            }
        }
        System.out.printf(
                "Backup %s: %,d bytes, %d entries: portal.mv.db (%,d bytes) and %d evidence files%n",
                made.name(), made.sizeBytes(), entries.size(), entries.get("portal.mv.db"), entries.size() - 1);
        assertThat(entries).containsKey("portal.mv.db");
        assertThat(fileSha).isEqualTo(sha256(PDF));
        long filesOnDisk;
        try (var files = java.nio.file.Files.list(DIR.resolve("files"))) {
            filesOnDisk = files.count();
        }
        assertThat(entries.keySet().stream().filter(e -> e.startsWith("files/")).count())
                .isEqualTo(filesOnDisk);
        assertThat(jdbc.queryForList(
                        "select actor || ' ' || after_value from event_log where action = 'BACKUP'", String.class))
                .contains("admin archive=" + made.name() + "; bytes=" + made.sizeBytes() + "; files=" + filesOnDisk);
    }

    @Test
    void oneBackupAtATimeAndTheScreenSaysSoNextToTheButton() throws Exception {
        assumeFalse(onPostgres());
        login("admin");
        navigate("admin/backup");
        BackupView view = _get(BackupView.class);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Backup> first = backups.start(progress -> {
            inside.countDown();
            await(release);
        });
        try {
            assertThat(inside.await(1, TimeUnit.MINUTES)).isTrue();
            assertThatThrownBy(() -> backups.start(null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("backup.error.running");
            _click(view.backupNow);
            assertThat(view.error.getText()).isEqualTo("Đang có một bản sao lưu chạy; hãy đợi bản đó xong.");
            assertThat(view.backupNow.isEnabled()).isTrue();
        } finally {
            release.countDown();
        }
        Backup done = first.get(2, TimeUnit.MINUTES);
        Backup next = backups.start(null).get(2, TimeUnit.MINUTES);
        System.out.printf(
                "While %s ran a second start was refused; afterwards %s was taken%n", done.name(), next.name());
        assertThat(next.name()).isNotEqualTo(done.name());
        assertThat(backups.list()).extracting(Backup::name).contains(done.name(), next.name());
    }

    @Test
    void downloadsOnlyArchivesOfTheBackupFolderAndRecordsThem() throws Exception {
        assumeFalse(onPostgres());
        login("admin");
        Backup made = backups.start(null).get(2, TimeUnit.MINUTES);
        for (String name : List.of("../db/portal.mv.db", "portal.mv.db", "portal-20240101-000000.zip", "")) {
            assertThatThrownBy(() -> backups.download(name))
                    .as(name)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("backup.error.notFound");
        }
        BackupService.Download download = backups.download(made.name());
        try (InputStream in = download.content()) {
            assertThat(in.readAllBytes()).hasSize((int) made.sizeBytes());
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from event_log where action = 'BACKUP_DOWNLOAD' "
                                + "and actor = 'admin' and after_value = ?",
                        Integer.class,
                        "archive=" + made.name()))
                .isEqualTo(1);
    }

    @Test
    void onPostgresTheScreenPointsToPgDumpAndTheServiceRefuses() {
        assumeTrue(onPostgres());
        login("admin");
        navigate("admin/backup");
        BackupView view = _get(BackupView.class);
        System.out.println("Backup screen on PostgreSQL says: " + view.intro.getText());
        assertThat(view.intro.getText()).startsWith("Cơ sở dữ liệu là PostgreSQL: sao lưu bằng pg_dump");
        assertThat(view.backupNow.isEnabled()).isFalse();
        assertThat(backups.mode()).isEqualTo(BackupService.Mode.POSTGRESQL);
        assertThatThrownBy(() -> backups.start(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("backup.error.postgres");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static Path backupDir() {
        return DIR.resolve("backups");
    }
}
