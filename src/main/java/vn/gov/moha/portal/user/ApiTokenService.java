package vn.gov.moha.portal.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.Problems;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.security.TokenAuthentication;

/**
 * Personal access tokens for the REST API: a person creates, lists and revokes their own; an ADMIN lists and
 * revokes anyone's. A token is {@code bnv_} and 43 random URL-safe characters (256 bits); only its SHA-256 is
 * stored. {@link #authenticate} is the API's check at every call: the token must be known, not revoked, not
 * expired, and its owner's account enabled and in a unit that has not ended.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ApiTokenService {

    public static final String PREFIX = "bnv_";
    public static final int MAX_NAME = 100;
    /** A token lives at most a year (issue 19). */
    public static final int MAX_DAYS = 366;
    /** A person keeps at most this many tokens that are not revoked. */
    public static final int MAX_TOKENS = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final CurrentUser currentUser;
    private final EventLog log;

    ApiTokenService(ApiTokenRepository tokens, AppUserRepository users, CurrentUser currentUser, EventLog log) {
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.log = log;
    }

    /** A token just created and its secret, which is shown this once and never again. */
    public record Created(ApiToken token, String secret) {}

    /** Creates a token for the caller's own account; the secret is only in the answer. */
    @Transactional
    public Created create(@Nullable String name, @Nullable LocalDate expiresOn, ApiToken.@Nullable Scope scope) {
        PortalUser me = currentUser.require();
        AppUser owner = users.findById(me.id()).orElseThrow(() -> InvalidInputException.of("name", "error.notFound"));
        LocalDate today = LocalDate.now();
        Problems problems = new Problems().requireText("name", name, MAX_NAME);
        if (expiresOn == null) {
            problems.add("expiresOn", "error.required");
        } else if (!expiresOn.isAfter(today) || expiresOn.isAfter(today.plusYears(1))) {
            problems.add("expiresOn", "token.error.expiry");
        }
        if (scope == null) {
            problems.add("scope", "error.required");
        }
        if (tokens.countUnrevokedOf(me.id()) >= MAX_TOKENS) {
            problems.add("name", "token.error.tooMany", MAX_TOKENS);
        }
        problems.throwIfAny();
        String secret = PREFIX + randomPart();
        ApiToken token = tokens.save(new ApiToken(
                owner, name.strip(), hash(secret), secret.substring(0, 8), scope, LocalDateTime.now(), expiresOn));
        log.record("TOKEN_CREATE", "API_TOKEN", token.getId(), null, null, describe(token));
        return new Created(token, secret);
    }

    /** The caller's own tokens, newest first, revoked ones too (they show when and by whom). */
    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return tokens.findOfUser(currentUser.require().id());
    }

    /** Every person's tokens, with their owner, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiToken> all() {
        return tokens.findAllWithUser();
    }

    /** Revokes one of the caller's own tokens, or, for an ADMIN, anyone's; at once, for the next call. */
    @Transactional
    public void revoke(Long tokenId) {
        PortalUser me = currentUser.require();
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> me.has(Role.ADMIN) || t.getUser().getId().equals(me.id()))
                .orElseThrow(() -> InvalidInputException.of("token", "error.notFound"));
        if (token.getRevokedAt() == null) {
            token.revoke(LocalDateTime.now(), me.getUsername());
            log.record(
                    "TOKEN_REVOKE", "API_TOKEN", token.getId(), null, describe(token), "revokedBy=" + me.getUsername());
        }
    }

    /**
     * The API's check of a bearer token, with nobody logged in yet: the authentication to act with, or empty
     * when the token is unknown, revoked or expired, or its owner's account is disabled or its unit has ended.
     * Notes the token's last use.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public Optional<TokenAuthentication> authenticate(@Nullable String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now();
        Optional<ApiToken> found = tokens.findByHash(hash(secret))
                .filter(t -> t.isActiveOn(today))
                .filter(t -> t.getUser().isEnabled())
                .filter(t ->
                        t.getUser().getUnit() == null || t.getUser().getUnit().isValidOn(today));
        found.ifPresent(t -> tokens.touch(t.getId(), LocalDateTime.now()));
        return found.map(t -> new TokenAuthentication(
                principal(t.getUser()), t.getId(), t.getName(), t.getScope() == ApiToken.Scope.READ_WRITE));
    }

    private static PortalUser principal(AppUser user) {
        return new PortalUser(
                user.getId(),
                user.getUsername(),
                "",
                true,
                user.getFullName(),
                user.getUnit() == null ? null : user.getUnit().getId(),
                user.getUnit() == null ? null : user.getUnit().getNameVi(),
                user.getRoles());
    }

    private static String describe(ApiToken token) {
        return "name=" + token.getName() + "; scope=" + token.getScope() + "; expiresOn=" + token.getExpiresOn()
                + "; owner=" + token.getUser().getUsername();
    }

    private static String randomPart() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
