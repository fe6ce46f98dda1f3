package vn.gov.moha.portal.directory;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.gov.moha.portal.security.DirectoryRefusal;
import vn.gov.moha.portal.security.DirectorySignIn;
import vn.gov.moha.portal.security.LoginEvent;
import vn.gov.moha.portal.security.LoginProtection;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.DirectoryAccounts;

/**
 * Signs in the directory's people, before the portal's own accounts are asked. A local account (the demo, the first
 * administrator) stays local: the directory is not asked for it, so it signs in when the directory is down, and a
 * directory entry of the same name cannot take it over. Anyone else the directory knows: held back as a local account
 * would be (LoginProtection), their password checked by the directory (a wrong one counts towards the lock), then
 * refused with a reason of its own if the directory has them disabled or in no group mapped to a role, else signed in
 * with the directory's role and unit.
 */
class LdapSignIn implements DirectorySignIn {

    private static final Logger log = LoggerFactory.getLogger(LdapSignIn.class);

    private final DirectoryProperties settings;
    private final LdapDirectory directory;
    private final DirectoryAccounts accounts;
    private final UnitService units;
    private final LoginProtection protection;
    private final ApplicationEventPublisher events;

    LdapSignIn(
            DirectoryProperties settings,
            LdapDirectory directory,
            DirectoryAccounts accounts,
            UnitService units,
            LoginProtection protection,
            ApplicationEventPublisher events) {
        this.settings = settings;
        this.directory = directory;
        this.accounts = accounts;
        this.units = units;
        this.protection = protection;
        this.events = events;
    }

    @Override
    public Optional<PortalUser> signIn(String typed, String password) {
        String username = DirectoryAccounts.username(typed);
        if (username == null) {
            return Optional.empty();
        }
        DirectoryAccounts.Kind kind = accounts.kind(username);
        if (kind == DirectoryAccounts.Kind.LOCAL) {
            return Optional.empty();
        }
        try {
            Optional<DirContextOperations> found = directory.find(username);
            if (found.isEmpty()) {
                if (kind == DirectoryAccounts.Kind.DIRECTORY) { // gone from the directory: no way in here either
                    throw new BadCredentialsException("Not in the directory any more");
                }
                return Optional.empty();
            }
            if (protection.isHeldBack(username)) {
                throw new LockedException("Held back after too many wrong passwords");
            }
            switch (directory.bind(found.get(), password)) {
                case WRONG_PASSWORD -> throw new BadCredentialsException("Wrong directory password");
                case DISABLED -> throw refusal(username, DirectoryRefusal.Reason.DISABLED, "DISABLED", "");
                case OK -> {}
            }
            LdapDirectory.Entry entry = directory.read(found.get(), username);
            if (entry.disabled()) {
                throw refusal(username, DirectoryRefusal.Reason.DISABLED, "DISABLED", "");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            entry.groups().forEach(group -> {
                Role role = settings.roles().get(group);
                if (role != null) {
                    roles.add(role);
                }
            });
            if (roles.isEmpty()) {
                throw refusal(username, DirectoryRefusal.Reason.NO_ROLE, "NO_ROLE", "; groups=" + entry.groups());
            }
            String unitCode = unitCode(entry);
            OrgUnit unit = units.byCode(unitCode).orElse(null);
            if (unit == null && roles.stream().anyMatch(Role::needsUnit)) {
                throw refusal(
                        username,
                        DirectoryRefusal.Reason.NO_ROLE,
                        "NO_UNIT",
                        "; unit=" + (unitCode == null ? "-" : unitCode));
            }
            return Optional.of(accounts.signIn(new DirectoryAccounts.Person(
                            username, clip(entry.fullName(), 150), clip(entry.email(), 254), roles, unit))
                    .orElseThrow(() -> refusal(username, DirectoryRefusal.Reason.DISABLED, "DISABLED", "")));
        } catch (LdapDirectory.Down down) {
            log.warn("Directory {} cannot be reached for {}: {}", settings.url(), username, down.getMessage());
            throw refusal(username, DirectoryRefusal.Reason.DOWN, "DIRECTORY_DOWN", "");
        }
    }

    private @Nullable String unitCode(LdapDirectory.Entry entry) {
        if (entry.unitAttributeValue() != null) {
            return entry.unitAttributeValue();
        }
        return entry.groups().stream()
                .map(group -> settings.unitGroups().get(group))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The refusal for the login form, in the event log under the name tried, as the local refusals are. */
    private DirectoryRefusal refusal(String username, DirectoryRefusal.Reason reason, String cause, String more) {
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : "";
        log.warn("Directory sign-in refused for '{}' from {}: {}{}", username, address, cause, more);
        events.publishEvent(
                new LoginEvent(LoginEvent.FAILED, username, "cause=" + cause + "; address=" + address + more));
        return new DirectoryRefusal(reason, "Directory sign-in refused: " + cause);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
