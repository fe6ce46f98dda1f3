package vn.gov.moha.portal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteBaseData;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.adhoc.AdhocFixture;
import vn.gov.moha.portal.workflow.adhoc.AdhocRequest;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.ProgressReport;

/**
 * Every screen address against every kind of visitor: what each one is shown, compared with the
 * table below. The addresses come from Vaadin's route registry, so a new screen without a row in
 * the table fails this test (and so does a row whose screen is gone).
 */
@PortalTest
class RouteRoleMatrixTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    AdhocFixture adhocFixture;

    /**
     * Expected outcome per address (regex of a parameter left out) and visitor:
     * VIEW   the screen itself, showing its content;
     * LOGIN  an anonymous visitor is sent to the login form;
     * DENIED Vaadin's own not-found / access-denied page, the screen is not built.
     * Columns: anonymous, then the demo accounts admin (ADMIN), lanhdao (LEADER), quanly (MANAGER),
     * lamdong.truong (UNIT_HEAD), lamdong.cv (UNIT_OFFICER).
     */
    private static final String EXPECTED = """
            route                             | anonymous | admin | lanhdao | quanly | lamdong.truong | lamdong.cv
            /                                 | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /login                            | VIEW      | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /dashboard                        | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /my-work                          | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /tasks                            | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /tasks/:taskId                    | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /tasks/import                     | LOGIN     | VIEW  | DENIED  | DENIED | DENIED         | DENIED
            /assignments                      | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /assignments/:assignmentId        | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /assignments/:assignmentId/report | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /reports/:reportId                | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /reporting                        | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /adhoc                            | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /adhoc/:requestId                 | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /units                            | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /units/transfer                   | LOGIN     | VIEW  | DENIED  | DENIED | DENIED         | DENIED
            /notifications                    | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /notifications/settings           | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /profile                          | LOGIN     | VIEW  | VIEW    | VIEW   | VIEW           | VIEW
            /admin/users                      | LOGIN     | VIEW  | DENIED  | DENIED | DENIED         | DENIED
            /admin/approval-chain             | LOGIN     | VIEW  | DENIED  | DENIED | DENIED         | DENIED
            /admin/audit                      | LOGIN     | VIEW  | DENIED  | DENIED | DENIED         | DENIED
            /admin/calendar                   | LOGIN     | VIEW  | DENIED  | DENIED | DENIED         | DENIED
            /admin/backup                     | LOGIN     | VIEW  | DENIED  | DENIED | DENIED         | DENIED
            """;

    private static final String ANONYMOUS = "anonymous";
    private static final String LOGIN_ROUTE = "login";
    /** What a screen with an id in its address shows when the row does not exist or may not be seen. */
    private static final List<String> NOT_FOUND_KEYS =
            List.of("task.notFound", "assignment.notFound", "report.error.notFound", "adhoc.notFound");

    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)(\\([^)]*\\))?");

    @Test
    void everyRouteShowsEachVisitorWhatTheTableSays() {
        Assignment assignment = workflow.assignTask3ToLamDong();
        ProgressReport report = workflow.submitReport(assignment, 40);
        AdhocRequest adhoc = adhocFixture.askLamDongAndHaNoi(); // quanly asks Lâm Đồng: every column sees it
        Map<String, String> parameters = Map.of(
                "requestId", String.valueOf(adhoc.getId()),
                "taskId", String.valueOf(assignment.getTask().getId()),
                "assignmentId", String.valueOf(assignment.getId()),
                "reportId", String.valueOf(report.getId()));

        List<String> visitors = new ArrayList<>();
        Map<String, Map<String, String>> expected =
                RoleMatrixTable.parse(EXPECTED, visitors, "VIEW", "LOGIN", "DENIED");
        Map<String, Class<? extends Component>> routes = registeredRoutes();

        assertThat(routes.keySet())
                .as("every route has a row in the expected table, and every row a route")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        Class<? extends Component> loginView = routes.get("/" + LOGIN_ROUTE);
        assertThat(loginView).as("the login route").isNotNull();

        Map<String, Map<String, String>> actual = new LinkedHashMap<>();
        int cells = 0;
        int matched = 0;
        List<String> mismatches = new ArrayList<>();
        for (String route : expected.keySet()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String visitor : visitors) {
                String outcome = visit(route, fill(route, parameters), routes.get(route), loginView, visitor);
                row.put(visitor, outcome);
                cells++;
                if (outcome.equals(expected.get(route).get(visitor))) {
                    matched++;
                } else {
                    mismatches.add(route + " as " + visitor + ": expected "
                            + expected.get(route).get(visitor) + ", shown " + outcome);
                }
            }
            actual.put(route, row);
        }

        System.out.println(table("Route x role matrix, actual outcomes", "route", visitors, actual));
        System.out.printf("%d route x role cells checked, %d matched%n", cells, matched);
        assertThat(mismatches).as("cells that differ from the expected table").isEmpty();
        assertThat(matched).isEqualTo(cells).isEqualTo(expected.size() * visitors.size());
        // a screen wrapped in a Spring proxy costs a scan of its methods at every navigation (SecurityConfig)
        assertThat(proxiedScreens).as("screens built as Spring proxies").isEmpty();
    }

    private final Set<String> proxiedScreens = new TreeSet<>();

    /** A fresh session per cell, so nothing of one visitor (layout, redirect target) leaks to the next. */
    private String visit(
            String route,
            String location,
            Class<? extends Component> target,
            Class<? extends Component> loginView,
            String visitor) {
        KaribuTest self = this;
        self.tearDownVaadin();
        self.setUpVaadin();
        if (!visitor.equals(ANONYMOUS)) {
            login(visitor);
        }
        navigate(location);
        List<?> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        Component shown = chain.isEmpty() ? null : (Component) chain.get(0);
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        if (shown == null) {
            return "NOTHING";
        }
        if (shown instanceof HasErrorParameter<?>) {
            return "DENIED";
        }
        if (AopUtils.isAopProxy(shown)) {
            proxiedScreens.add(shown.getClass().getName());
        }
        Class<?> screen = ClassUtils.getUserClass(shown);
        if (screen == loginView && target != loginView && path.equals(LOGIN_ROUTE)) {
            return "LOGIN";
        }
        if (screen == target) {
            return saysNotFound(shown) ? "HIDDEN" : "VIEW";
        }
        return "OTHER(" + screen.getSimpleName() + " at /" + path + ")";
    }

    /** The screen was built but says the row is not found or not visible (row-level refusal). */
    private static boolean saysNotFound(Component view) {
        Set<String> notFound = NOT_FOUND_KEYS.stream()
                .map(key -> UI.getCurrent().getTranslation(key))
                .collect(Collectors.toSet());
        return _find(view, H2.class).stream().anyMatch(h -> notFound.contains(h.getText()));
    }

    /**
     * Every address in Vaadin's route registry (routes and aliases), without parameter regexes, with its
     * screen. Also checks that every {@code @Route} class of the portal is registered, so the registry
     * cannot silently miss one.
     */
    private static Map<String, Class<? extends Component>> registeredRoutes() {
        Map<String, Class<? extends Component>> routes = new TreeMap<>();
        for (RouteData data : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            List<RouteBaseData<?>> all = new ArrayList<>();
            all.add(data);
            all.addAll(data.getRouteAliases());
            for (RouteBaseData<?> route : all) {
                routes.put(display(route.getTemplate()), route.getNavigationTarget());
            }
        }
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(RouteAlias.class));
        Set<String> annotated = new TreeSet<>();
        for (BeanDefinition view : scanner.findCandidateComponents("vn.gov.moha.portal")) {
            annotated.add(view.getBeanClassName());
        }
        assertThat(routes.values().stream().map(Class::getName).collect(Collectors.toSet()))
                .as("every @Route class of the portal is in Vaadin's route registry")
                .containsAll(annotated);
        return routes;
    }

    private static String display(String template) {
        return "/" + PARAMETER.matcher(template).replaceAll(":$1");
    }

    /** The address to open for a route: each parameter replaced by a real id from the fixture. */
    private static String fill(String route, Map<String, String> parameters) {
        Matcher m = PARAMETER.matcher(route.substring(1));
        StringBuilder location = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            assertThat(value)
                    .as("a test value for route parameter %s of %s", m.group(1), route)
                    .isNotNull();
            m.appendReplacement(location, Matcher.quoteReplacement(value));
        }
        m.appendTail(location);
        return location.toString();
    }

    static String table(String title, String rowHeader, List<String> columns, Map<String, Map<String, String>> rows) {
        int first = rows.keySet().stream().mapToInt(String::length).max().orElse(5);
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format("%-" + first + "s", rowHeader));
        columns.forEach(c -> out.append(" | ").append(String.format("%-14s", c)));
        out.append('\n');
        rows.forEach((route, row) -> {
            out.append(String.format("%-" + first + "s", route));
            columns.forEach(c -> out.append(" | ").append(String.format("%-14s", row.get(c))));
            out.append('\n');
        });
        return out.toString();
    }
}
