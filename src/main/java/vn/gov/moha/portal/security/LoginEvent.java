package vn.gov.moha.portal.security;

/**
 * A refused login, or an account or address locked after too many of them, for the event log the administrator
 * reads (the audit package writes it down). {@code username} is the name that was tried, {@code details} says
 * from which address and why, as "key=value; ..." (see {@link LoginProtection}).
 */
public record LoginEvent(String action, String username, String details) {

    public static final String FAILED = "LOGIN_FAILED";
    public static final String LOCKED = "LOGIN_LOCKED";
    public static final String ADDRESS_HELD = "LOGIN_ADDRESS_HELD";
}
