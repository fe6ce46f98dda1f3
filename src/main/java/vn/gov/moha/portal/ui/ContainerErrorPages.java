package vn.gov.moha.portal.ui;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat itself answers for a request it refuses before the portal sees it (an encoded "/../" or a NUL
 * byte in the address: 400), or when the error page itself fails: the portal's {@link ErrorPage} instead of
 * Tomcat's English "HTTP Status 400 – Bad Request". Replaces the host's error report valve, Spring Boot's included.
 */
@Component
@ConditionalOnClass(StandardHost.class)
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(PortalErrorReportValve.class.getName()); // so the host adds no other
            host.getPipeline().addValve(new PortalErrorReportValve());
        });
    }

    /** Tomcat's error report, written as the portal's page. */
    public static class PortalErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                ErrorPage.write(request, response, status, request.getDecodedRequestURI(), failure);
            } catch (IOException | IllegalStateException gone) {
                // the client went away, or the answer had begun: nothing more to write
            }
        }
    }
}
