package vn.gov.moha.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Logging in through the real login form: wrong passwords lock the account for a while, and nobody can tell why a login failed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.demo.workflow=false", "portal.login.max-failures=5", "portal.login.lock-minutes=15"})
@ActiveProfiles("test")
class LoginProtectionTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate db;

    @BeforeEach
    void forgetFailures() {
        db.update("delete from login_failure");
    }

    /** Submits the login form as a browser would and returns where the portal sends the browser next. */
    private String login(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath()
                + (URI.create(response.headers().firstValue("Location").orElseThrow()).getQuery() == null ? ""
                : "?" + URI.create(response.headers().firstValue("Location").orElseThrow()).getQuery());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockEnds() throws Exception {
        assertThat(login("hanoi.cv", "Demo@2024")).isEqualTo("/");
        for (int i = 1; i <= 5; i++) {
            assertThat(login("hanoi.cv", "sai-mat-khau-" + i)).isEqualTo("/login?error");
        }
        String locked = login("hanoi.cv", "Demo@2024");
        System.out.println("right password while locked -> " + locked);
        assertThat(locked).isEqualTo("/login?error");

        db.update("update login_failure set locked_until = ? where username = 'hanoi.cv'",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().minusSeconds(1)));
        assertThat(login("hanoi.cv", "Demo@2024")).as("the lock ended by itself").isEqualTo("/");
        assertThat(db.queryForObject("select count(*) from login_failure where username = 'hanoi.cv'", Integer.class))
                .as("a successful login clears the count").isZero();
    }

    @Test
    void wrongPasswordUnknownUserAndLockedAccountLookTheSame() throws Exception {
        for (int i = 0; i < 5; i++) {
            login("danang.cv", "sai");
        }
        String wrongPassword = login("danang.truong", "sai");
        String unknownUser = login("khong.ton.tai", "Demo@2024");
        String lockedAccount = login("danang.cv", "Demo@2024");
        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(lockedAccount).isEqualTo("/login?error");
    }

    @Test
    void fewerFailuresThanTheLimitDoNotLock() throws Exception {
        for (int i = 0; i < 4; i++) {
            login("hagiang.cv", "sai");
        }
        assertThat(login("hagiang.cv", "Demo@2024")).isEqualTo("/");
    }
}
