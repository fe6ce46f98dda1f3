package vn.gov.moha.portal.workflow.reporting;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.layout.WorkCount;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentAccess;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportService;

/**
 * "Việc cần xử lý": what waits for the caller now, each item pointing at the screen to act on it. The ad hoc
 * reports' items come from {@link AdhocService#work}; {@link #count} counts them too.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class MyWorkService implements WorkCount {

    /** What kind of work an item is. */
    public enum Kind {
        APPROVE_REPORT,
        FIX_REPORT,
        WRITE_REPORT,
        DECIDE_EXTENSION
    }

    /** One item: its kind, the assignment it is about, and the report or request to open. */
    public record Item(
            Kind kind,
            Assignment assignment,
            @Nullable Long reportId,
            @Nullable Long extensionId) {}

    /**
     * Everything "Việc cần xử lý" holds, in the order the screen and its Excel export both show it: the
     * assignments' items ({@link #items}), then the ad hoc answers' ({@link AdhocService#work}).
     */
    public record Work(List<Item> items, List<AdhocViews.Work> adhoc) {

        public boolean isEmpty() {
            return items.isEmpty() && adhoc.isEmpty();
        }
    }

    private final ReportService reports;
    private final AssignmentService assignments;
    private final ExtensionService extensions;
    private final AssignmentAccess access;
    private final CurrentUser currentUser;
    private final AdhocService adhoc;

    MyWorkService(
            ReportService reports,
            AssignmentService assignments,
            ExtensionService extensions,
            AssignmentAccess access,
            CurrentUser currentUser,
            AdhocService adhoc) {
        this.adhoc = adhoc;
        this.reports = reports;
        this.assignments = assignments;
        this.extensions = extensions;
        this.access = access;
        this.currentUser = currentUser;
    }

    /** The screen's list and its export's rows: one read, so both hold the same items in the same order. */
    public Work all() {
        return new Work(items(), adhoc.work());
    }

    public List<Item> items() {
        PortalUser me = currentUser.require();
        List<Item> items = new ArrayList<>();
        if (me.has(Role.UNIT_HEAD) || me.has(Role.MANAGER) || me.has(Role.LEADER)) {
            // the database picks the reports waiting at a step of the caller's role and scope, not sent by them
            // and not yet decided by them this round (before: every submitted report, checked one by one)
            for (ProgressReport r : reports.waitingForMe()) {
                if (access.canSee(me, r.getAssignment())) {
                    items.add(new Item(Kind.APPROVE_REPORT, r.getAssignment(), r.getId(), null));
                }
            }
        }
        if (me.has(Role.UNIT_OFFICER) && me.unitId() != null) {
            for (ProgressReport r : reports.returnedToMyUnit()) {
                items.add(new Item(Kind.FIX_REPORT, r.getAssignment(), r.getId(), null));
            }
            java.util.Set<Long> withOpenReport = reports.withOpenReportOfMyUnit();
            for (Assignment a : assignments.openLedByMyUnit()) {
                if (!withOpenReport.contains(a.getId())) {
                    items.add(new Item(Kind.WRITE_REPORT, a, null, null));
                }
            }
        }
        if (me.has(Role.LEADER)) {
            // the requests of the assignments in the leader's charge (any leader's when an assignment has none)
            for (ExtensionRequest e : extensions.pendingForMe()) {
                items.add(new Item(Kind.DECIDE_EXTENSION, e.getAssignment(), null, e.getId()));
            }
        }
        return items;
    }

    /**
     * How many {@link #items} there are, counted by the database (the menu's badge asks at every navigation):
     * the same conditions, with {@link AssignmentAccess#canSee} as its {@link AssignmentAccess.Visibility}
     * parameters, and no entity loaded. One statement per kind the caller's roles can have.
     */
    @Override
    public int count() {
        PortalUser me = currentUser.require();
        long count = 0;
        if (me.has(Role.UNIT_HEAD) || me.has(Role.MANAGER) || me.has(Role.LEADER)) {
            count += reports.countWaitingForMe();
        }
        if (me.has(Role.UNIT_OFFICER) && me.unitId() != null) {
            count += reports.countReturnedToMyUnit();
            count += reports.countWithoutOpenReportOfMyUnit();
        }
        if (me.has(Role.LEADER)) {
            count += extensions.countPendingForMe();
        }
        count += adhoc.countWork(); // ad hoc answers to write, send or accept (AdhocService.work)
        return Math.toIntExact(count);
    }
}
