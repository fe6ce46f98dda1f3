package vn.gov.moha.portal.notification;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails waiting in {@code notification_outbox}, apart from the user's action (which only
 * wrote the row). A row is claimed by a conditional update from PENDING to SENDING; only the sender
 * whose update changed the row sends it, so two nodes never send one e-mail twice. A failure is kept
 * (attempts, last_error) and retried later, each wait twice the last, up to a number of attempts.
 * Without {@code spring.mail.host} there is no mail sender: e-mails stay in the outbox.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetry;
    /** A row left in SENDING this long (its node stopped mid-send) is offered again. */
    private final Duration stale = Duration.ofMinutes(10);

    OutboxSender(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mail, NotifyProperties notify) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.from = notify.mail().from();
        this.maxAttempts = notify.mail().maxAttempts();
        this.firstRetry = notify.mail().firstRetry();
        this.maxRetry = notify.mail().maxRetry();
        if (mail.getIfAvailable() == null) {
            log.info("E-mail is off: no spring.mail.host configured, notification e-mails stay in the outbox");
        }
    }

    @Scheduled(cron = "${portal.notify.mail.cron:*/30 * * * * *}")
    @SchedulerLock(name = "outbox-send", lockAtLeastFor = "PT10S")
    void scheduledSend() {
        sendDue(LocalDateTime.now());
    }

    /** Sends what is due at {@code now}; returns how many were sent. Nothing without a mail sender. */
    int sendDue(LocalDateTime now) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        jdbc.update(
                "update notification_outbox set status = 'PENDING' where status = 'SENDING' and claimed_at < ?",
                Timestamp.valueOf(now.minus(stale)));
        List<Long> due = jdbc.queryForList(
                "select id from notification_outbox where status = 'PENDING' "
                        + "and next_attempt_at <= ? order by id fetch first 100 rows only",
                Long.class,
                Timestamp.valueOf(now));
        int sent = 0;
        for (Long id : due) {
            if (claim(id, now) && send(sender, id, now)) {
                sent++;
            }
        }
        return sent;
    }

    /** True when this sender moved the row to SENDING (and so owns it). */
    private boolean claim(long id, LocalDateTime now) {
        return jdbc.update(
                        "update notification_outbox set status = 'SENDING', claimed_at = ?, attempts = attempts + 1 "
                                + "where id = ? and status = 'PENDING' and next_attempt_at <= ?",
                        Timestamp.valueOf(now),
                        id,
                        Timestamp.valueOf(now))
                == 1;
    }

    private boolean send(JavaMailSender sender, long id, LocalDateTime now) {
        Map<String, Object> row = jdbc.queryForMap(
                "select recipient_email, subject, body, attempts " + "from notification_outbox where id = ?", id);
        int attempts = ((Number) row.get("attempts")).intValue();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo((String) row.get("recipient_email"));
            helper.setSubject((String) row.get("subject"));
            helper.setText((String) row.get("body"));
            sender.send(message);
            jdbc.update(
                    "update notification_outbox set status = 'SENT', sent_at = ?, last_error = null where id = ?",
                    Timestamp.valueOf(LocalDateTime.now()),
                    id);
            return true;
        } catch (Exception e) {
            String error = (e.getClass().getSimpleName() + ": " + e.getMessage()).replace('\u0000', ' ');
            boolean giveUp = attempts >= maxAttempts;
            Duration wait = backoff(attempts);
            jdbc.update(
                    "update notification_outbox set status = ?, next_attempt_at = ?, last_error = ? where id = ?",
                    giveUp ? "FAILED" : "PENDING",
                    Timestamp.valueOf(now.plus(wait)),
                    error.length() > 1000 ? error.substring(0, 1000) : error,
                    id);
            log.warn(
                    "E-mail {} to {} failed (attempt {} of {}){}: {}",
                    id,
                    row.get("recipient_email"),
                    attempts,
                    maxAttempts,
                    giveUp ? ", giving up" : ", retry in " + wait,
                    error);
            return false;
        }
    }

    /** The wait after the n-th failed attempt: the first retry, doubled each time, at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
