package vn.gov.moha.portal.task;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;

/**
 * What a programme year's workbook would give: every task row as read, with its lead unit and leader when
 * they were found, and every problem by line and column. Nothing is saved while {@link #problems} is not empty.
 */
public record TaskImportPreview(int year, List<Entry> entries, List<Problem> problems) {

    /** A task row: the text typed, and what it was matched to (null where nothing fits). */
    public record Entry(
            int line,
            String number,
            String title,
            @Nullable String titleEn,
            @Nullable String description,
            String leadUnitTyped,
            @Nullable OrgUnit leadUnit,
            @Nullable AppUser leader,
            @Nullable String deadline) {}

    /**
     * One problem: the sheet's line (0 for the whole file), the column's letter and header key (empty for the
     * whole file or row), the message key and its arguments after the line.
     */
    public record Problem(int line, String column, String columnKey, String key, List<String> args) {

        static Problem ofFile(String key) {
            return new Problem(0, "", "", key, List.of());
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
