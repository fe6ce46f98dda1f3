package vn.gov.moha.portal.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.common.TextRules;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.LiveSessions;
import vn.gov.moha.portal.security.LoginProtection;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;

/** User accounts: only ADMIN lists and changes them; every rule is checked here, not only on screen. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class UserService {

    public static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes of a password (UTF-8: a Vietnamese letter with marks takes 2 or 3). */
    static final int MAX_PASSWORD_BYTES = 72;
    /** Checked on the name as typed, before lower-casing, so no letter turns into another (K into k). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,49}");

    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final AppUserRepository users;
    private final UnitService units;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final LiveSessions sessions;
    private final LoginProtection protection;
    private final EventLog events;

    UserService(
            AppUserRepository users,
            UnitService units,
            PasswordEncoder encoder,
            CurrentUser currentUser,
            LiveSessions sessions,
            LoginProtection protection,
            EventLog events) {
        this.sessions = sessions;
        this.protection = protection;
        this.events = events;
        this.users = users;
        this.units = units;
        this.encoder = encoder;
        this.currentUser = currentUser;
    }

    /** One page of users whose name, username, e-mail or unit matches the query, with or without diacritics. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AppUser> search(String query, int offset, int limit) {
        int size = Math.max(1, limit);
        return users.findBySearchTextContaining(
                SearchText.fold(query), PageRequest.of(offset / size, size, Sort.by("username")));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public long count(String query) {
        return users.countBySearchTextContaining(SearchText.fold(query));
    }

    /** The ministry's leaders who can be put in charge of a task. */
    public List<AppUser> leaders() {
        return users.findEnabledWithRole(Role.LEADER);
    }

    /**
     * The full names of these accounts by username, for the people an event log names (it keeps the username,
     * which never changes); names nobody has (e.g. "system") are left out.
     */
    public Map<String, String> fullNames(@Nullable Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (usernames != null && !usernames.isEmpty()) {
            users.fullNames(Set.copyOf(usernames)).forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }

    public Optional<AppUser> find(@Nullable Long id) {
        return id == null ? Optional.empty() : users.findById(id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public AppUser save(UserDraft draft) {
        boolean isNew = draft.id() == null;
        AppUser user = isNew
                ? null
                : users.findById(draft.id()).orElseThrow(() -> InvalidInputException.of("username", "error.notFound"));
        String username = isNew ? Problems.clean(draft.username()) : user.getUsername();
        Set<Role> roles = draft.roles() == null || draft.roles().isEmpty()
                ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(draft.roles());

        Problems problems = new Problems();
        if (isNew) {
            if (username == null) {
                problems.add("username", "error.required");
            } else if (!USERNAME.matcher(username).matches()) {
                problems.add("username", "user.error.usernameFormat");
            } else if (users.existsByUsername(normalise(username))) {
                problems.add("username", "user.error.usernameTaken");
            }
            checkPassword(problems, draft.password());
        }
        problems.requireText("fullName", draft.fullName(), 150).requireEmail("email", draft.email());
        if (roles.isEmpty()) {
            problems.add("roles", "user.error.rolesRequired");
        }
        OrgUnit unit = units.find(draft.unitId()).orElse(null);
        if (draft.unitId() != null && unit == null) {
            problems.add("unit", "error.notFound");
        } else if (unit == null && roles.stream().anyMatch(Role::needsUnit)) {
            problems.add("unit", "user.error.unitRequired");
        }
        if (!isNew && isMe(user) && (!draft.enabled() || !roles.contains(Role.ADMIN))) {
            problems.add("roles", "user.error.selfAdmin");
        }
        problems.throwIfAny();

        if (isNew) {
            user = new AppUser(
                    normalise(username),
                    draft.fullName().strip(),
                    draft.email().strip(),
                    encoder.encode(draft.password()));
        } else {
            user.setFullName(draft.fullName().strip());
            user.setEmail(draft.email().strip());
        }
        user.setUnit(unit);
        user.setRoles(roles);
        user.setEnabled(draft.enabled());
        AppUser saved = users.save(user);
        if (!isNew && !saved.isEnabled()) {
            sessions.endAllOf(saved.getUsername());
        }
        log.info(
                "User {} {} by {}: roles {}, unit {}, enabled {}",
                saved.getUsername(),
                isNew ? "created" : "changed",
                actor(),
                roles,
                unit == null ? "-" : unit.getCode(),
                saved.isEnabled());
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setEnabled(Long userId, boolean enabled) {
        AppUser user = users.findById(userId).orElseThrow(() -> InvalidInputException.of("user", "error.notFound"));
        if (!enabled && isMe(user)) {
            throw InvalidInputException.of("user", "user.error.selfAdmin");
        }
        user.setEnabled(enabled);
        log.info("User {} {} by {}", user.getUsername(), enabled ? "enabled" : "disabled", actor());
        if (!enabled) {
            sessions.endAllOf(user.getUsername());
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void resetPassword(Long userId, String newPassword) {
        Problems problems = new Problems();
        checkPassword(problems, newPassword);
        problems.throwIfAny();
        AppUser user = users.findById(userId).orElseThrow(() -> InvalidInputException.of("password", "error.notFound"));
        if (user.isDirectory()) { // its password is the directory's; a local one would be a second way in
            throw InvalidInputException.of("password", "user.error.directoryPassword");
        }
        user.setPasswordHash(encoder.encode(newPassword));
        log.info("Password of {} reset by {}", user.getUsername(), actor());
    }

    /** An account locked for now after too many wrong passwords, and when its lock ends by itself. */
    public record LockedAccount(AppUser user, LocalDateTime until) {}

    /** The accounts whose login is locked now (after too many wrong passwords), by username. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<LockedAccount> locked() {
        return protection.lockedAccounts().entrySet().stream()
                .flatMap(lock ->
                        users.findByUsername(lock.getKey()).map(u -> new LockedAccount(u, lock.getValue())).stream())
                .toList();
    }

    /**
     * Lifts an account's login lock before it ends by itself (its owner called, the administrator checked who it
     * was): the right password logs in at once and wrong ones count from zero. Kept in the event log.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void unlock(Long userId) {
        AppUser user = (userId == null ? Optional.<AppUser>empty() : users.findById(userId))
                .orElseThrow(() -> InvalidInputException.of("user", "error.notFound"));
        protection.unlock(user.getUsername());
        events.record("LOGIN_UNLOCK", "USER", user.getId(), null, null, "username=" + user.getUsername());
        log.info("Login lock of {} lifted by {}", user.getUsername(), actor());
    }

    /** A password is kept exactly as typed (spaces too), so it is checked but never trimmed. */
    private static void checkPassword(Problems problems, String password) {
        if (password == null || password.isEmpty()) {
            problems.add("password", "error.required");
        } else if (TextRules.problem(password, false) != null) {
            problems.add("password", TextRules.problem(password, false));
        } else if (password.length() < MIN_PASSWORD) {
            problems.add("password", "user.error.passwordShort");
        } else if (TextRules.isBlank(password)) {
            problems.add("password", "user.error.passwordInvalid");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add("password", "user.error.passwordLong", MAX_PASSWORD_BYTES);
        }
    }

    private boolean isMe(AppUser user) {
        return currentUser
                .get()
                .map(me -> me.getUsername().equals(user.getUsername()))
                .orElse(false);
    }

    private String actor() {
        return currentUser.get().map(u -> u.getUsername()).orElse("system");
    }

    static @Nullable String normalise(@Nullable String username) {
        String clean = Problems.clean(username);
        return clean == null ? null : clean.toLowerCase(Locale.ROOT);
    }
}
