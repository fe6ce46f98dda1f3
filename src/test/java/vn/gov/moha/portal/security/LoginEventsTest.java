package vn.gov.moha.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.audit.EventLogEntry;
import vn.gov.moha.portal.user.UserService;

/**
 * Refused logins and locks reach the event log the administrator reads, with the name tried and the address (the
 * client's, as a reverse proxy reports it: the portal runs here as in production, trusting X-Forwarded-For from a
 * proxy on the same machine, server.forward-headers-strategy=native in application-test.properties); the administrator sees a locked account and lifts its lock.
 */
@PortalTest
class LoginEventsTest {

    /** The address of the person at the keyboard, as the proxy in front of the portal sends it on. */
    private static final String CLIENT = "203.0.113.45";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate db;

    @Autowired
    EventLog eventLog;

    @Autowired
    UserService users;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    ApplicationContext ctx;

    /** The last entry of the log before the test: other test classes share the database and write to it too. */
    private long before;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        db.update("delete from login_failure");
        db.update("delete from login_source_failure");
        SecurityContextHolder.clearContext();
        before = db.queryForObject("select coalesce(max(id), 0) from event_log", Long.class);
    }

    /** Submits the login form through the proxy, from {@link #CLIENT}. */
    private String login(String username, String password) throws Exception {
        FormLogin browser = new FormLogin(port);
        String token = browser.token();
        return FormLogin.next(browser.browser.send(
                HttpRequest.newBuilder(URI.create(browser.base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", CLIENT)
                        .POST(HttpRequest.BodyPublishers.ofString(FormLogin.form(username, password, token)))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private void asAdmin() {
        ctx.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        PortalUser admin = (PortalUser) accounts.loadUserByUsername("admin");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    }

    /** What the administrator's screen "Nhật ký hệ thống" lists for this name and action, newest first. */
    private List<EventLogEntry> logged(String actor, String action) {
        asAdmin();
        try {
            return eventLog.page(actor, action, 0, 50).stream()
                    .filter(e -> e.getActor().equals(actor))
                    .filter(e -> e.getId() > before)
                    .toList();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void failedLoginsAndTheLockAreInTheEventLogWithTheAddress() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(login("hanoi.truong", "sai-" + i)).isEqualTo("/login?error");
        }
        assertThat(login("hanoi.truong", "Demo@2024")).as("locked now").isEqualTo("/login?error");
        assertThat(login("ai.do.khong.co", "Demo@2024")).isEqualTo("/login?error");

        List<EventLogEntry> failed = logged("hanoi.truong", "LOGIN_FAILED");
        failed.forEach(e -> System.out.printf(
                "event log: %s %s (%s) %s%n", e.getAction(), e.getActor(), e.getActorRole(), e.getAfter()));
        assertThat(failed).hasSize(6).allSatisfy(e -> {
            assertThat(e.getActorRole()).isEqualTo("ANONYMOUS");
            assertThat(e.getAfter()).contains("address=" + CLIENT);
        });
        assertThat(failed.get(0).getAfter())
                .as("the right password while locked")
                .startsWith("cause=LOCKED;");
        assertThat(failed.get(1).getAfter()).startsWith("cause=WRONG_PASSWORD;").endsWith("failures=5");

        List<EventLogEntry> lock = logged("hanoi.truong", "LOGIN_LOCKED");
        System.out.printf(
                "event log: %s %s %s%n",
                lock.get(0).getAction(), lock.get(0).getActor(), lock.get(0).getAfter());
        assertThat(lock).hasSize(1);
        assertThat(lock.get(0).getAfter()).startsWith("address=" + CLIENT + "; failures=5; until=");

        assertThat(logged("ai.do.khong.co", "LOGIN_FAILED"))
                .singleElement()
                .satisfies(e -> assertThat(e.getAfter()).startsWith("cause=UNKNOWN_USER; address=" + CLIENT));
        asAdmin();
        assertThat(eventLog.firstBrokenEntry()).as("the hash chain stays whole").isEmpty();
    }

    @Test
    void theAdministratorSeesTheLockedAccountAndLiftsTheLock() throws Exception {
        for (int i = 1; i <= 5; i++) {
            login("hanoi.cv", "sai-" + i);
        }
        assertThat(login("hanoi.cv", "Demo@2024")).as("locked").isEqualTo("/login?error");

        asAdmin();
        List<UserService.LockedAccount> locked = users.locked();
        System.out.println("locked accounts: " + locked);
        UserService.LockedAccount lock = locked.stream()
                .filter(l -> l.user().getUsername().equals("hanoi.cv"))
                .findFirst()
                .orElseThrow();
        assertThat(lock.until()).isAfter(java.time.LocalDateTime.now().plusMinutes(14));
        users.unlock(lock.user().getId());
        assertThat(users.locked()).noneMatch(l -> l.user().getUsername().equals("hanoi.cv"));
        SecurityContextHolder.clearContext();

        assertThat(login("hanoi.cv", "Demo@2024"))
                .as("the right password, once the lock is lifted")
                .isEqualTo("/");
        assertThat(logged("admin", "LOGIN_UNLOCK"))
                .singleElement()
                .satisfies(e -> assertThat(e.getAfter()).isEqualTo("username=hanoi.cv"));
    }
}
