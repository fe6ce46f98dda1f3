package vn.gov.moha.portal.generator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.apache.commons.codec.digest.DigestUtils;
import vn.gov.moha.portal.generator.EventChain.Event;
import vn.gov.moha.portal.generator.Organisation.Person;
import vn.gov.moha.portal.generator.Plan.PlannedAssignment;

/** A small one-page PDF attached to a report: the file in portal.files.dir, its row and its event. */
final class EvidenceRows {

    private final long seed;

    EvidenceRows(long seed) {
        this.seed = seed;
    }

    void add(PlannedAssignment a, long reportId, Person officer, LocalDateTime at, int chunk, WeekBatch b) {
        String text = "BT /F1 12 Tf 72 720 Td (Bao cao tuan " + chunk + " - " + a.unit.code() + " - nhiem vu "
                + a.task.number() + "/" + a.task.year() + ") Tj ET";
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                        + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n"
                        + "4 0 obj << /Length " + text.length() + " >>\nstream\n" + text + "\nendstream endobj\n"
                        + "trailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        // named by the run's seed and the report, so a restarted week writes the same file again
        String stored = DigestUtils.sha256Hex(("evidence|" + seed + "|" + a.task.year() + "|" + a.task.number() + "|"
                                + a.unit.code() + "|" + chunk)
                        .getBytes(StandardCharsets.UTF_8))
                .substring(0, 32);
        String name = "minh-chung-tuan-" + (chunk + 1) + ".pdf";
        long id = b.next("evidence_file");
        b.file(stored, pdf);
        b.add(
                "evidence_file",
                id,
                reportId,
                name,
                stored,
                "application/pdf",
                (long) pdf.length,
                DigestUtils.sha256Hex(pdf),
                officer.id(),
                at,
                Sql.NO_TIME);
        b.event(new Event(
                at,
                officer,
                "FILE_ADD",
                "FILE",
                id,
                a.id,
                null,
                name + " (application/pdf, " + pdf.length + " bytes)"));
    }
}
