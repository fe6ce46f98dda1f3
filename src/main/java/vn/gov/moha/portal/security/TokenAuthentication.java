package vn.gov.moha.portal.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A REST API call authenticated by a personal access token: the token's owner as {@link PortalUser} (so every
 * service checks the same roles, unit and rules as for a screen), and which token it was, for the event log
 * and for the scope check (a read-only token may not write).
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final PortalUser user;
    private final long tokenId;
    private final String tokenName;
    private final boolean mayWrite;

    public TokenAuthentication(PortalUser user, long tokenId, String tokenName, boolean mayWrite) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        this.tokenName = tokenName;
        this.mayWrite = mayWrite;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PortalUser getPrincipal() {
        return user;
    }

    public long tokenId() {
        return tokenId;
    }

    public String tokenName() {
        return tokenName;
    }

    public boolean mayWrite() {
        return mayWrite;
    }
}
