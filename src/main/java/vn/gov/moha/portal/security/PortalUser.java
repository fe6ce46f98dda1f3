package vn.gov.moha.portal.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person as Spring Security keeps them in the session: who they are, their unit and
 * roles. A plain value, so the security package does not depend on how users are stored. The
 * password hash is erased once the login has been checked.
 */
public final class PortalUser implements UserDetails, CredentialsContainer {

    private final Long id;
    private final String username;
    private String passwordHash;
    private final boolean enabled;
    private final String fullName;
    private final Long unitId;
    private final String unitName;
    private final Set<Role> roles;
    private final boolean locked;

    public PortalUser(
            Long id,
            String username,
            String passwordHash,
            boolean enabled,
            String fullName,
            Long unitId,
            String unitName,
            Set<Role> roles) {
        this(id, username, passwordHash, enabled, false, fullName, unitId, unitName, roles);
    }

    public PortalUser(
            Long id,
            String username,
            String passwordHash,
            boolean enabled,
            boolean locked,
            String fullName,
            Long unitId,
            String unitName,
            Set<Role> roles) {
        this.locked = locked;
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.fullName = fullName;
        this.unitId = unitId;
        this.unitName = unitName;
        this.roles = Set.copyOf(roles);
    }

    public Long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public Long unitId() {
        return unitId;
    }

    public String unitName() {
        return unitName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** Locked for a while after too many wrong passwords (see {@link LoginProtection}). */
    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortalUser other && username.equals(other.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "PortalUser[" + username + ", " + roles + "]";
    }
}
