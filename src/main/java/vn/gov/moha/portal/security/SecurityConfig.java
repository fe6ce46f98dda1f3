package vn.gov.moha.portal.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Web security through Vaadin's configurer (views are checked by their annotations), and method
 * security so that every service call is checked again, whatever screen it comes from.
 */
@Configuration
@EnableMethodSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
public class SecurityConfig {

    /**
     * What the browser may load: only this site; inline scripts and styles because Vaadin's
     * bootstrap and Lumo use them, and eval because Vaadin's client runs the server's JavaScript
     * calls that way (without it the login screen does not even appear, checked in Chromium in
     * production mode); no plugins, no framing by other sites, no foreign base URL.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                    + "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                    + "form-action 'self'";

    /** The web part, only with a web server: the data generator (README "Dữ liệu lớn") runs without one. */
    @Configuration
    @EnableWebSecurity
    @ConditionalOnWebApplication
    static class Web {

        @Bean
        SecurityFilterChain securityFilterChain(
                HttpSecurity http, SessionRegistry sessionRegistry, RequestUtil vaadinRequests) throws Exception {
            http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny()));
            // every live session is known, so locking a user can end theirs at once
            http.sessionManagement(sessions -> sessions.maximumSessions(-1)
                    .sessionRegistry(sessionRegistry)
                    .expiredUrl("/login"));
            // the portal's error page (ui/ErrorPage) answers errors for everyone, logged in or not: it shows nothing
            // the REST API's OpenAPI document and its page are public: they describe the API, the API itself takes a
            // token (api.ApiSecurity, its own filter chain for /api/**)
            http.authorizeHttpRequests(auth -> auth.requestMatchers(
                            "/images/**", "/icons/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                    .permitAll()
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll());
            // Spring's CSRF check on every form post, the login form's too (Vaadin's configurer would exempt it, so
            // another site could log a visitor in under an account of its choosing); only Vaadin's own requests
            // are exempt, as they carry Vaadin's own token. The login form posts the token of the page's _csrf meta
            // tags.
            http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
            return http.with(
                            VaadinSecurityConfigurer.vaadin(),
                            configurer -> configurer.loginView(LoginView.class).enableCsrfConfiguration(false))
                    .build();
        }
    }

    /**
     * The login check: the ministry's directory first, when it is set up ({@link DirectorySignIn}, only for names
     * that are not local accounts), then the portal's own accounts. A refused local account (locked after wrong
     * passwords, its address held back, or disabled) is refused only after the same bcrypt work a password check
     * costs: Spring's own check refuses it at once, in a few milliseconds against some 80 for a wrong password or an
     * unknown name, and so tells that the name exists. One provider bean, so Spring Security uses it alone.
     */
    @Bean
    AuthenticationProvider loginCheck(
            UserDetailsService accounts, PasswordEncoder passwordEncoder, ObjectProvider<DirectorySignIn> directory) {
        DaoAuthenticationProvider local = new DaoAuthenticationProvider(accounts);
        local.setPasswordEncoder(passwordEncoder);
        UserDetailsChecker stock = new AccountStatusUserDetailsChecker();
        local.setPreAuthenticationChecks(account -> {
            try {
                stock.check(account);
            } catch (AccountStatusException refused) {
                passwordEncoder.matches("", account.getPassword());
                throw refused;
            }
        });
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                DirectorySignIn ldap = directory.getIfAvailable();
                if (ldap != null) {
                    Object password = attempt.getCredentials();
                    Optional<PortalUser> person =
                            ldap.signIn(attempt.getName(), password == null ? "" : password.toString());
                    if (person.isPresent()) {
                        return UsernamePasswordAuthenticationToken.authenticated(
                                person.get(), null, person.get().getAuthorities());
                    }
                }
                return local.authenticate(attempt);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return local.supports(authentication);
            }
        };
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when a session ends, so it does not keep dead sessions. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** bcrypt by default; hashes carry their algorithm ({bcrypt}...) so it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
