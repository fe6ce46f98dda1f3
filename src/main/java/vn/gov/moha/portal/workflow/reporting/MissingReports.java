package vn.gov.moha.portal.workflow.reporting;

import java.util.List;
import vn.gov.moha.portal.workflow.period.Period;

/**
 * Reports missing (due date passed, nothing sent) for some periods: how many lead units owe one, how
 * many reports (assignment x period) that is, and which periods were counted.
 */
public record MissingReports(long units, long reports, List<Period> periods) {}
