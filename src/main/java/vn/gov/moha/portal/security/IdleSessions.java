package vn.gov.moha.portal.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends the login together with the Vaadin session. With {@code vaadin.closeIdleSessions=true}
 * Vaadin closes a session whose tab sent nothing but heartbeats for the servlet session timeout,
 * but it only drops its own part: the HTTP session, and with it the login, would live on and the
 * next page would open without a password. Invalidating the HTTP session here logs the person out.
 */
@Component
class IdleSessions implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(IdleSessions.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(e -> {
            WrappedSession http = e.getSession().getSession();
            if (http == null) {
                return;
            }
            try {
                String id = http.getId();
                http.invalidate();
                log.debug(
                        "Vaadin session closed; HTTP session {}... ended with it",
                        id.substring(0, Math.min(6, id.length())));
            } catch (IllegalStateException alreadyEnded) {
                // a logout or the HTTP session's own timeout closed the Vaadin session: nothing left to end
            }
        });
    }
}
