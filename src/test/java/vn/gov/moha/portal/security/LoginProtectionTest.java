package vn.gov.moha.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.PortalTest;

/** Logging in through the real login form: wrong passwords lock the account for a while, and nobody can tell why a login failed. */
@PortalTest
class LoginProtectionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate db;

    /** Locks from one test (or another test class sharing the database) do not leak into the next. */
    @BeforeEach
    @AfterEach
    void forgetFailures() {
        db.update("delete from login_failure");
        db.update("delete from login_source_failure");
    }

    private String login(String username, String password) throws Exception {
        return new FormLogin(port).login(username, password);
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

        db.update(
                "update login_failure set locked_until = ? where username = 'hanoi.cv'",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().minusSeconds(1)));
        assertThat(login("hanoi.cv", "Demo@2024"))
                .as("the lock ended by itself")
                .isEqualTo("/");
        assertThat(db.queryForObject("select count(*) from login_failure where username = 'hanoi.cv'", Integer.class))
                .as("a successful login clears the count")
                .isZero();
    }

    @Test
    void wrongPasswordUnknownUserAndLockedAccountLookTheSame() throws Exception {
        for (int i = 0; i < 5; i++) {
            login("danang.cv", "sai");
        }
        String wrongPassword = login("danang.truong", "sai");
        String unknownUser = login("khong.ton.tai", "Demo@2024");
        String lockedAccount = login("danang.cv", "Demo@2024");
        assertThat(wrongPassword)
                .isEqualTo(unknownUser)
                .isEqualTo(lockedAccount)
                .isEqualTo("/login?error");
    }

    @Test
    void fewerFailuresThanTheLimitDoNotLock() throws Exception {
        for (int i = 0; i < 4; i++) {
            login("hagiang.cv", "sai");
        }
        assertThat(login("hagiang.cv", "Demo@2024")).isEqualTo("/");
    }

    @Test
    void sprayingOneWrongPasswordOverManyAccountsHoldsTheAddressBack() throws Exception {
        List<String> accounts =
                db.queryForList("select username from app_user where enabled = true order by username", String.class);
        int tried = 0;
        while (tried < 30) {
            for (String account : accounts) {
                if (tried++ == 30) {
                    break;
                }
                assertThat(login(account, "Matkhau@123")).isEqualTo("/login?error");
            }
        }
        assertThat(db.queryForObject("select max(failures) from login_failure", Integer.class))
                .as("no single account reached its own limit")
                .isLessThan(5);
        String rightPassword = login("quanly", "Demo@2024");
        System.out.println("spraying: 30 wrong logins over " + accounts.size() + " accounts, then the right password"
                + " from the same address -> " + rightPassword);
        assertThat(rightPassword).isEqualTo("/login?error");

        db.update(
                "update login_source_failure set blocked_until = ?",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().minusSeconds(1)));
        assertThat(login("quanly", "Demo@2024")).as("the hold ends by itself").isEqualTo("/");
    }
}
