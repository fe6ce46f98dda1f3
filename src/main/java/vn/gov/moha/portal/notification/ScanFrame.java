package vn.gov.moha.portal.notification;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.calendar.WorkingDays;

/**
 * What the scheduled due-date scans ({@link DeadlineScanner}, {@link AdhocReminders}) share around their own
 * query and texts: the scheduled run and its log line, how far ahead a scan looks, which "N working days before"
 * notice a due date has reached, and writing each person's notice once. Each notice is written in its own
 * transaction after one statement has left out those already there; the unique key (recipient, event key) makes
 * a twin scan on another node, or a second run, skip the rest.
 */
@Component
class ScanFrame {

    /** One person's notice. */
    record Notice(long person, Notifier.Message message) {}

    private final WorkingDays workingDays;
    private final NotificationStore store;
    private final Notifier notifier;

    ScanFrame(WorkingDays workingDays, NotificationStore store, Notifier notifier) {
        this.workingDays = workingDays;
        this.store = store;
        this.notifier = notifier;
    }

    /** Runs a scan for today, as the scheduler does (each scan holds its own lock), and logs what it did. */
    static void run(Logger log, String what, Supplier<DeadlineScanner.Result> scan) {
        DeadlineScanner.Result r = scan.get();
        log.info("{}: {} notifications written, {} already there", what, r.created(), r.alreadyThere());
    }

    /** The last due date a scan today needs: {@code days} (ascending) working days ahead at most. */
    LocalDate horizon(LocalDate today, List<Integer> days) {
        return days.isEmpty() ? today : workingDays.addWorkingDays(today, days.get(days.size() - 1));
    }

    int workingDaysLeft(LocalDate today, LocalDate due) {
        return workingDays.workingDaysBetween(today, due);
    }

    /** The nearest N of {@code days} (ascending) that {@code left} working days have reached; null when none. */
    static @Nullable Integer reached(int left, List<Integer> days) {
        return days.stream().filter(n -> left <= n).findFirst().orElse(null);
    }

    /** Writes each notice not written before; counts the new ones and those already there. */
    DeadlineScanner.Result write(Collection<Notice> notices) {
        Set<String> keys = new HashSet<>();
        notices.forEach(n -> keys.add(n.message().eventKey()));
        Set<String> written = store.existing(keys); // a scan that finds nothing new writes nothing
        int created = 0;
        int there = 0;
        for (Notice n : notices) {
            if (!written.contains(NotificationStore.personEvent(
                            n.person(), n.message().eventKey()))
                    && notifier.notifyOneAlone(n.person(), n.message())) {
                created++;
            } else {
                there++;
            }
        }
        return new DeadlineScanner.Result(created, there);
    }
}
