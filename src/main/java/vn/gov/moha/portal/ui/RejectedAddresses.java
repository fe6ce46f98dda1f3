package vn.gov.moha.portal.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * An address Spring Security's firewall refuses ({@code /reports/1;DROP}, {@code /assignments//1}, encoded
 * slashes...) gets 400 and the portal's own page; Spring Security finds this handler as the one bean of its type.
 */
@Component
class RejectedAddresses implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedAddresses.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
            throws IOException {
        log.debug("Refused address from {}: {}", request.getRemoteAddr(), refused.getMessage());
        ErrorPage.write(request, response, HttpServletResponse.SC_BAD_REQUEST, null, null);
    }
}
