package vn.gov.moha.portal.directory;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.gov.moha.portal.security.Role;

/**
 * The ministry's directory, {@code portal.ldap.*}: off while {@code url} is not set (the default). Examples for
 * OpenLDAP and Active Directory: README "Đăng nhập bằng danh bạ".
 *
 * @param url                ldap:// or ldaps:// address, several separated by spaces (tried in turn)
 * @param base               the directory's base, e.g. {@code dc=noivu,dc=gov,dc=vn}; the search bases are under it
 * @param bindDn             the account the portal searches with (full DN); anonymous when empty
 * @param bindPassword       its password
 * @param userSearchBase     where people are, under {@code base}, e.g. {@code ou=people}
 * @param userSearchFilter   finds a person by the name typed on the login form, {0}: {@code (uid={0})}, AD
 *                           {@code (sAMAccountName={0})}
 * @param groupSearchBase    where groups are, under {@code base}
 * @param groupSearchFilter  finds a person's groups, {0} their DN, {1} their name: {@code (member={0})}
 * @param groupNameAttribute the group's name that {@code roles} and {@code unitGroups} use, {@code cn}
 * @param roles              group name (any case) to the portal's role, e.g. {@code portal.ldap.roles.cong-quan-ly=MANAGER}
 * @param unitAttribute      the person's attribute holding their unit's code (e.g. SNV-68), e.g. {@code departmentNumber}
 * @param unitGroups         or: group name to a unit code, for directories that keep units as groups
 * @param disabledFilter     a disabled person matches it (with the user filter), e.g. {@code (pwdAccountLockedTime=*)};
 *                           AD refuses a disabled account's password itself, and its "data 533" answer is read too
 * @param fullNameAttribute  the person's full name, {@code cn} (AD: {@code displayName})
 * @param emailAttribute     their e-mail, {@code mail}
 * @param timeout            how long to wait for the directory before telling it cannot be reached
 */
@ConfigurationProperties("portal.ldap")
public record DirectoryProperties(
        @Nullable String url,
        @DefaultValue("") String base,
        @DefaultValue("") String bindDn,
        @DefaultValue("") String bindPassword,
        @DefaultValue("") String userSearchBase,
        @DefaultValue("(uid={0})") String userSearchFilter,
        @DefaultValue("") String groupSearchBase,
        @DefaultValue("(member={0})") String groupSearchFilter,
        @DefaultValue("cn") String groupNameAttribute,
        @Nullable Map<String, Role> roles,
        @DefaultValue("") String unitAttribute,
        @Nullable Map<String, String> unitGroups,
        @DefaultValue("") String disabledFilter,
        @DefaultValue("cn") String fullNameAttribute,
        @DefaultValue("mail") String emailAttribute,
        @DefaultValue("5s") Duration timeout) {

    /** Group names in lower case; a set URL needs a user filter with {0} and at least one group mapped to a role. */
    public DirectoryProperties {
        url = url == null || url.isBlank() ? null : url.strip();
        roles = lowerKeys(roles);
        unitGroups = lowerKeys(unitGroups);
        if (url != null) {
            if (!userSearchFilter.contains("{0}")) {
                throw new IllegalArgumentException("portal.ldap.user-search-filter must contain {0}, the name typed"
                        + " on the login form, e.g. (uid={0}) or (sAMAccountName={0})");
            }
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("portal.ldap.roles must map at least one directory group to a"
                        + " role, e.g. portal.ldap.roles.cong-quan-ly=MANAGER");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("portal.ldap.timeout must be positive");
            }
        }
    }

    public boolean enabled() {
        return url != null;
    }

    private static <V> Map<String, V> lowerKeys(@Nullable Map<String, V> map) {
        Map<String, V> lower = new TreeMap<>();
        if (map != null) {
            map.forEach((k, v) -> lower.put(k.strip().toLowerCase(Locale.ROOT), v));
        }
        return Map.copyOf(lower);
    }
}
