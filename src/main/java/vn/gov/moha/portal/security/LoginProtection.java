package vn.gov.moha.portal.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after too many wrong passwords (default 5, for 15 minutes); the lock
 * ends by itself. Counts live in the database, so all nodes agree. The login screen says the same
 * thing for a wrong password, an unknown user and a locked account; the log says which it was.
 */
@Component
public class LoginProtection {

    private static final Logger log = LoggerFactory.getLogger(LoginProtection.class);

    private final JdbcTemplate db;
    private final int maxFailures;
    private final Duration lock;

    LoginProtection(JdbcTemplate db, @Value("${portal.login.max-failures:5}") int maxFailures,
                    @Value("${portal.login.lock-minutes:15}") long lockMinutes) {
        this.db = db;
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    static String key(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return u.length() > 50 ? u.substring(0, 50) : u;
    }

    public boolean isLocked(String username) {
        List<Timestamp> until = db.queryForList("select locked_until from login_failure where username = ?",
                Timestamp.class, key(username));
        return !until.isEmpty() && until.get(0) != null && until.get(0).toLocalDateTime().isAfter(LocalDateTime.now());
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String user = key(event.getAuthentication().getName());
        LocalDateTime now = LocalDateTime.now();
        List<Integer> known = db.queryForList("select failures from login_failure where username = ? for update",
                Integer.class, user);
        int failures;
        if (known.isEmpty()) {
            failures = 1;
            db.update("insert into login_failure (username, failures, last_failure_at) values (?, 1, ?)", user,
                    Timestamp.valueOf(now));
        } else {
            // a count older than the lock window starts again
            boolean stale = db.queryForObject("select count(*) from login_failure where username = ? "
                    + "and last_failure_at < ?", Integer.class, user, Timestamp.valueOf(now.minus(lock))) > 0;
            failures = stale ? 1 : known.get(0) + 1;
            db.update("update login_failure set failures = ?, last_failure_at = ? where username = ?", failures,
                    Timestamp.valueOf(now), user);
        }
        log.warn("Login failed for '{}' ({} of {})", user, failures, maxFailures);
        if (failures >= maxFailures) {
            db.update("update login_failure set locked_until = ? where username = ?", Timestamp.valueOf(now.plus(lock)),
                    user);
            log.warn("Account '{}' locked for {} minutes after {} failed logins", user, lock.toMinutes(), failures);
        }
    }

    @EventListener
    public void onLocked(AuthenticationFailureLockedEvent event) {
        log.warn("Login refused for locked account '{}'", key(event.getAuthentication().getName()));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        db.update("delete from login_failure where username = ?", key(event.getAuthentication().getName()));
    }
}
