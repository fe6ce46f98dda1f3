package vn.gov.moha.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.PortalTest;

/**
 * How long the login form takes to say no must not tell a locked account (which exists) from a wrong password or
 * an unknown name. Timed over real HTTP as an attacker would, the three cases in turn in each round (so a busy
 * moment of the machine hits all three alike), after a warm-up, and compared by the median of each: a ratio of
 * medians, not a figure in milliseconds, so a slower or busier machine does not matter.
 */
@PortalTest
class LoginTimingTest {

    private static final int WARM_UP = 5;
    private static final int ROUNDS = 31;

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
    void aLockedAccountIsRefusedAsSlowlyAsAWrongPasswordOrAnUnknownName() throws Exception {
        FormLogin attacker = new FormLogin(port);
        String token = attacker.token(); // a failed login keeps the session and its token
        List<Long> locked = new ArrayList<>();
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownUser = new ArrayList<>();
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            // the counts start afresh before each try: the wrong passwords must not lock tcbc.cv, nor the tries hold
            // the address back, or every case would become the locked one
            db.update("delete from login_failure");
            db.update("delete from login_source_failure");
            db.update(
                    "insert into login_failure (username, failures, last_failure_at, locked_until) values "
                            + "('cchc.cv', 5, ?, ?)",
                    Timestamp.valueOf(LocalDateTime.now()),
                    Timestamp.valueOf(LocalDateTime.now().plusMinutes(15)));
            long l = timed(attacker, "cchc.cv", "Demo@2024", token); // locked: even the right password is refused
            long w = timed(attacker, "tcbc.cv", "sai-mat-khau", token);
            long u = timed(attacker, "khong.co.ai", "Demo@2024", token);
            if (round >= WARM_UP) {
                locked.add(l);
                wrongPassword.add(w);
                unknownUser.add(u);
            }
        }
        double lockedRatio = (double) median(locked) / median(wrongPassword);
        double unknownRatio = (double) median(unknownUser) / median(wrongPassword);
        System.out.printf(
                "login refusal, median of %d tries: locked %.1f ms, wrong password %.1f ms, unknown user "
                        + "%.1f ms; locked/wrong %.2f, unknown/wrong %.2f%n",
                ROUNDS,
                median(locked) / 1e6,
                median(wrongPassword) / 1e6,
                median(unknownUser) / 1e6,
                lockedRatio,
                unknownRatio);
        assertThat(lockedRatio).as("median(locked) / median(wrong password)").isBetween(0.5, 2.0);
        assertThat(unknownRatio)
                .as("median(unknown user) / median(wrong password)")
                .isBetween(0.5, 2.0);
    }

    /** Nanoseconds from sending the login form to its answer, which must be a refusal. */
    private static long timed(FormLogin browser, String username, String password, String token) throws Exception {
        long start = System.nanoTime();
        String next = FormLogin.next(browser.post("/login", FormLogin.form(username, password, token)));
        long took = System.nanoTime() - start;
        assertThat(next).as(username).isEqualTo("/login?error");
        return took;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
