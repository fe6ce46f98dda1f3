package vn.gov.moha.portal.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.BaseEntity;

/**
 * A personal access token for the REST API: its owner, name, scope and expiry. Only the SHA-256 of the
 * secret is kept (the secret is shown once, when created), and its first characters to tell tokens apart.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends BaseEntity {

    /** What a token may do: read only, or read and write (still only what its owner's roles allow). */
    public enum Scope {
        READ,
        READ_WRITE;

        public String translationKey() {
            return "token.scope." + name();
        }
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private AppUser user;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "shown_prefix", nullable = false, length = 12)
    private String shownPrefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Scope scope;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Column(name = "last_used_at")
    private @Nullable LocalDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable LocalDateTime revokedAt;

    @Column(name = "revoked_by", length = 50)
    private @Nullable String revokedBy;

    protected ApiToken() {}

    ApiToken(
            AppUser user,
            String name,
            String tokenHash,
            String shownPrefix,
            Scope scope,
            LocalDateTime createdAt,
            LocalDate expiresOn) {
        this.user = user;
        this.name = name;
        this.tokenHash = tokenHash;
        this.shownPrefix = shownPrefix;
        this.scope = scope;
        this.createdAt = createdAt;
        this.expiresOn = expiresOn;
    }

    public AppUser getUser() {
        return user;
    }

    public String getName() {
        return name;
    }

    String getTokenHash() {
        return tokenHash;
    }

    /** The secret's first characters ("bnv_3kF9…"), enough to tell tokens apart, too few to guess the rest. */
    public String getShownPrefix() {
        return shownPrefix;
    }

    public Scope getScope() {
        return scope;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public @Nullable LocalDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    public @Nullable LocalDateTime getRevokedAt() {
        return revokedAt;
    }

    public @Nullable String getRevokedBy() {
        return revokedBy;
    }

    void revoke(LocalDateTime at, String by) {
        this.revokedAt = at;
        this.revokedBy = by;
    }

    /** Usable on {@code today}: not revoked, and not past its last day. */
    public boolean isActiveOn(LocalDate today) {
        return revokedAt == null && !today.isAfter(expiresOn);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ApiToken other && sameId(this, other);
    }

    @Override
    public int hashCode() {
        return ApiToken.class.hashCode();
    }
}
