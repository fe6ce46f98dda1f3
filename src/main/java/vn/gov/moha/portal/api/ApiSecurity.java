package vn.gov.moha.portal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.user.ApiTokenService;

/**
 * The API's own filter chain, before Vaadin's (which takes every other address): stateless (no session, no cookie,
 * so no CSRF to guard against: a bearer token is never sent by a browser on its own), a personal access token at
 * every call ({@link TokenFilter}), CORS closed unless {@code portal.api.cors-origins} names sites, and refusals as
 * problem details.
 */
@Configuration
@ConditionalOnWebApplication
class ApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http,
            ApiTokenService tokens,
            EventLog log,
            ObjectMapper json,
            Translations translations,
            @Value("${portal.api.rate-limit:600}") int perMinute,
            @Value("${portal.api.cors-origins:}") List<String> corsOrigins)
            throws Exception {
        TokenFilter filter = new TokenFilter(
                tokens,
                log,
                new RateLimiter(perMinute, Clock.systemUTC()),
                json,
                translations,
                SecurityContextHolder.getContextHolderStrategy());
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(corsOrigins.stream().filter(o -> !o.isBlank()).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Accept-Language"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
        UrlBasedCorsConfigurationSource corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration("/api/**", cors);
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(c -> c.configurationSource(corsSource))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
                .addFilterBefore(filter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> ApiProblems.write(
                                request, response, json, translations, HttpStatus.UNAUTHORIZED, "api.error.token"))
                        .accessDeniedHandler((request, response, ex) -> ApiProblems.write(
                                request, response, json, translations, HttpStatus.FORBIDDEN, "api.error.role")));
        return http.build();
    }
}
