package vn.gov.moha.portal.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A directory sign-in refused for a reason the login form tells the person (their password was right, or the
 * directory could not be asked): the account is disabled in the directory, it is in no group the portal maps to a
 * role (or names no unit a unit role needs), or the directory cannot be reached.
 */
public class DirectoryRefusal extends AuthenticationException {

    public enum Reason {
        DISABLED,
        NO_ROLE,
        DOWN
    }

    private final Reason reason;

    public DirectoryRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The login form's text for it. */
    public String messageKey() {
        return "login.error.directory." + reason.name();
    }
}
