package vn.gov.moha.portal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.TokenAuthentication;
import vn.gov.moha.portal.user.ApiTokenService;

/**
 * The API's only way in: {@code Authorization: Bearer bnv_…}, checked at every call (so a revoked token, or one
 * whose owner was locked, stops at once). Then a read-only token may only read, each token is held to its calls
 * per minute, and the call is written to the event log with the token's name once it has been answered (all but
 * the calls refused for going over the limit).
 */
final class TokenFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokenService tokens;
    private final EventLog log;
    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final Translations translations;
    private final SecurityContextHolderStrategy contexts;

    TokenFilter(
            ApiTokenService tokens,
            EventLog log,
            RateLimiter limiter,
            ObjectMapper json,
            Translations translations,
            SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.log = log;
        this.limiter = limiter;
        this.json = json;
        this.translations = translations;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TokenAuthentication> auth = tokens.authenticate(bearer(request));
        if (auth.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ApiProblems.write(request, response, json, translations, HttpStatus.UNAUTHORIZED, "api.error.token");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(auth.get());
        contexts.setContext(context);
        try {
            if (!READS.contains(request.getMethod()) && !auth.get().mayWrite()) {
                ApiProblems.write(request, response, json, translations, HttpStatus.FORBIDDEN, "api.error.readOnly");
            } else {
                long wait = limiter.secondsToWait(auth.get().tokenId());
                if (wait > 0) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
                    ApiProblems.write(
                            request, response, json, translations, HttpStatus.TOO_MANY_REQUESTS, "api.error.tooMany");
                    return; // not logged: a runaway script would fill the event log with its refused calls
                }
                chain.doFilter(request, response);
            }
            log.recordApiCall(request.getMethod(), request.getRequestURI(), response.getStatus());
        } finally {
            contexts.clearContext();
        }
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
