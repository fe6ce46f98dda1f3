package vn.gov.moha.portal.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The mail sender of every {@code @PortalTest} context: {@code spring.mail.host=127.0.0.1}
 * (application-test.properties) on a port that was free when the test JVM started. Nothing listens there unless a
 * test starts GreenMail on {@link #SMTP_PORT} (NotificationMailTest); the other tests never send the outbox
 * ({@code portal.notify.mail.cron=-}). A bean, not a {@code @DynamicPropertySource}, so that it is one context for
 * all. Not a {@code @Configuration}: only the {@code @Import} of PortalTest makes it a bean.
 */
public class TestMail {

    public static final int SMTP_PORT = freePort();

    @Bean
    static DynamicPropertyRegistrar smtpPort() {
        return registry -> registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
