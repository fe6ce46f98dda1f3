package vn.gov.moha.portal.user;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.security.DirectoryAccountEvent;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.OrgUnit;

/**
 * The accounts of people who sign in with the ministry's directory: created at their first sign-in, their role,
 * unit, name and e-mail set to the directory's at each one (a move to another unit is written to the event log).
 * Called only by the directory sign-in, after the directory has checked the password, before anybody is logged in:
 * so a component, like {@link FirstAdmin}, not a service a screen could call.
 */
@Component
public class DirectoryAccounts {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whose password a name is: nobody's yet, a local account's, or the directory's. */
    public enum Kind {
        NONE,
        LOCAL,
        DIRECTORY
    }

    /** A person as the directory gives them, their roles and unit already mapped to the portal's. */
    public record Person(
            String username,
            String fullName,
            String email,
            Set<Role> roles,
            @Nullable OrgUnit unit) {}

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    DirectoryAccounts(AppUserRepository users, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
    }

    /** The portal's username for a typed name (trimmed, lower case), or null when it cannot be one. */
    public static @Nullable String username(@Nullable String typed) {
        return UserService.normalise(typed);
    }

    @Transactional(readOnly = true)
    public Kind kind(String username) {
        return users.findByUsername(username)
                .map(u -> u.isDirectory() ? Kind.DIRECTORY : Kind.LOCAL)
                .orElse(Kind.NONE);
    }

    /**
     * The person signed in: their account created or brought in line with the directory. Empty when an ADMIN has
     * disabled the account here (the portal's own decision, which the directory does not undo).
     */
    @Transactional
    public java.util.Optional<PortalUser> signIn(Person person) {
        AppUser user = users.findByUsername(person.username()).orElse(null);
        boolean isNew = user == null;
        String before = null;
        if (isNew) {
            // no local password: a random one nobody knows, so the local check can never let the person in
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            user = new AppUser(
                    person.username(),
                    person.fullName(),
                    person.email(),
                    encoder.encode(Base64.getEncoder().encodeToString(secret)));
            user.setDirectory(true);
        } else {
            if (!user.isEnabled()) {
                return java.util.Optional.empty();
            }
            before = state(user.getUnit(), user.getRoles());
            user.setFullName(person.fullName());
            user.setEmail(person.email());
        }
        user.setUnit(person.unit());
        user.setRoles(person.roles());
        AppUser saved = users.save(user);
        String after = state(saved.getUnit(), saved.getRoles());
        String roles = saved.getRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        if (isNew) {
            events.publishEvent(new DirectoryAccountEvent(
                    DirectoryAccountEvent.CREATED, saved.getUsername(), saved.getId(), roles, null, after));
            log.info("Directory account {} created at first sign-in: {}", saved.getUsername(), after);
        } else if (!Objects.equals(before, after)) {
            events.publishEvent(new DirectoryAccountEvent(
                    DirectoryAccountEvent.CHANGED, saved.getUsername(), saved.getId(), roles, before, after));
            log.info("Directory account {} changed at sign-in: {} -> {}", saved.getUsername(), before, after);
        }
        OrgUnit unit = saved.getUnit();
        return java.util.Optional.of(new PortalUser(
                saved.getId(),
                saved.getUsername(),
                "",
                true,
                saved.getFullName(),
                unit == null ? null : unit.getId(),
                unit == null ? null : unit.getNameVi(),
                saved.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : saved.getRoles()));
    }

    private static String state(@Nullable OrgUnit unit, Set<Role> roles) {
        return "unit=" + (unit == null ? "-" : unit.getCode()) + "; role="
                + roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
