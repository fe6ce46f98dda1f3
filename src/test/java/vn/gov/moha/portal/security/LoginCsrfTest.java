package vn.gov.moha.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.PortalTest;

/**
 * Login CSRF: another site's page must not be able to log a visitor's browser into the portal under an account of
 * its choosing. The login form posts the token of its own page; a login without it is refused.
 */
@PortalTest
class LoginCsrfTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate db;

    @AfterEach
    void forgetFailures() {
        db.update("delete from login_failure");
        db.update("delete from login_source_failure");
    }

    @Test
    void aLoginPostedFromAnotherSiteWithoutTheTokenOpensNoSession() throws Exception {
        FormLogin attacker = new FormLogin(port); // a fresh browser: no session, no token
        HttpResponse<String> response = attacker.browser.send(
                HttpRequest.newBuilder(URI.create(attacker.base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://trang-la.example")
                        .POST(HttpRequest.BodyPublishers.ofString("username=quanly&password=Demo%402024"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("-");
        System.out.printf("login POST without token from another origin -> %d %s%n", response.statusCode(), location);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Whitelabel").doesNotContain("Exception");

        HttpResponse<String> myWork = attacker.get("/my-work");
        System.out.printf(
                "then /my-work in the same browser -> %d %s%n",
                myWork.statusCode(), myWork.headers().firstValue("Location").orElse("-"));
        assertThat(myWork.statusCode()).as("no logged-in session").isEqualTo(302);
        assertThat(myWork.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theLoginFormsOwnTokenLogsIn() throws Exception {
        FormLogin person = new FormLogin(port);
        assertThat(person.login("quanly", "Demo@2024")).isEqualTo("/");
        assertThat(person.get("/my-work").statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenOfAnotherBrowsersPageDoesNotCount() throws Exception {
        String attackersToken = new FormLogin(port).token(); // taken from the attacker's own copy of the login page
        FormLogin victim = new FormLogin(port);
        victim.token(); // the victim has the login page open: a session with a token of its own
        HttpResponse<String> response = victim.post("/login", FormLogin.form("quanly", "Demo@2024", attackersToken));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(victim.get("/my-work").statusCode()).isEqualTo(302);
    }
}
