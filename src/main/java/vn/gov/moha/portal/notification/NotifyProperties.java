package vn.gov.moha.portal.notification;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When notices are given and how their e-mails are sent, {@code portal.notify.*}. The scans' times
 * ({@code scan-cron}, {@code mail.cron}) are read by their {@code @Scheduled} methods.
 *
 * @param deadlineDays working days before an assignment's deadline that give a notice, e.g. {@code 5,1}
 * @param reportDays   working days before a report's due date that give a reminder, e.g. {@code 3,1}
 */
@ConfigurationProperties("portal.notify")
record NotifyProperties(
        @DefaultValue({"5", "1"}) List<Integer> deadlineDays,
        @DefaultValue({"3", "1"}) List<Integer> reportDays,
        @DefaultValue Mail mail) {

    /** The day counts are kept without negatives or repeats, smallest first. */
    NotifyProperties {
        deadlineDays = dayCounts(deadlineDays);
        reportDays = dayCounts(reportDays);
    }

    /**
     * @param maxAttempts sends tried before an e-mail is given up
     * @param firstRetry  the wait before the second try; each later wait is twice the last, up to {@code maxRetry}
     */
    record Mail(
            @DefaultValue("Cong dieu hanh Bo Noi vu <no-reply@noivu.example.vn>")
            String from,

            @DefaultValue("10") int maxAttempts,
            @DefaultValue("PT1M") Duration firstRetry,
            @DefaultValue("PT6H") Duration maxRetry) {}

    private static List<Integer> dayCounts(List<Integer> days) {
        return days.stream()
                .filter(Objects::nonNull)
                .filter(n -> n >= 0)
                .distinct()
                .sorted()
                .toList();
    }
}
