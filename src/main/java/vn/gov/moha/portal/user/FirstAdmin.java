package vn.gov.moha.portal.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.StartupStep;
import vn.gov.moha.portal.security.Role;

/**
 * In production there are no demo accounts: the first ADMIN comes from the environment
 * (PORTAL_ADMIN_USERNAME, PORTAL_ADMIN_PASSWORD, PORTAL_ADMIN_EMAIL), and the portal does not start
 * without them while no ADMIN exists.
 */
@Component
@Profile("prod")
class FirstAdmin implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final String username;
    private final String password;
    private final String email;

    FirstAdmin(AppUserRepository users, PasswordEncoder encoder, AdminProperties admin) {
        this.users = users;
        this.encoder = encoder;
        this.username = UserService.normalise(admin.username());
        this.password = admin.password();
        this.email = admin.email();
    }

    @Override
    @Transactional
    public void run() {
        if (users.countEnabledWithRole(Role.ADMIN) > 0) {
            return;
        }
        if (username == null
                || password == null
                || password.length() < UserService.MIN_PASSWORD
                || email == null
                || email.isBlank()) {
            throw new IllegalStateException("No administrator exists yet. Set PORTAL_ADMIN_USERNAME, "
                    + "PORTAL_ADMIN_PASSWORD (at least " + UserService.MIN_PASSWORD + " characters) and "
                    + "PORTAL_ADMIN_EMAIL to create the first ADMIN account, then start the portal again.");
        }
        AppUser admin = users.findByUsername(username)
                .orElseGet(() -> new AppUser(username, "Quản trị hệ thống", email.strip(), encoder.encode(password)));
        admin.setPasswordHash(encoder.encode(password));
        admin.setRoles(java.util.EnumSet.of(Role.ADMIN));
        admin.setEnabled(true);
        users.save(admin);
        log.info("First administrator {} created from the environment", username);
    }
}
