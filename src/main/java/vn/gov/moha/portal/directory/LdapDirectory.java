package vn.gov.moha.portal.directory;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.directory.DirContext;
import org.jspecify.annotations.Nullable;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;

/**
 * The directory itself, through Spring Security's LDAP support: finds a person with the portal's search account,
 * checks their password by binding as them, reads their groups and whether they are disabled. Every failure to reach
 * the directory is a {@link Down}.
 */
class LdapDirectory {

    /** The directory could not be asked (not reachable, too slow, or it refused the portal's search account). */
    static final class Down extends RuntimeException {
        Down(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Active Directory's answer to a disabled (533) or expired (701) account's bind. */
    private static final java.util.regex.Pattern AD_DISABLED = java.util.regex.Pattern.compile("data (533|701)");

    /** What a bind with the typed password said. */
    enum Bind {
        OK,
        WRONG_PASSWORD,
        DISABLED
    }

    /** A person as the directory keeps them. */
    record Entry(
            String dn,
            String fullName,
            String email,
            @Nullable String unitAttributeValue,
            Set<String> groups,
            boolean disabled) {}

    private final DirectoryProperties settings;
    private final LdapContextSource source;
    private final SpringSecurityLdapTemplate ldap;
    private final FilterBasedLdapUserSearch search;

    LdapDirectory(DirectoryProperties settings) {
        this.settings = settings;
        source = new LdapContextSource();
        source.setUrls(settings.url().split("\\s+"));
        source.setBase(settings.base());
        if (settings.bindDn().isBlank()) {
            source.setAnonymousReadOnly(true);
        } else {
            source.setUserDn(settings.bindDn());
            source.setPassword(settings.bindPassword());
        }
        source.setPooled(false); // a stopped and restarted directory leaves no dead pooled connection behind
        String millis = String.valueOf(settings.timeout().toMillis());
        Map<String, Object> env = new HashMap<>();
        env.put("com.sun.jndi.ldap.connect.timeout", millis);
        env.put("com.sun.jndi.ldap.read.timeout", millis);
        source.setBaseEnvironmentProperties(env);
        source.afterPropertiesSet();
        ldap = new SpringSecurityLdapTemplate(source);
        ldap.setIgnorePartialResultException(true); // AD's referrals at the domain's root
        search = new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.userSearchFilter(), source);
    }

    /** The person with this name, or empty when the directory has nobody of that name (or several). */
    Optional<DirContextOperations> find(String username) {
        try {
            return Optional.of(search.searchForUser(username));
        } catch (UsernameNotFoundException | org.springframework.dao.IncorrectResultSizeDataAccessException none) {
            return Optional.empty();
        } catch (NamingException | org.springframework.dao.DataAccessException unreachable) {
            throw new Down(unreachable);
        }
    }

    /** Binds as the person with the typed password: the directory's own password check. */
    Bind bind(DirContextOperations person, String password) {
        if (password.isEmpty()) { // an empty password is an anonymous bind, which many directories let through
            return Bind.WRONG_PASSWORD;
        }
        DirContext context = null;
        try {
            context = source.getContext(person.getNameInNamespace(), password);
            return Bind.OK;
        } catch (AuthenticationException wrong) {
            String why = String.valueOf(wrong.getMessage());
            return AD_DISABLED.matcher(why).find() ? Bind.DISABLED : Bind.WRONG_PASSWORD;
        } catch (NamingException unreachable) {
            throw new Down(unreachable);
        } finally {
            LdapUtils.closeContext(context);
        }
    }

    /** Their name, e-mail, unit attribute, groups and whether the directory has them disabled. */
    Entry read(DirContextOperations person, String username) {
        String dn = person.getNameInNamespace();
        try {
            Set<String> groups = new TreeSet<>();
            for (String name : ldap.searchForSingleAttributeValues(
                    settings.groupSearchBase(),
                    settings.groupSearchFilter(),
                    new String[] {dn, username},
                    settings.groupNameAttribute())) {
                groups.add(name.strip().toLowerCase(Locale.ROOT));
            }
            boolean disabled = !settings.disabledFilter().isBlank()
                    && !ldap.searchForSingleAttributeValues(
                                    settings.userSearchBase(),
                                    "(&" + settings.userSearchFilter() + settings.disabledFilter() + ")",
                                    new String[] {username},
                                    "objectClass")
                            .isEmpty();
            String fullName = text(person.getStringAttribute(settings.fullNameAttribute()));
            String unit =
                    settings.unitAttribute().isBlank() ? "" : text(person.getStringAttribute(settings.unitAttribute()));
            return new Entry(
                    dn,
                    fullName.isEmpty() ? username : fullName,
                    text(person.getStringAttribute(settings.emailAttribute())),
                    unit.isEmpty() ? null : unit,
                    groups,
                    disabled);
        } catch (NamingException | org.springframework.dao.DataAccessException unreachable) {
            throw new Down(unreachable);
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
