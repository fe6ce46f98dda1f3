package vn.gov.moha.portal.workflow.reporting;

import java.time.LocalDate;
import java.util.List;
import vn.gov.moha.portal.workflow.period.Period;

/**
 * What the scheduled notices need to know of the workflow: open dated assignments near or past their
 * deadline, and periodic reports not sent. No role check: the scans run with nobody logged in, and they
 * are its only users (ArchitectureTest); screens read through the secured services.
 */
public interface DueDates {

    /** A unit and its Vietnamese name. */
    record Unit(long id, String name) {}

    /** An open assignment with a deadline: its task number, lead unit and coordinating units (by code). */
    record OpenAssignment(long id, LocalDate deadline, int taskNumber, Unit lead, List<Unit> coordinators) {}

    /** A period asked about, with the due date of the one before it (the period opens for reporting after it). */
    record AskedPeriod(Period period, LocalDate previousDue) {}

    /** An ongoing assignment whose lead unit owes a report for the period {@code asked} (its index) and sent none. */
    record UnsentReport(int asked, long assignmentId, int taskNumber, Unit lead) {}

    /** Open assignments whose deadline is on or before the day, by id; two statements for the lot. */
    List<OpenAssignment> openDueBy(LocalDate day);

    /**
     * For each period, the ongoing assignments that owe a report for it (the reporting screen's rule,
     * {@link vn.gov.moha.portal.workflow.period.ReportingPeriods#OWED_SQL}) and have no first submission for
     * it; by assignment, then period; one statement.
     */
    List<UnsentReport> unsentReports(List<AskedPeriod> periods);

    /** An asked unit's answer to an ad hoc or thematic request, never sent yet. */
    record UnsentAdhoc(long requestId, long answerId, String title, LocalDate due, Unit unit) {}

    /** The answers never sent whose request is due on or before the day, by due date and answer; one statement. */
    List<UnsentAdhoc> unsentAdhocDueBy(LocalDate day);
}
