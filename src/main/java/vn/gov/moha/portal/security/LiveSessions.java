package vn.gov.moha.portal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** Ends every live session of a person, for example when an administrator locks their account. */
@Component
public class LiveSessions {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);

    private final SessionRegistry registry;

    LiveSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    public int endAllOf(String username) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof PortalUser user && user.getUsername().equals(username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        if (ended > 0) {
            log.info("Ended {} live session(s) of {}", ended, username);
        }
        return ended;
    }
}
