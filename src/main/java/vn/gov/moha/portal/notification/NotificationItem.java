package vn.gov.moha.portal.notification;

import java.time.LocalDateTime;
import java.util.List;

/** A notification as its reader sees it: the text is a message key and parameters, shown in the reader's language. */
public record NotificationItem(
        long id,
        NotificationKind kind,
        String messageKey,
        List<String> params,
        String target,
        LocalDateTime createdAt,
        boolean read) {

    public Object[] paramArray() {
        return params.toArray();
    }
}
