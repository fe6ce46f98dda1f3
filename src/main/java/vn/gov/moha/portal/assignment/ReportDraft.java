package vn.gov.moha.portal.assignment;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A progress report as the officer writes it. {@code id} is null for a new report; {@code version}
 * is the one the form was loaded with. Indicator values are keyed by indicator id.
 */
public record ReportDraft(Long id, Long assignmentId, long version, Integer percent, Confidence confidence,
                          String narrative, Map<Long, BigDecimal> indicatorValues) {
}
