package vn.gov.moha.portal.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.gov.moha.portal.common.Formats;

/**
 * Locks an account after too many wrong passwords and holds back an address that fails on many accounts; both end
 * by themselves, counts in the database. The rules: docs/decisions/0007-login-protection.md.
 */
@Component
public class LoginProtection {

    private static final Logger log = LoggerFactory.getLogger(LoginProtection.class);

    private final JdbcTemplate db;
    private final ApplicationEventPublisher events;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration lock;
    private final Duration addressHold;

    LoginProtection(JdbcTemplate db, ApplicationEventPublisher events, LoginProperties login) {
        this.addressHold = Duration.ofMinutes(login.addressHoldMinutes());
        this.db = db;
        this.events = events;
        this.maxFailures = login.maxFailures();
        this.maxFailuresPerAddress = login.maxFailuresPerAddress();
        this.lock = Duration.ofMinutes(login.lockMinutes());
    }

    /** The address of the request being served, or empty outside a request. */
    static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : "";
    }

    /**
     * Whether logins from this address are held back: after many failures across any accounts
     * (password spraying), every login from it is refused for the lock time, right password or not.
     */
    boolean isAddressBlocked(String address) {
        List<Timestamp> until = db.queryForList(
                "select blocked_until from login_source_failure where address = ?", Timestamp.class, address);
        return !until.isEmpty()
                && until.get(0) != null
                && until.get(0).toLocalDateTime().isAfter(LocalDateTime.now());
    }

    private void countAddressFailure(String address, String user, LocalDateTime now) {
        if (address.isEmpty()) {
            return;
        }
        String key = address.length() > 64 ? address.substring(0, 64) : address;
        List<Timestamp> start = db.queryForList(
                "select window_start from login_source_failure where address = ? " + "for update",
                Timestamp.class,
                key);
        if (start.isEmpty()) {
            db.update(
                    "insert into login_source_failure (address, failures, window_start) values (?, 1, ?)",
                    key,
                    Timestamp.valueOf(now));
            return;
        }
        if (start.get(0).toLocalDateTime().isBefore(now.minus(lock))) {
            db.update(
                    "update login_source_failure set failures = 1, window_start = ?, blocked_until = null "
                            + "where address = ?",
                    Timestamp.valueOf(now),
                    key);
            return;
        }
        db.update("update login_source_failure set failures = failures + 1 where address = ?", key);
        Integer failures =
                db.queryForObject("select failures from login_source_failure where address = ?", Integer.class, key);
        if (failures != null && failures >= maxFailuresPerAddress) {
            db.update(
                    "update login_source_failure set blocked_until = ? where address = ?",
                    Timestamp.valueOf(now.plus(addressHold)),
                    key);
            log.warn(
                    "Logins from {} held back for {} minutes after {} failures across accounts",
                    key,
                    addressHold.toMinutes(),
                    failures);
            events.publishEvent(new LoginEvent(
                    LoginEvent.ADDRESS_HELD,
                    user,
                    "address=" + key + "; failures=" + failures + "; until="
                            + Formats.dateTime(now.plus(addressHold))));
        }
    }

    static String key(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return u.length() > 50 ? u.substring(0, 50) : u;
    }

    /** Whether a login as this user, from the address of the current request, is refused for now. */
    public boolean isHeldBack(String username) {
        return isLocked(username) || isAddressBlocked(currentAddress());
    }

    boolean isLocked(String username) {
        List<Timestamp> until = db.queryForList(
                "select locked_until from login_failure where username = ?", Timestamp.class, key(username));
        return !until.isEmpty()
                && until.get(0) != null
                && until.get(0).toLocalDateTime().isAfter(LocalDateTime.now());
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String user = key(event.getAuthentication().getName());
        LocalDateTime now = LocalDateTime.now();
        List<Integer> known = db.queryForList(
                "select failures from login_failure where username = ? for update", Integer.class, user);
        int failures;
        if (known.isEmpty()) {
            failures = 1;
            db.update(
                    "insert into login_failure (username, failures, last_failure_at) values (?, 1, ?)",
                    user,
                    Timestamp.valueOf(now));
        } else {
            // a count older than the lock window starts again
            boolean stale = db.queryForObject(
                            "select count(*) from login_failure where username = ? " + "and last_failure_at < ?",
                            Integer.class,
                            user,
                            Timestamp.valueOf(now.minus(lock)))
                    > 0;
            failures = stale ? 1 : known.get(0) + 1;
            db.update(
                    "update login_failure set failures = ?, last_failure_at = ? where username = ?",
                    failures,
                    Timestamp.valueOf(now),
                    user);
        }
        String address = currentAddress();
        log.warn("Login failed for '{}' from {} ({} of {})", user, address, failures, maxFailures);
        boolean exists = db.queryForObject("select count(*) from app_user where username = ?", Integer.class, user) > 0;
        events.publishEvent(new LoginEvent(
                LoginEvent.FAILED,
                user,
                "cause=" + (exists ? "WRONG_PASSWORD" : "UNKNOWN_USER") + "; address=" + address + "; failures="
                        + failures));
        countAddressFailure(address, user, now);
        if (failures >= maxFailures) {
            db.update(
                    "update login_failure set locked_until = ? where username = ?",
                    Timestamp.valueOf(now.plus(lock)),
                    user);
            log.warn("Account '{}' locked for {} minutes after {} failed logins", user, lock.toMinutes(), failures);
            events.publishEvent(new LoginEvent(
                    LoginEvent.LOCKED,
                    user,
                    "address=" + address + "; failures=" + failures + "; until=" + Formats.dateTime(now.plus(lock))));
        }
    }

    /** A login refused before its password counted: the account is locked, or its address held back. */
    @EventListener
    @Transactional
    public void onLocked(AuthenticationFailureLockedEvent event) {
        String user = key(event.getAuthentication().getName());
        String address = currentAddress();
        boolean accountLocked = isLocked(user);
        log.warn(
                "Login refused for '{}' from {}: {}",
                user,
                address,
                accountLocked ? "account locked" : "address held back");
        events.publishEvent(new LoginEvent(
                LoginEvent.FAILED,
                user,
                "cause=" + (accountLocked ? "LOCKED" : "ADDRESS_HELD") + "; address=" + address));
    }

    @EventListener
    @Transactional
    public void onDisabled(AuthenticationFailureDisabledEvent event) {
        String user = key(event.getAuthentication().getName());
        String address = currentAddress();
        log.warn("Login refused for disabled account '{}' from {}", user, address);
        events.publishEvent(new LoginEvent(LoginEvent.FAILED, user, "cause=DISABLED; address=" + address));
    }

    /** The accounts locked now, with the end of each lock. */
    @PreAuthorize("hasRole('ADMIN')")
    public Map<String, LocalDateTime> lockedAccounts() {
        Map<String, LocalDateTime> locked = new TreeMap<>();
        db.query(
                "select username, locked_until from login_failure where locked_until > ?",
                row -> {
                    locked.put(row.getString(1), row.getTimestamp(2).toLocalDateTime());
                },
                Timestamp.valueOf(LocalDateTime.now()));
        return locked;
    }

    /** Ends an account's lock and forgets its failures, as a successful login does (an ADMIN's decision). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void unlock(String username) {
        db.update("delete from login_failure where username = ?", key(username));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        db.update(
                "delete from login_failure where username = ?",
                key(event.getAuthentication().getName()));
    }
}
