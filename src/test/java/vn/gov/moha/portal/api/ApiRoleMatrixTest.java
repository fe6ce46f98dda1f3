package vn.gov.moha.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.RoleMatrixTable;
import vn.gov.moha.portal.user.ApiToken;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.ProgressReport;

/**
 * Every endpoint of the REST API, found in Spring MVC's own handler mapping (a new endpoint without a row fails), called
 * anonymously and with a read-and-write token of each role, on a real assignment of Lâm Đồng and its submitted
 * report, against a table written from the portal's rules, like ServiceRoleMatrixTest for the services: "-" must be
 * refused (401 without a token; with one, 403 whose code says the role may not call it), "Y" must get past that check
 * (a business rule may still refuse: a report already sent is not edited again, 409; another's approval step, 403 of
 * its own code).
 */
@PortalTest
class ApiRoleMatrixTest extends KaribuTest {

    /** Rules: reads for every token; reports written, attached and sent by UNIT_OFFICER; decided by UNIT_HEAD,
     * MANAGER and LEADER; extensions asked by UNIT_OFFICER and UNIT_HEAD; nothing without a token. */
    private static final String EXPECTED = """
            endpoint                                        | anonymous | admin | lanhdao | quanly | lamdong.truong | lamdong.cv
            GET /api/v1/me                                  | -         | Y     | Y       | Y      | Y              | Y
            GET /api/v1/years                               | -         | Y     | Y       | Y      | Y              | Y
            GET /api/v1/years/{year}/tasks                  | -         | Y     | Y       | Y      | Y              | Y
            GET /api/v1/assignments                         | -         | Y     | Y       | Y      | Y              | Y
            GET /api/v1/assignments/{id}                    | -         | Y     | Y       | Y      | Y              | Y
            GET /api/v1/dashboard                           | -         | Y     | Y       | Y      | Y              | Y
            GET /api/v1/reporting                           | -         | Y     | Y       | Y      | Y              | Y
            GET /api/v1/reports/{id}                        | -         | Y     | Y       | Y      | Y              | Y
            POST /api/v1/assignments/{id}/reports           | -         | -     | -       | -      | -              | Y
            PUT /api/v1/reports/{id}                        | -         | -     | -       | -      | -              | Y
            POST /api/v1/reports/{id}/evidence              | -         | -     | -       | -      | -              | Y
            POST /api/v1/reports/{id}/submit                | -         | -     | -       | -      | -              | Y
            POST /api/v1/reports/{id}/decision              | -         | -     | Y       | Y      | Y              | -
            POST /api/v1/assignments/{id}/extension-requests | -        | -     | -       | -      | Y              | Y
            """;

    /** One body for every JSON endpoint: each takes the fields it knows. */
    private static final String BODY = """
            {"percent": 10, "confidence": "ON_TRACK", "narrative": "x", "decision": "APPROVE", "comment": "x",
             "newDeadline": "2099-01-01", "reason": "x", "version": 0}""";

    @Autowired
    ApiFixture api;

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointRefusesExactlyTheRolesTheTableRefuses() throws Exception {
        List<String> callers = new ArrayList<>();
        Map<String, Map<String, Boolean>> expected = RoleMatrixTable.parseAllowed(EXPECTED, callers);
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/"))
                        .forEach(
                                p -> info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m + " " + p))));
        assertThat(endpoints)
                .as("every endpoint has a row in the table, and every row an endpoint")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());

        Map<String, String> tokens = new LinkedHashMap<>();
        for (String caller : callers) {
            if (!caller.equals("anonymous")) {
                tokens.put(caller, api.token(caller, ApiToken.Scope.READ_WRITE));
            }
        }
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport report = workflow.submitReport(a, 30);
        MockMvc mvc = api.mvc();
        List<String> wrong = new ArrayList<>();
        Map<String, Map<String, String>> actual = new TreeMap<>();
        for (String endpoint : expected.keySet()) {
            for (String caller : callers) {
                MockHttpServletRequestBuilder call = call(endpoint, a.getId(), report.getId());
                if (tokens.containsKey(caller)) {
                    call.header("Authorization", "Bearer " + tokens.get(caller));
                }
                var response = mvc.perform(call).andReturn().getResponse();
                int status = response.getStatus();
                String body = response.getContentAsString();
                boolean refused = status == 401 || (status == 403 && body.contains("\"code\":\"api.error.role\""));
                actual.computeIfAbsent(endpoint, e -> new LinkedHashMap<>())
                        .put(caller, status + (refused ? " refused" : ""));
                boolean allowed = expected.get(endpoint).get(caller);
                int refusal = caller.equals("anonymous") ? 401 : 403;
                if (allowed ? refused || status >= 500 : !refused || status != refusal) {
                    wrong.add(endpoint + " as " + caller + ": " + status + " " + body);
                }
            }
        }
        System.out.println("API endpoint x role matrix, statuses " + callers);
        actual.forEach((endpoint, row) -> System.out.printf("%-50s %s%n", endpoint, row.values()));
        System.out.println(wrong);
        assertThat(wrong).as("endpoints answered against the table").isEmpty();
    }

    private static MockHttpServletRequestBuilder call(String endpoint, long assignmentId, long reportId) {
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("{year}", "2024")
                .replace("assignments/{id}", "assignments/" + assignmentId)
                .replace("reports/{id}", "reports/" + reportId);
        if (path.endsWith("/evidence")) {
            return multipart(path).file(new MockMultipartFile("file", "a.pdf", "application/pdf", WorkflowFixture.PDF));
        }
        return request(HttpMethod.valueOf(parts[0]), path)
                .param("year", "2024")
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY);
    }
}
