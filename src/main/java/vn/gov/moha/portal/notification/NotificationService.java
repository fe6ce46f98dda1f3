package vn.gov.moha.portal.notification;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.audit.EventLog;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.CurrentUser;

/**
 * The caller's own notifications and e-mail choices. Every method works on the logged-in person's rows
 * only: another person's notification id is treated as one that does not exist.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class NotificationService {

    public static final int MAX_PAGE = 200;

    private final NotificationStore store;
    private final CurrentUser currentUser;
    private final EventLog log;

    NotificationService(NotificationStore store, CurrentUser currentUser, EventLog log) {
        this.store = store;
        this.currentUser = currentUser;
        this.log = log;
    }

    public long unreadCount() {
        return store.countUnread(me());
    }

    public long count() {
        return store.count(me());
    }

    /** The caller's notifications, newest first. */
    public List<NotificationItem> page(int offset, int limit) {
        return store.page(me(), offset, Math.min(Math.max(1, limit), MAX_PAGE));
    }

    /**
     * Marks the caller's notification read and returns the screen it points to; empty when the id is
     * not one of the caller's (someone else's is refused like a missing one, and the attempt logged).
     */
    @Transactional
    public Optional<String> open(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        String target = store.markRead(me(), id, LocalDateTime.now());
        if (target == null) {
            log.recordRefusal("NOTIFICATION", id, null, "notification.error.notFound");
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /** Marks all the caller's notifications read; returns how many were unread. */
    @Transactional
    public int markAllRead() {
        return store.markAllRead(me(), LocalDateTime.now());
    }

    /** Per kind, whether the caller gets it by e-mail too (in the portal it always appears). */
    public Map<NotificationKind, Boolean> emailChoices() {
        return store.emailChoices(me());
    }

    /** Saves the caller's e-mail choices; kinds left out keep their choice. */
    @Transactional
    public void saveEmailChoices(Map<NotificationKind, Boolean> choices) {
        if (choices == null || choices.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw InvalidInputException.of("choices", "error.required");
        }
        long me = me();
        choices.forEach((kind, email) -> store.saveEmailChoice(me, kind, email));
    }

    /** The address the caller's e-mails go to; blank when they have none. */
    public String emailAddress() {
        return store.email(me());
    }

    private long me() {
        return currentUser.require().id();
    }
}
