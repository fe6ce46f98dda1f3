package vn.gov.moha.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.user.UserService;

/** Locking a user ends the sessions they have open, not only their next login. */
@PortalTest
class SessionEndTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    ApplicationContext ctx;

    private Long userId(String username) {
        return users.search(username, 0, 10).stream()
                .filter(u -> u.getUsername().equals(username))
                .map(AppUser::getId)
                .findFirst()
                .orElseThrow();
    }

    private void asAdmin() {
        // Other test contexts may have made their own security holder the global one: use this context's.
        ctx.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin-test", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    @AfterEach
    void unlock() {
        asAdmin();
        users.setEnabled(userId("danang.truong"), true);
        SecurityContextHolder.clearContext();
    }

    @Test
    void lockingAUserEndsTheirOpenSession() throws Exception {
        FormLogin browser = new FormLogin(port);
        assertThat(browser.login("danang.truong", "Demo@2024")).isEqualTo("/");
        assertThat(browser.get("/").statusCode())
                .as("logged in, the portal page is served")
                .isEqualTo(200);

        asAdmin();
        users.setEnabled(userId("danang.truong"), false);
        SecurityContextHolder.clearContext();

        var after = browser.get("/");
        System.out.println("open session after the lock -> " + after.statusCode() + " "
                + after.headers().firstValue("Location").orElse(""));
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(browser.login("danang.truong", "Demo@2024")).isEqualTo("/login?error");
    }
}
