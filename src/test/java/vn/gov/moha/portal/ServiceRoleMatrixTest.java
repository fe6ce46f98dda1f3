package vn.gov.moha.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Every public method of every portal {@code @Service}, called as an anonymous visitor and as each
 * role with dummy arguments, against a table written by hand from the portal's rules (not from the
 * annotations): a refused call must be stopped by Spring Security, an allowed one must get past it
 * (a business exception from the dummy arguments is fine). A service method without a row fails.
 */
@PortalTest
class ServiceRoleMatrixTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Y = may call, - = refused. Rules: reads for everyone logged in; ADMIN alone changes users (and lifts their login locks), units,
     * tasks, programme years and approval chains, transfers units' work to their successors (one or from a file), reads the audit log and takes and downloads backups; MANAGER assigns and edits
     * assignments; UNIT_OFFICER writes, submits and attaches evidence to reports; UNIT_HEAD, MANAGER and
     * LEADER approve or return reports; LEADER decides extensions; UNIT_OFFICER and UNIT_HEAD ask for
     * extensions and contribute; everyone logged in reads the dashboard (scoped to what they may see, checked in
     * DashboardQueriesTest) and periodic reporting (the service narrows unit staff to their unit); the event
     * log is written on behalf of any logged-in caller; ADMIN alone reads and changes the working-day
     * calendar; everyone logged in reads and marks their own notifications and sets their own e-mail choices
     * (NotificationAccessTest shows nobody reaches another's); everyone logged in exports the grids they see
     * (Excel, each through the screen's own scoped service), ADMIN alone the event log, and leaders, managers
     * and a unit's staff (not ADMIN) the PDF summary; everyone logged in checks a PDF's digital signatures (the
     * caller has already passed the file owner's access check);
     * MANAGER asks for ad hoc and thematic reports, changes their due date and units, and accepts or returns
     * the answers, UNIT_OFFICER writes an answer and attaches its files, UNIT_HEAD sends it, everyone logged in reads
     * them (the service narrows each to what they may see, checked in AdhocFlowTest);
     * everyone logged in creates, lists and revokes their own API access tokens, ADMIN lists everyone's (and revokes any:
     * ApiTest); the API's token check runs before anyone is logged in;
     * anonymous visitors nothing, except the login check itself (loading the account that tries to
     * log in, and the unit a directory names at a directory sign-in) and working-day arithmetic on the public holiday calendar (WorkingDays), which scheduled
     * deadline scans call with nobody logged in.
     */
    private static final String EXPECTED = """
            method                                 | anonymous | admin | lanhdao | quanly | lamdong.truong | lamdong.cv
            UserService.search                     | -         | Y     | -       | -      | -              | -
            UserService.count                      | -         | Y     | -       | -      | -              | -
            UserService.leaders                    | -         | Y     | Y       | Y      | Y              | Y
            UserService.find                       | -         | Y     | Y       | Y      | Y              | Y
            UserService.fullNames                  | -         | Y     | Y       | Y      | Y              | Y
            UserService.save                       | -         | Y     | -       | -      | -              | -
            UserService.setEnabled                 | -         | Y     | -       | -      | -              | -
            UserService.resetPassword              | -         | Y     | -       | -      | -              | -
            UserService.locked                     | -         | Y     | -       | -      | -              | -
            UserService.unlock                     | -         | Y     | -       | -      | -              | -
            PortalUserDetailsService.loadUserByUsername | Y    | Y     | Y       | Y      | Y              | Y
            ApiTokenService.create                 | -         | Y     | Y       | Y      | Y              | Y
            ApiTokenService.mine                   | -         | Y     | Y       | Y      | Y              | Y
            ApiTokenService.all                    | -         | Y     | -       | -      | -              | -
            ApiTokenService.revoke                 | -         | Y     | Y       | Y      | Y              | Y
            ApiTokenService.authenticate           | Y         | Y     | Y       | Y      | Y              | Y
            UnitService.search                     | -         | Y     | Y       | Y      | Y              | Y
            UnitService.validOn                    | -         | Y     | Y       | Y      | Y              | Y
            UnitService.all                        | -         | Y     | Y       | Y      | Y              | Y
            UnitService.find                       | -         | Y     | Y       | Y      | Y              | Y
            UnitService.byCode                     | Y         | Y     | Y       | Y      | Y              | Y
            UnitService.save                       | -         | Y     | -       | -      | -              | -
            UnitTransferService.preview            | -         | Y     | -       | -      | -              | -
            UnitTransferService.confirm            | -         | Y     | -       | -      | -              | -
            TransferFileService.preview            | -         | Y     | -       | -      | -              | -
            TransferFileService.confirm            | -         | Y     | -       | -      | -              | -
            TaskService.years                      | -         | Y     | Y       | Y      | Y              | Y
            TaskService.currentYear                | -         | Y     | Y       | Y      | Y              | Y
            TaskService.tasksOf                    | -         | Y     | Y       | Y      | Y              | Y
            TaskService.find                       | -         | Y     | Y       | Y      | Y              | Y
            TaskService.save                       | -         | Y     | -       | -      | -              | -
            TaskService.openYear                   | -         | Y     | -       | -      | -              | -
            TaskService.endedLeadUnits             | -         | Y     | Y       | Y      | Y              | Y
            TaskImportService.template             | -         | Y     | -       | -      | -              | -
            TaskImportService.preview              | -         | Y     | -       | -      | -              | -
            TaskImportService.importYear           | -         | Y     | -       | -      | -              | -
            AssignmentService.list                 | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.filter               | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.count                | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.find                 | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.mergedInto           | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.deadlineHistory      | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.deadlineChangesOf    | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.history              | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.historyOf            | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.contributions        | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.contributionsOf      | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.canContribute        | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.canAssign            | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.canEdit              | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.leadUnitsOf          | -         | -     | -       | Y      | -              | -
            AssignmentService.contribute           | -         | -     | -       | -      | Y              | Y
            AssignmentService.assign               | -         | -     | -       | Y      | -              | -
            AssignmentService.require              | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.refused              | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.me                   | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.extendDeadline       | -         | -     | Y       | -      | -              | -
            AssignmentService.openLedByMyUnit      | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.documentFile         | -         | Y     | Y       | Y      | Y              | Y
            DocumentService.check                  | -         | Y     | Y       | Y      | Y              | Y
            DocumentService.record                 | -         | Y     | Y       | Y      | Y              | Y
            DocumentService.fileOf                 | -         | Y     | Y       | Y      | Y              | Y
            DocumentService.signaturesOf           | -         | Y     | Y       | Y      | Y              | Y
            AssignmentService.edit                 | -         | -     | -       | Y      | -              | -
            ReportService.reportsOf                | -         | Y     | Y       | Y      | Y              | Y
            ReportService.reportsFor               | -         | Y     | Y       | Y      | Y              | Y
            ReportService.find                     | -         | Y     | Y       | Y      | Y              | Y
            ReportService.canWrite                 | -         | Y     | Y       | Y      | Y              | Y
            ReportService.canStartReport           | -         | Y     | Y       | Y      | Y              | Y
            ReportService.whyNoNewReport           | -         | Y     | Y       | Y      | Y              | Y
            ReportService.periodChoices            | -         | Y     | Y       | Y      | Y              | Y
            ReportingService.rows                  | -         | Y     | Y       | Y      | Y              | Y
            ReportingService.counts                | -         | Y     | Y       | Y      | Y              | Y
            ReportingService.ofAssignment          | -         | Y     | Y       | Y      | Y              | Y
            ReportingService.rowsOf                | -         | Y     | Y       | Y      | Y              | Y
            ReportingService.missing               | -         | Y     | Y       | Y      | Y              | Y
            ReportingService.lateByUnit            | -         | Y     | Y       | Y      | Y              | Y
            ReportService.waitingForMe             | -         | Y     | Y       | Y      | Y              | Y
            ReportService.countWaitingForMe        | -         | Y     | Y       | Y      | Y              | Y
            ReportService.returnedToMyUnit         | -         | Y     | Y       | Y      | Y              | Y
            ReportService.countReturnedToMyUnit    | -         | Y     | Y       | Y      | Y              | Y
            ReportService.withOpenReportOfMyUnit   | -         | Y     | Y       | Y      | Y              | Y
            ReportService.countWithoutOpenReportOfMyUnit | -   | Y     | Y       | Y      | Y              | Y
            ReportService.save                     | -         | -     | -       | -      | -              | Y
            ReportService.citeDocument             | -         | -     | -       | -      | -              | Y
            ReportService.documentFile             | -         | Y     | Y       | Y      | Y              | Y
            ReportService.submit                   | -         | -     | -       | -      | -              | Y
            ApprovalService.trail                  | -         | Y     | Y       | Y      | Y              | Y
            ApprovalService.chainOf                | -         | Y     | Y       | Y      | Y              | Y
            ApprovalService.canDecide              | -         | Y     | Y       | Y      | Y              | Y
            ApprovalService.approve                | -         | -     | Y       | Y      | Y              | -
            ApprovalService.returnReport           | -         | -     | Y       | Y      | Y              | -
            EvidenceService.evidence               | -         | Y     | Y       | Y      | Y              | Y
            EvidenceService.download               | -         | Y     | Y       | Y      | Y              | Y
            EvidenceService.addEvidence            | -         | -     | -       | -      | -              | Y
            EvidenceService.removeEvidence         | -         | -     | -       | -      | -              | Y
            PdfSignatures.check                    | -         | Y     | Y       | Y      | Y              | Y
            PdfSignatures.checkStream              | -         | Y     | Y       | Y      | Y              | Y
            ExtensionService.requestsOf            | -         | Y     | Y       | Y      | Y              | Y
            ExtensionService.requestsFor           | -         | Y     | Y       | Y      | Y              | Y
            ExtensionService.canRequest            | -         | Y     | Y       | Y      | Y              | Y
            ExtensionService.canDecide             | -         | Y     | Y       | Y      | Y              | Y
            ExtensionService.request               | -         | -     | -       | -      | Y              | Y
            ExtensionService.pendingForMe          | -         | -     | Y       | -      | -              | -
            ExtensionService.countPendingForMe     | -         | -     | Y       | -      | -              | -
            ExtensionService.requestCiting         | -         | -     | -       | -      | Y              | Y
            ExtensionService.documentFile          | -         | Y     | Y       | Y      | Y              | Y
            ExtensionService.decide                | -         | -     | Y       | -      | -              | -
            AdhocService.create                    | -         | -     | -       | Y      | -              | -
            AdhocService.summaries                 | -         | Y     | Y       | Y      | Y              | Y
            AdhocService.countSummaries            | -         | Y     | Y       | Y      | Y              | Y
            AdhocService.change                    | -         | -     | -       | Y      | -              | -
            AdhocService.page                      | -         | Y     | Y       | Y      | Y              | Y
            AdhocService.saveDraft                 | -         | -     | -       | -      | -              | Y
            AdhocService.addFile                   | -         | -     | -       | -      | -              | Y
            AdhocService.removeFile                | -         | -     | -       | -      | -              | Y
            AdhocService.send                      | -         | -     | -       | -      | Y              | -
            AdhocService.accept                    | -         | -     | -       | Y      | -              | -
            AdhocService.returnAnswer              | -         | -     | -       | Y      | -              | -
            AdhocService.download                  | -         | Y     | Y       | Y      | Y              | Y
            AdhocService.work                      | -         | Y     | Y       | Y      | Y              | Y
            AdhocService.countWork                 | -         | Y     | Y       | Y      | Y              | Y
            AdhocService.lateness                  | -         | Y     | Y       | Y      | Y              | Y
            AssignmentPages.open                   | -         | Y     | Y       | Y      | Y              | Y
            MyWorkService.items                    | -         | Y     | Y       | Y      | Y              | Y
            MyWorkService.all                      | -         | Y     | Y       | Y      | Y              | Y
            MyWorkService.count                    | -         | Y     | Y       | Y      | Y              | Y
            DashboardService.headline              | -         | Y     | Y       | Y      | Y              | Y
            DashboardService.matrix                | -         | Y     | Y       | Y      | Y              | Y
            DashboardService.cellAssignments       | -         | Y     | Y       | Y      | Y              | Y
            DashboardService.statesByTask          | -         | Y     | Y       | Y      | Y              | Y
            DashboardService.progressByMonth       | -         | Y     | Y       | Y      | Y              | Y
            DashboardService.lateUnits             | -         | Y     | Y       | Y      | Y              | Y
            DashboardService.lateReports           | -         | Y     | Y       | Y      | Y              | Y
            ApprovalChainService.chain             | -         | Y     | Y       | Y      | Y              | Y
            ApprovalChainService.replace           | -         | Y     | -       | -      | -              | -
            EventLog.record                        | -         | Y     | Y       | Y      | Y              | Y
            EventLog.recordRefusal                 | -         | Y     | Y       | Y      | Y              | Y
            EventLog.recordApiCall                 | -         | Y     | Y       | Y      | Y              | Y
            EventLog.page                          | -         | Y     | -       | -      | -              | -
            EventLog.count                         | -         | Y     | -       | -      | -              | -
            EventLog.before                        | -         | Y     | -       | -      | -              | -
            EventLog.firstBrokenEntry              | -         | Y     | -       | -      | -              | -
            CalendarService.years                  | -         | Y     | -       | -      | -              | -
            CalendarService.year                   | -         | Y     | -       | -      | -              | -
            CalendarService.days                   | -         | Y     | -       | -      | -              | -
            CalendarService.save                   | -         | Y     | -       | -      | -              | -
            CalendarService.delete                 | -         | Y     | -       | -      | -              | -
            CalendarService.replaceYear            | -         | Y     | -       | -      | -              | -
            CalendarService.export                 | -         | Y     | -       | -      | -              | -
            WorkingDays.isWorkingDay               | Y         | Y     | Y       | Y      | Y              | Y
            WorkingDays.addWorkingDays             | Y         | Y     | Y       | Y      | Y              | Y
            WorkingDays.nextWorkingDay             | Y         | Y     | Y       | Y      | Y              | Y
            WorkingDays.workingDaysBetween         | Y         | Y     | Y       | Y      | Y              | Y
            WorkingDays.hasCalendar                | Y         | Y     | Y       | Y      | Y              | Y
            WorkingDays.yearsWithoutCalendar       | Y         | Y     | Y       | Y      | Y              | Y
            NotificationService.unreadCount        | -         | Y     | Y       | Y      | Y              | Y
            NotificationService.count              | -         | Y     | Y       | Y      | Y              | Y
            NotificationService.page               | -         | Y     | Y       | Y      | Y              | Y
            NotificationService.open               | -         | Y     | Y       | Y      | Y              | Y
            NotificationService.markAllRead        | -         | Y     | Y       | Y      | Y              | Y
            NotificationService.emailChoices       | -         | Y     | Y       | Y      | Y              | Y
            NotificationService.saveEmailChoices   | -         | Y     | Y       | Y      | Y              | Y
            NotificationService.emailAddress       | -         | Y     | Y       | Y      | Y              | Y
            BackupService.mode                     | -         | Y     | -       | -      | -              | -
            BackupService.list                     | -         | Y     | -       | -      | -              | -
            BackupService.start                    | -         | Y     | -       | -      | -              | -
            BackupService.download                 | -         | Y     | -       | -      | -              | -
            AssignmentsExporter.assignments        | -         | Y     | Y       | Y      | Y              | Y
            MyWorkExporter.myWork                  | -         | Y     | Y       | Y      | Y              | Y
            ReportingExporter.reporting            | -         | Y     | Y       | Y      | Y              | Y
            MatrixExporter.matrix                  | -         | Y     | Y       | Y      | Y              | Y
            SummaryExporter.summary                | -         | -     | Y       | Y      | Y              | Y
            SummaryExporter.canTakeSummary         | -         | Y     | Y       | Y      | Y              | Y
            EventsExporter.events                  | -         | Y     | -       | -      | -              | -
            UnitsExporter.units                    | -         | Y     | Y       | Y      | Y              | Y
            UsersExporter.users                    | -         | Y     | -       | -      | -              | -
            """;

    private static final String ANONYMOUS = "anonymous";
    private static final String APP_PACKAGE = "vn.gov.moha.portal";
    /** Every table of the schema: the dummy calls must leave all of them as they were. */
    private static final List<String> TABLES = List.of(
            "org_unit",
            "app_user",
            "app_user_role",
            "programme_year",
            "priority_task",
            "assignment",
            "assignment_coordinator",
            "indicator",
            "deadline_change",
            "extension_request",
            "approval_step",
            "progress_report",
            "indicator_value",
            "evidence_file",
            "approval_decision",
            "contribution",
            "event_log",
            "event_chain_head",
            "calendar_year",
            "calendar_day",
            "notification",
            "notification_outbox",
            "notification_preference",
            "adhoc_request",
            "adhoc_answer",
            "adhoc_file",
            "api_token");

    /** What a call did: refused by Spring Security, or got past it (returned, or failed on the dummy arguments). */
    private record Outcome(boolean refused, String detail) {}

    @Test
    void everyServiceMethodRefusesExactlyTheRolesTheTableRefuses() throws Exception {
        List<String> callers = new ArrayList<>();
        Map<String, Map<String, Boolean>> expected = RoleMatrixTable.parseAllowed(EXPECTED, callers);
        Map<String, Method> methods = new TreeMap<>();
        Map<String, Object> beans = new TreeMap<>();
        discover(methods, beans);

        assertThat(methods.keySet())
                .as("every public service method has a row in the table, and every row a method")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());

        Map<String, List<Map<String, Object>>> before = snapshot();
        int tried = 0;
        int refusedAsExpected = 0;
        List<String> unauthorisedSuccesses = new ArrayList<>();
        List<String> wronglyRefused = new ArrayList<>();
        Map<String, Map<String, String>> actual = new LinkedHashMap<>();
        for (String key : expected.keySet()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String caller : callers) {
                logout();
                if (!caller.equals(ANONYMOUS)) {
                    login(caller);
                }
                Outcome outcome = call(beans.get(key), methods.get(key));
                logout();
                tried++;
                boolean allowed = expected.get(key).get(caller);
                row.put(caller, outcome.refused() ? "refused" : "passed");
                if (outcome.refused() && !allowed) {
                    refusedAsExpected++;
                } else if (!outcome.refused() && !allowed) {
                    unauthorisedSuccesses.add(key + " as " + caller + " got past security: " + outcome.detail());
                } else if (outcome.refused() && allowed) {
                    wronglyRefused.add(key + " as " + caller + " was refused: " + outcome.detail());
                }
            }
            actual.put(key, row);
        }

        System.out.println(
                RouteRoleMatrixTest.table("Service method x role matrix, actual outcomes", "method", callers, actual));
        System.out.printf(
                "%d service calls tried, %d refused as expected, %d unauthorised successes%n",
                tried, refusedAsExpected, unauthorisedSuccesses.size());
        assertThat(unauthorisedSuccesses)
                .as("calls that should have been refused but got past security")
                .isEmpty();
        assertThat(wronglyRefused)
                .as("calls the rules allow but security refused")
                .isEmpty();
        assertThat(tried).isEqualTo(expected.size() * callers.size());
        assertThat(snapshot()).as("the dummy calls changed no data").isEqualTo(before);
    }

    /** Beans whose class is a portal {@code @Service}; their public instance methods, as "Class.method". */
    private void discover(Map<String, Method> methods, Map<String, Object> beans) {
        for (Object bean : ctx.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.isAnnotationPresent(Service.class)
                    || !type.getPackageName().startsWith(APP_PACKAGE)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (!Modifier.isPublic(modifiers)
                        || Modifier.isStatic(modifiers)
                        || method.isSynthetic()
                        || method.isBridge()) {
                    continue;
                }
                String key = type.getSimpleName() + "." + method.getName();
                assertThat(methods.put(key, method))
                        .as("%s is not overloaded (the table names methods only)", key)
                        .isNull();
                beans.put(key, bean);
            }
        }
    }

    /** Calls the method through the Spring proxy, so method security applies. */
    private static Outcome call(Object bean, Method method) throws IllegalAccessException {
        method.setAccessible(true);
        Object[] args = Arrays.stream(method.getParameterTypes())
                .map(ServiceRoleMatrixTest::dummy)
                .toArray();
        try {
            method.invoke(bean, args);
            return new Outcome(false, "returned");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            boolean refused = cause instanceof AccessDeniedException
                    || cause instanceof AuthenticationCredentialsNotFoundException;
            return new Outcome(refused, cause.getClass().getSimpleName());
        }
    }

    /** null, 0, false, an empty collection, or a record of such values. */
    static Object dummy(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type.isPrimitive()) {
            // not a ?: chain, which would widen every zero to the same type
            Map<Class<?>, Object> zeros = Map.of(
                    long.class,
                    0L,
                    int.class,
                    0,
                    double.class,
                    0d,
                    float.class,
                    0f,
                    short.class,
                    (short) 0,
                    byte.class,
                    (byte) 0);
            return zeros.get(type);
        }
        if (type == List.class || type == Collection.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types =
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                var constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return constructor.newInstance(
                        Arrays.stream(types).map(ServiceRoleMatrixTest::dummy).toArray());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a dummy " + type, e);
            }
        }
        return null;
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("select * from " + table));
            rows.sort(Comparator.comparing(Object::toString));
            tables.put(table, rows);
        }
        return tables;
    }
}
