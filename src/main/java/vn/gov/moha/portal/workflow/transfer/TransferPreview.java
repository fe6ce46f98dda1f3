package vn.gov.moha.portal.workflow.transfer;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.unit.OrgUnit;

/**
 * What a transfer moves, counted, as the administrator sees it before confirming; {@code version} is the unit's
 * version the preview was read at: confirming fails when another administrator changed the unit since.
 */
public record TransferPreview(
        OrgUnit unit,
        long version,
        LocalDate endDate,
        OrgUnit successor,
        List<OrgUnit> successors,
        List<Move> moves,
        int coordinatingRoles,
        int users,
        boolean unitAlreadyEnded) {

    /**
     * One open assignment: who takes it, and the successor's assignment of the same task it becomes one with (null
     * when it simply changes lead unit).
     */
    public record Move(
            Long assignmentId,
            int taskNumber,
            String taskTitleVi,
            @Nullable String taskTitleEn,
            OrgUnit successor,
            @Nullable Long mergeIntoId,
            int openReports,
            int owedReports,
            int pendingExtensions) {

        public String taskTitle(boolean english) {
            return english && taskTitleEn != null && !taskTitleEn.isBlank() ? taskTitleEn : taskTitleVi;
        }
    }

    public int openAssignments() {
        return moves.size();
    }

    public long merged() {
        return moves.stream().filter(m -> m.mergeIntoId() != null).count();
    }

    public int openReports() {
        return moves.stream().mapToInt(Move::openReports).sum();
    }

    public int owedReports() {
        return moves.stream().mapToInt(Move::owedReports).sum();
    }

    public int pendingExtensions() {
        return moves.stream().mapToInt(Move::pendingExtensions).sum();
    }

    /** Nothing would change: the unit already ends so, and no work or account is left with it. */
    public boolean nothingToDo() {
        return unitAlreadyEnded && moves.isEmpty() && coordinatingRoles == 0 && users == 0;
    }
}
