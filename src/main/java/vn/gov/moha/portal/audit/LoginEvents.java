package vn.gov.moha.portal.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.security.DirectoryAccountEvent;
import vn.gov.moha.portal.security.LoginEvent;

/**
 * Refused logins and locks in the event log, so the administrator sees them, not only the server log: under the
 * name that was tried (role ANONYMOUS, nobody being logged in), with the address and the cause in the details.
 * Written in the transaction that counts the failure, so the count and the entry are kept together.
 */
@Component
class LoginEvents {

    static final String ANONYMOUS = "ANONYMOUS";

    private final EventLog log;

    LoginEvents(EventLog log) {
        this.log = log;
    }

    @EventListener
    @Transactional
    public void record(LoginEvent event) {
        log.append(actor(event.username()), ANONYMOUS, event.action(), "LOGIN", null, null, null, event.details());
    }

    /** A directory sign-in that created the person's account here or moved it to the directory's role or unit. */
    @EventListener
    @Transactional
    public void record(DirectoryAccountEvent event) {
        log.append(
                actor(event.username()),
                event.roles(),
                event.action(),
                "USER",
                event.userId(),
                null,
                event.before(),
                event.after());
    }

    /** The name as tried, without control characters (it is typed by anyone), at most as long as a username. */
    static String actor(String username) {
        String clean =
                username == null ? "" : username.replaceAll("\\p{Cntrl}", "?").strip();
        return clean.isEmpty() ? "-" : clean.length() > 50 ? clean.substring(0, 50) : clean;
    }
}
