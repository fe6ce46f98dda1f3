package vn.gov.moha.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.user.ApiToken;
import vn.gov.moha.portal.user.UserService;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.ProgressReport;

/** The REST API over MockMvc, through the real filter chains: what a province's system (or an attacker) would see. */
@PortalTest
class ApiTest extends KaribuTest {

    @Autowired
    ApiFixture api;

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserService users;

    MockMvc mvc;

    @BeforeEach
    void client() {
        mvc = api.mvc();
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private static final String REPORT = """
            {"percent": 40, "confidence": "ON_TRACK", "narrative": "Đã rà soát 12/15 xã", "indicatorValues": {}}""";

    @Test
    void aProvincesSystemWritesAttachesAndSubmitsAReport() throws Exception {
        Assignment a = workflow.assignTask3ToLamDong();
        String token = api.token("lamdong.cv", ApiToken.Scope.READ_WRITE);

        mvc.perform(as(get("/api/v1/assignments").param("year", "2024"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(a.getId()))
                .andExpect(jsonPath("$.items[0].deadlineState").value("IN_PROGRESS_ON_TIME"));
        mvc.perform(as(get("/api/v1/assignments/" + a.getId()), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators[0].name").value("Số biên chế tinh giản"))
                .andExpect(jsonPath("$.deadlineHistory.length()").value(1))
                .andExpect(jsonPath("$.mayWriteReport").value(true));

        String created = mvc.perform(as(post("/api/v1/assignments/" + a.getId() + "/reports"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/reports/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(created, "$.id");
        int version = JsonPath.read(created, "$.version");

        mvc.perform(as(put("/api/v1/reports/" + id), token)
                        .header("If-Match", "\"" + version + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.replace("40", "55")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.percentComplete").value(55))
                .andExpect(header().string("ETag", "\"" + (version + 1) + "\""));

        mvc.perform(as(
                        multipart("/api/v1/reports/" + id + "/evidence")
                                .file(new MockMultipartFile(
                                        "file", "bien-ban.pdf", "application/pdf", WorkflowFixture.PDF)),
                        token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("bien-ban.pdf"));
        // the same content check as the screen: a text file named .pdf is refused with the screen's message
        mvc.perform(as(
                        multipart("/api/v1/reports/" + id + "/evidence")
                                .file(new MockMultipartFile(
                                        "file", "gia.pdf", "application/pdf", "not a pdf".getBytes())),
                        token))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"));

        mvc.perform(as(post("/api/v1/reports/" + id + "/submit"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + (version + 1) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                // Vietnam time, saying so: another system must not read it as UTC
                .andExpect(jsonPath("$.submittedAt").value(endsWith("+07:00")));
        mvc.perform(as(get("/api/v1/reports/" + id), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidence.length()").value(1));

        // the event log: each call with the token's name, and the workflow's own entries say it came by the token
        List<String> calls = jdbc.queryForList(
                "select after_value from event_log where action = 'API_CALL' and actor = 'lamdong.cv' "
                        + "and actor_role like '%(token: Hệ thống của lamdong.cv)' order by id",
                String.class);
        assertThat(calls).contains("POST /api/v1/reports/" + id + "/submit -> 200");
        assertThat(jdbc.queryForObject("select actor_role from event_log where action = 'REPORT_SUBMIT'", String.class))
                .isEqualTo("UNIT_OFFICER (token: Hệ thống của lamdong.cv)");
    }

    @Test
    void anotherUnitsTokenGetsNothingOfIt() throws Exception {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 30);
        String hanoi = api.token("hanoi.cv", ApiToken.Scope.READ_WRITE);

        mvc.perform(as(get("/api/v1/assignments").param("year", "2024"), hanoi))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        String body = mvc.perform(as(get("/api/v1/assignments/" + a.getId()), hanoi))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain("tinh giản").doesNotContain("Lâm Đồng");
        mvc.perform(as(get("/api/v1/reports/" + r.getId()), hanoi))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.narrative").doesNotExist());
        mvc.perform(as(post("/api/v1/assignments/" + a.getId() + "/reports"), hanoi)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT))
                .andExpect(status().isNotFound());
        mvc.perform(as(post("/api/v1/assignments/" + a.getId() + "/extension-requests"), hanoi)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newDeadline\": \"2030-01-01\", \"reason\": \"x\"}"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from progress_report", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from extension_request", Integer.class))
                .isZero();
    }

    @Test
    void aReadTokenMayNotWrite() throws Exception {
        Assignment a = workflow.assignTask3ToLamDong();
        String read = api.token("lamdong.cv", ApiToken.Scope.READ);

        mvc.perform(as(get("/api/v1/assignments/" + a.getId()), read)).andExpect(status().isOk());
        mvc.perform(as(post("/api/v1/assignments/" + a.getId() + "/reports"), read)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("chỉ được đọc")));
        assertThat(jdbc.queryForObject("select count(*) from progress_report", Integer.class))
                .isZero();
    }

    @Test
    void aStaleVersionIsRefusedAndOverwritesNothing() throws Exception {
        Assignment a = workflow.assignTask3ToLamDong();
        String token = api.token("lamdong.cv", ApiToken.Scope.READ_WRITE);
        String created = mvc.perform(as(post("/api/v1/assignments/" + a.getId() + "/reports"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(created, "$.id");
        int version = JsonPath.read(created, "$.version");
        // someone else saves first
        mvc.perform(as(put("/api/v1/reports/" + id), token)
                        .header("If-Match", "\"" + version + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.replace("40", "50")))
                .andExpect(status().isOk());

        mvc.perform(as(put("/api/v1/reports/" + id), token)
                        .header("If-Match", "\"" + version + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.replace("40", "90")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.errors[0].code").value("error.stale"));
        mvc.perform(as(put("/api/v1/reports/" + id), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.replace("40", "90").replace("{}", "{}, \"version\": " + version)))
                .andExpect(status().isConflict());
        mvc.perform(as(put("/api/v1/reports/" + id), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.replace("40", "90")))
                .andExpect(status().is(428));
        assertThat(jdbc.queryForObject("select percent_complete from progress_report", Integer.class))
                .isEqualTo(50);
    }

    @Test
    void anExpiredRevokedOrLockedAccountsTokenIsRefusedAtOnce() throws Exception {
        String token = api.token("lamdong.cv", ApiToken.Scope.READ);
        mvc.perform(as(get("/api/v1/me"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("lamdong.cv"))
                .andExpect(jsonPath("$.mayWrite").value(false));

        long userId = jdbc.queryForObject("select id from app_user where username = 'lamdong.cv'", Long.class);
        login("admin");
        users.setEnabled(userId, false);
        logout();
        try {
            mvc.perform(as(get("/api/v1/me"), token))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Bearer"));
        } finally {
            login("admin");
            users.setEnabled(userId, true);
            logout();
        }
        mvc.perform(as(get("/api/v1/me"), token)).andExpect(status().isOk());

        jdbc.update(
                "update api_token set expires_on = ?", java.time.LocalDate.now().minusDays(1));
        mvc.perform(as(get("/api/v1/me"), token)).andExpect(status().isUnauthorized());

        String other = api.token("lamdong.cv", ApiToken.Scope.READ);
        login("admin"); // an ADMIN revokes anyone's
        long id = jdbc.queryForObject("select max(id) from api_token", Long.class);
        vn.gov.moha.portal.user.ApiTokenService tokens = ctx.getBean(vn.gov.moha.portal.user.ApiTokenService.class);
        tokens.revoke(id);
        logout();
        mvc.perform(as(get("/api/v1/me"), other)).andExpect(status().isUnauthorized());

        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
        mvc.perform(as(get("/api/v1/me"), "bnv_" + "x".repeat(43))).andExpect(status().isUnauthorized());
    }

    @Test
    void moreThan600CallsAMinuteGet429WithRetryAfter() throws Exception {
        String token = api.token("lamdong.cv", ApiToken.Scope.READ);
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 602 && refused == 0; i++) {
            var response = mvc.perform(as(get("/api/v1/me"), token)).andReturn().getResponse();
            if (response.getStatus() == 429) {
                refused++;
                retryAfter = response.getHeader("Retry-After");
            }
        }
        // a minute may turn during the loop: then the count starts again, so up to 1,200 calls go through
        assertThat(refused).isEqualTo(1);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
    }

    @Test
    void problemsComeInVietnameseByDefaultAndInEnglishWhenAsked() throws Exception {
        String token = api.token("lamdong.cv", ApiToken.Scope.READ);
        mvc.perform(as(get("/api/v1/assignments").param("year", "2024").param("size", "0"), token))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
                .andExpect(jsonPath("$.detail").value("Giá trị từ 1 đến 200"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(as(get("/api/v1/assignments").param("year", "2024").param("size", "0"), token)
                        .header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.title").value("Invalid data"))
                .andExpect(jsonPath("$.detail").value("A value from 1 to 200"));
        mvc.perform(as(get("/api/v1/assignments/999999"), token).header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("not")));
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not authenticated"));
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Chưa xác thực"));
    }

    @Test
    void anApproverDecidesAndAnOfficerMayNot() throws Exception {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 30);
        String officer = api.token("lamdong.cv", ApiToken.Scope.READ_WRITE);
        String head = api.token("lamdong.truong", ApiToken.Scope.READ_WRITE);
        String approve = "{\"decision\": \"APPROVE\", \"version\": " + r.getVersion() + "}";

        mvc.perform(as(post("/api/v1/reports/" + r.getId() + "/decision"), officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(approve))
                .andExpect(status().isForbidden());
        mvc.perform(as(post("/api/v1/reports/" + r.getId() + "/decision"), head)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"RETURN\", \"version\": " + r.getVersion() + "}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(as(post("/api/v1/reports/" + r.getId() + "/decision"), head)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(approve))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.currentStep").value(2));
        // the head's step is behind it: the same decision again is refused
        mvc.perform(as(post("/api/v1/reports/" + r.getId() + "/decision"), head)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\", \"version\": " + (r.getVersion() + 1) + "}"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void theUnitAsksForAnExtensionAndReadsItsFigures() throws Exception {
        Assignment a = workflow.assignTask3ToLamDong();
        String token = api.token("lamdong.cv", ApiToken.Scope.READ_WRITE);
        mvc.perform(as(post("/api/v1/assignments/" + a.getId() + "/extension-requests"), token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"newDeadline\": \"" + a.getDeadline().plusDays(30) + "\", "
                                + "\"reason\": \"Chờ số liệu của các xã\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(as(get("/api/v1/years"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.year == 2024)]").exists());
        mvc.perform(as(get("/api/v1/years/2024/tasks"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(10));
        mvc.perform(as(get("/api/v1/dashboard").param("year", "2024"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.openExtensionRequests").value(1));
        mvc.perform(as(get("/api/v1/reporting").param("year", "2024"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.total").value(0));
    }

    @Test
    void theApiKeepsNoSessionAndOtherSitesMayNotCallIt() throws Exception {
        String token = api.token("lamdong.cv", ApiToken.Scope.READ);
        var response = mvc.perform(as(get("/api/v1/me"), token)).andReturn();
        assertThat(response.getRequest().getSession(false)).isNull();
        assertThat(response.getResponse().getHeader("Set-Cookie")).isNull();
        mvc.perform(options("/api/v1/me")
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void theOpenApiDocumentIsPublicAndListsTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/assignments'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/reports/{id}/evidence'].post")
                        .exists())
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
    }
}
