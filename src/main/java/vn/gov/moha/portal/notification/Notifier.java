package vn.gov.moha.portal.notification;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.moha.portal.i18n.Translations;

/**
 * Writes notifications in the caller's transaction: one per person and event, and with it the
 * e-mail (Vietnamese, with a link to the portal) for those who want this kind by e-mail.
 */
@Component
class Notifier {

    /** What to tell: the kind, the event it is about (unique per person), the text and the screen to open. */
    record Message(NotificationKind kind, String eventKey, String messageKey, List<String> params, String target) {}

    private final NotificationStore store;
    private final Translations translations;
    private final String baseUrl;
    private final TransactionTemplate ownTransaction;

    Notifier(
            NotificationStore store,
            Translations translations,
            PlatformTransactionManager transactions,
            LinkProperties links) {
        this.store = store;
        this.translations = translations;
        this.baseUrl = links.baseUrl().replaceAll("/+$", "");
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * For the scheduled scans: one notification (and its e-mail) in a transaction of its own; false when it was
     * already there, also when a concurrent scan (another node) wrote it first and the unique key
     * (recipient_id, event_key) refused the twin.
     */
    boolean notifyOneAlone(long recipient, Message message) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(tx -> notifyOne(recipient, message)));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            return false;
        }
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
        if (!store.insertIfAbsent(
                recipient, m.kind(), m.eventKey(), m.messageKey(), m.params(), m.target(), LocalDateTime.now())) {
            return false;
        }
        String text = translations.getTranslation(
                m.messageKey(), Translations.VIETNAMESE, m.params().toArray());
        String subject = translations.getTranslation("notification.mail.subject", Translations.VIETNAMESE, text);
        String body = translations.getTranslation(
                "notification.mail.body",
                Translations.VIETNAMESE,
                text,
                baseUrl + "/" + (m.target() == null ? "" : m.target()),
                baseUrl + "/notifications/settings");
        store.queueMail(recipient, m.eventKey(), subject, body);
        return true;
    }
}
