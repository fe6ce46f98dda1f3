package vn.gov.moha.portal.notification;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.i18n.Translations;

/**
 * Writes notifications in the caller's transaction: one per person and event, and with it the
 * e-mail (Vietnamese, with a link to the portal) for those who want this kind by e-mail.
 */
@Component
class Notifier {

    /** What to tell: the kind, the event it is about (unique per person), the text and the screen to open. */
    record Message(NotificationKind kind, String eventKey, String messageKey, List<String> params, String target) {
    }

    private final NotificationStore store;
    private final Translations translations;
    private final String baseUrl;

    Notifier(NotificationStore store, Translations translations,
             @Value("${portal.base-url:http://localhost:8080}") String baseUrl) {
        this.store = store;
        this.translations = translations;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Notifies each person once; returns how many notifications were new. */
    int notify(Collection<Long> recipients, Message message) {
        int created = 0;
        for (Long recipient : recipients) {
            if (notifyOne(recipient, message)) {
                created++;
            }
        }
        return created;
    }

    boolean notifyOne(long recipient, Message m) {
        if (!store.insertIfAbsent(recipient, m.kind(), m.eventKey(), m.messageKey(), m.params(), m.target(),
                LocalDateTime.now())) {
            return false;
        }
        String text = translations.getTranslation(m.messageKey(), Translations.VIETNAMESE, m.params().toArray());
        String subject = translations.getTranslation("notification.mail.subject", Translations.VIETNAMESE, text);
        String body = translations.getTranslation("notification.mail.body", Translations.VIETNAMESE, text,
                baseUrl + "/" + (m.target() == null ? "" : m.target()), baseUrl + "/notifications/settings");
        store.queueMail(recipient, m.eventKey(), subject, body);
        return true;
    }
}
