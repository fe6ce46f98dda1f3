package vn.gov.moha.portal.api;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.LocalDate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.gov.moha.portal.TestUsers;
import vn.gov.moha.portal.user.ApiToken;
import vn.gov.moha.portal.user.ApiTokenService;

/** The REST API as a client sees it: personal access tokens of the demo people, and MockMvc through every filter. */
public class ApiFixture {

    private final ApiTokenService tokens;
    private final TestUsers users;
    private final WebApplicationContext web;

    ApiFixture(ApiTokenService tokens, TestUsers users, WebApplicationContext web) {
        this.tokens = tokens;
        this.users = users;
        this.web = web;
    }

    /** A token of {@code username}, valid for 30 days, created as on the profile page; returns its secret. */
    public String token(String username, ApiToken.Scope scope) {
        users.login(username);
        try {
            return tokens.create("Hệ thống của " + username, LocalDate.now().plusDays(30), scope)
                    .secret();
        } finally {
            users.logout();
        }
    }

    /** The application's filters (the API's bearer-token chain included) and Spring MVC, without a server. */
    public MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    }
}
