package vn.gov.moha.portal.directory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.gov.moha.portal.security.DirectorySignIn;
import vn.gov.moha.portal.security.LoginProtection;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.DirectoryAccounts;

/** The directory sign-in, only when {@code portal.ldap.url} is set; without it nothing changes. */
@Configuration
@ConditionalOnExpression("'${portal.ldap.url:}'.trim() != ''")
class DirectoryConfig {

    @Bean
    DirectorySignIn directorySignIn(
            DirectoryProperties settings,
            DirectoryAccounts accounts,
            UnitService units,
            LoginProtection protection,
            ApplicationEventPublisher events) {
        return new LdapSignIn(settings, new LdapDirectory(settings), accounts, units, protection, events);
    }
}
