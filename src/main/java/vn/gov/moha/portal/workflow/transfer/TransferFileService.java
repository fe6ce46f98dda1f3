package vn.gov.moha.portal.workflow.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.unit.OrgUnit;

/**
 * The same transfer for many units at once, from a CSV or XLSX file (unit code, end date, successor code; the
 * 1/7/2025 merger of provinces ships as one): a preview row per unit, or the errors of every line, and nothing
 * applied while any line is wrong. ADMIN only; confirming is one transaction.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class TransferFileService {

    private static final Map<String, String> COLUMN_OF =
            Map.of("unit", "unit_code", "endDate", "end_date", "successor", "successor_code");

    private final Transfers transfers;
    private final TransferWork work;

    TransferFileService(Transfers transfers, TransferWork work) {
        this.transfers = transfers;
        this.work = work;
    }

    /** Reads and checks the file; changes nothing. */
    @Transactional(readOnly = true)
    public FilePreview preview(@Nullable String fileName, byte @Nullable [] content) {
        return read(fileName, content);
    }

    /**
     * Applies every row of the file, if it has no error and its units are still at the preview's versions
     * ({@code versions}, unit id to version); otherwise nothing. Refused: field "file".
     */
    public TransferResult confirm(@Nullable String fileName, byte @Nullable [] content, Map<Long, Long> versions) {
        FilePreview checked = read(fileName, content);
        if (!checked.valid()) {
            throw InvalidInputException.of("file", "transfer.file.hasErrors");
        }
        for (TransferPreview p : checked.rows()) {
            Long seen = versions.get(p.unit().getId());
            if (seen == null) {
                throw InvalidInputException.of("file", "transfer.error.changed");
            }
            transfers.lock(p.unit().getId(), seen);
        }
        TransferChecks checks = checks(checked.rows());
        TransferResult total = TransferResult.nothing();
        for (TransferPreview p : checked.rows()) {
            TransferPreview fresh = transfers.preview(
                    new TransferRequest(
                            p.unit().getId(), p.endDate(), p.successor().getId()),
                    checks);
            total = total.plus(transfers.apply(fresh));
        }
        return total;
    }

    private FilePreview read(@Nullable String fileName, byte @Nullable [] content) {
        TransferFile.Parsed parsed = TransferFile.read(fileName, content);
        List<FilePreview.RowError> errors = new ArrayList<>();
        parsed.errors().forEach(e -> errors.add(new FilePreview.RowError(e.line(), e.column(), e.key(), e.args())));
        if (!errors.isEmpty()) {
            return new FilePreview(List.of(), errors);
        }
        List<OrgUnit> all = work.units();
        Map<String, OrgUnit> byCode = new HashMap<>();
        all.forEach(u -> byCode.put(u.getCode().toUpperCase(java.util.Locale.ROOT), u));
        record Row(int line, OrgUnit unit, LocalDate end, OrgUnit successor) {}
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TransferFile.Line l : parsed.lines()) {
            OrgUnit unit = byCode.get(l.unitCode().toUpperCase(java.util.Locale.ROOT));
            OrgUnit successor = byCode.get(l.successorCode().toUpperCase(java.util.Locale.ROOT));
            LocalDate end = TransferFile.date(l.endDate());
            int before = errors.size();
            if (l.unitCode().isEmpty()) {
                errors.add(new FilePreview.RowError(l.number(), "unit_code", "error.required", List.of()));
            } else if (unit == null) {
                errors.add(new FilePreview.RowError(
                        l.number(), "unit_code", "transfer.file.unknownUnit", List.of(l.unitCode())));
            } else if (!seen.add(unit.getCode())) {
                errors.add(new FilePreview.RowError(
                        l.number(), "unit_code", "transfer.file.twice", List.of(unit.getCode())));
            }
            if (end == null) {
                errors.add(new FilePreview.RowError(
                        l.number(), "end_date", "transfer.file.badDate", List.of(l.endDate())));
            }
            if (l.successorCode().isEmpty()) {
                errors.add(new FilePreview.RowError(l.number(), "successor_code", "error.required", List.of()));
            } else if (successor == null) {
                errors.add(new FilePreview.RowError(
                        l.number(), "successor_code", "transfer.file.unknownUnit", List.of(l.successorCode())));
            }
            if (errors.size() == before) {
                rows.add(new Row(l.number(), unit, end, successor));
            }
        }
        TransferChecks checks = new TransferChecks(all);
        rows.forEach(r -> checks.plan(r.unit().getId(), r.end(), r.successor().getId()));
        List<TransferPreview> previews = new ArrayList<>();
        for (Row r : rows) {
            List<TransferChecks.Problem> problems = checks.check(r.unit(), r.end(), r.successor());
            problems.forEach(
                    p -> errors.add(new FilePreview.RowError(r.line(), COLUMN_OF.get(p.field()), p.key(), p.args())));
            if (problems.isEmpty() && errors.isEmpty()) {
                previews.add(transfers.preview(
                        new TransferRequest(
                                r.unit().getId(), r.end(), r.successor().getId()),
                        checks));
            }
        }
        errors.sort(java.util.Comparator.comparingInt(FilePreview.RowError::line));
        return new FilePreview(errors.isEmpty() ? previews : List.of(), errors);
    }

    private TransferChecks checks(List<TransferPreview> rows) {
        TransferChecks checks = new TransferChecks(work.units());
        rows.forEach(
                p -> checks.plan(p.unit().getId(), p.endDate(), p.successor().getId()));
        return checks;
    }
}
