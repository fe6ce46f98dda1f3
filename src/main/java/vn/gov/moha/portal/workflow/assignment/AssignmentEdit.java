package vn.gov.moha.portal.workflow.assignment;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;

/**
 * A manager's change to one assignment: reassigning the lead or coordinating units, the deadline
 * or period, output, leader or instructions, with the reason that stays in the history. The
 * version is the one the form was loaded with; a newer one in the database refuses the save.
 */
public record AssignmentEdit(
        Long id,
        long version,
        @Nullable Long leadUnitId,
        Set<Long> coordinatorIds,
        boolean ongoing,
        @Nullable LocalDate deadline,
        @Nullable ReportingPeriod period,
        String expectedOutput,
        @Nullable Long leaderId,
        @Nullable String instructions,
        String reason) {}
