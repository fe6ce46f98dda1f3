package vn.gov.moha.portal.workflow.assignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.document.DocumentDraft;
import vn.gov.moha.portal.workflow.period.ReportingPeriod;

/**
 * What a manager sends to assign a task: one assignment per lead unit (all 63 provinces in one
 * action), the same deadline or reporting period, indicators, leader and instructions for each, and the
 * official document that assigns them (required; one record shared by them all).
 */
public record AssignDraft(
        Long taskId,
        Set<Long> leadUnitIds,
        Set<Long> coordinatorIds,
        boolean ongoing,
        @Nullable LocalDate deadline,
        @Nullable ReportingPeriod period,
        String expectedOutput,
        List<IndicatorDraft> indicators,
        @Nullable Long leaderId,
        @Nullable String instructions,
        @Nullable DocumentDraft document) {

    /** One indicator: name, unit of measure, target (a number, 0 or more). */
    public record IndicatorDraft(
            String name, String unitOfMeasure, @Nullable BigDecimal target) {}
}
