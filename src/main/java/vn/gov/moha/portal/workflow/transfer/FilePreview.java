package vn.gov.moha.portal.workflow.transfer;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A transfer file read and checked: each row's preview, or the errors (line, column, reason); nothing is applied
 * while there is any error.
 */
public record FilePreview(List<TransferPreview> rows, List<RowError> errors) {

    /** A broken rule of one line: the column as the file names it, the message key and its values. */
    public record RowError(int line, String column, String messageKey, List<Object> args) {}

    public boolean valid() {
        return errors.isEmpty() && !rows.isEmpty();
    }

    /** The units' versions the preview was read at, for {@link TransferFileService#confirm}. */
    public Map<Long, Long> versions() {
        return rows.stream().collect(Collectors.toMap(p -> p.unit().getId(), TransferPreview::version));
    }
}
