package vn.gov.moha.portal.workflow.report;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A progress report as the officer writes it. {@code id} is null for a new report; {@code version}
 * is the one the form was loaded with. Indicator values are keyed by indicator id. For an ongoing
 * assignment, {@code periodKey} names the reporting period (e.g. 2024-Q1); null keeps the report's
 * period, or for a new report takes the period whose report is due next.
 */
public record ReportDraft(
        @Nullable Long id,
        Long assignmentId,
        long version,
        @Nullable Integer percent,
        @Nullable Confidence confidence,
        String narrative,
        Map<Long, BigDecimal> indicatorValues,
        @Nullable String periodKey) {

    public ReportDraft(
            @Nullable Long id,
            Long assignmentId,
            long version,
            @Nullable Integer percent,
            @Nullable Confidence confidence,
            String narrative,
            Map<Long, BigDecimal> indicatorValues) {
        this(id, assignmentId, version, percent, confidence, narrative, indicatorValues, null);
    }
}
