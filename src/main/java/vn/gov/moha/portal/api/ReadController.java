package vn.gov.moha.portal.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.dashboard.DashboardFilter;
import vn.gov.moha.portal.dashboard.DashboardService;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.TokenAuthentication;
import vn.gov.moha.portal.task.ProgrammeYear;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.workflow.assignment.AssignmentFilter;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.assignment.DeadlineState;
import vn.gov.moha.portal.workflow.reporting.AssignmentPages;
import vn.gov.moha.portal.workflow.reporting.PeriodStatus;
import vn.gov.moha.portal.workflow.reporting.ReportingFilter;
import vn.gov.moha.portal.workflow.reporting.ReportingService;

/** Reading: who am I, programme years and tasks, assignments, the dashboard's headline and periodic reporting. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "read", description = "What the caller may see, as on the screens")
class ReadController {

    static final int MAX_PAGE = 200;

    private final TaskService tasks;
    private final AssignmentService assignments;
    private final AssignmentPages pages;
    private final DashboardService dashboard;
    private final ReportingService reporting;

    ReadController(
            TaskService tasks,
            AssignmentService assignments,
            AssignmentPages pages,
            DashboardService dashboard,
            ReportingService reporting) {

        this.tasks = tasks;
        this.assignments = assignments;
        this.pages = pages;
        this.dashboard = dashboard;
        this.reporting = reporting;
    }

    @GetMapping("/me")
    @Operation(summary = "The token's owner, unit, roles, and the token's name and scope")
    ApiJson.Me me(@Parameter(hidden = true) TokenAuthentication auth) {
        PortalUser me = auth.getPrincipal();
        return new ApiJson.Me(
                me.getUsername(),
                me.fullName(),
                me.unitId(),
                me.unitName(),
                me.roles().stream().map(Enum::name).sorted().toList(),
                auth.tokenName(),
                auth.mayWrite());
    }

    @GetMapping("/years")
    @Operation(summary = "Programme years, newest first")
    List<ApiJson.Year> years() {
        return tasks.years().stream()
                .map(ProgrammeYear::getYear)
                .map(ApiJson.Year::new)
                .toList();
    }

    @GetMapping("/years/{year}/tasks")
    @Operation(summary = "The priority tasks of a programme year")
    List<ApiJson.Task> tasks(@PathVariable int year) {
        return tasks.tasksOf(year, "").stream().map(ApiJson.Task::of).toList();
    }

    @GetMapping("/assignments")
    @Operation(summary = "Assignments the caller may see, one page, with the total")
    ApiJson.Page<ApiJson.AssignmentSummary> assignments(
            @RequestParam int year,
            @RequestParam(required = false) @Nullable Long taskId,
            @Parameter(description = "lead unit's name or the assigning document's number, with or without diacritics")
                    @RequestParam(required = false)
                    @Nullable
                    String unit,
            @Parameter(description = "OPEN or DONE") @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable DeadlineState deadlineState,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int pageSize = pageSize(size);
        Boolean done = state == null ? null : doneOf(state);
        AssignmentService.Found found = assignments.filter(
                new AssignmentFilter(year, taskId, unit, done, deadlineState), Math.max(0, page) * pageSize, pageSize);
        LocalDate today = LocalDate.now();
        return new ApiJson.Page<>(
                found.items().stream()
                        .map(a -> ApiJson.AssignmentSummary.of(a, today))
                        .toList(),
                found.total(),
                Math.max(0, page),
                pageSize);
    }

    @GetMapping("/assignments/{id}")
    @Operation(summary = "One assignment with its indicators, reports, deadline history and extension requests")
    ApiJson.AssignmentDetail assignment(@PathVariable long id) {
        LocalDate today = LocalDate.now();
        return pages.open(id)
                .map(p -> ApiJson.AssignmentDetail.of(p, today))
                .orElseThrow(() -> InvalidInputException.of("assignment", "assignment.error.notFound"));
    }

    @GetMapping("/dashboard")
    @Operation(summary = "The dashboard's headline figures for a programme year, as the caller may see them")
    ApiJson.Headline dashboard(@RequestParam int year) {
        return ApiJson.Headline.of(dashboard.headline(DashboardFilter.of(year)));
    }

    @GetMapping("/reporting")
    @Operation(summary = "Periodic reporting under Decree 09/2019/NĐ-CP: each unit's status per period begun")
    ApiJson.Reporting reporting(
            @RequestParam int year,
            @Parameter(description = "unit's name, with or without diacritics")
                    @RequestParam(required = false)
                    @Nullable
                    String unit,
            @RequestParam(required = false) @Nullable PeriodStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int pageSize = pageSize(size);
        ReportingFilter filter = new ReportingFilter(year, null, null, null, status, unit);
        Map<String, Long> counts = new LinkedHashMap<>();
        reporting.counts(filter.withStatus(null)).forEach((s, n) -> counts.put(s.name(), n));
        long total = status == null
                ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.getOrDefault(status.name(), 0L);
        var rows = reporting.rows(filter, Math.max(0, page) * pageSize, pageSize).stream()
                .map(ApiJson.PeriodStatusJson::of)
                .toList();
        return new ApiJson.Reporting(counts, new ApiJson.Page<>(rows, total, Math.max(0, page), pageSize));
    }

    private static int pageSize(int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw InvalidInputException.of("size", "error.range", 1, MAX_PAGE);
        }
        return size;
    }

    private static boolean doneOf(String state) {
        return switch (state) {
            case "OPEN" -> false;
            case "DONE" -> true;
            default -> throw InvalidInputException.of("state", "api.error.state");
        };
    }
}
