package vn.gov.moha.portal.generator;

import static vn.gov.moha.portal.generator.Sql.NO_LONG;
import static vn.gov.moha.portal.generator.Sql.NO_TEXT;
import static vn.gov.moha.portal.generator.Sql.NO_TIME;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import vn.gov.moha.portal.generator.EventChain.Event;
import vn.gov.moha.portal.generator.Organisation.Person;
import vn.gov.moha.portal.generator.Plan.PlannedAssignment;

/**
 * A unit head's request for more time, decided by the task's leader two days later; an approval moves the
 * assignment's deadline. Pending when the run's end time comes first.
 */
final class ExtensionRows {

    private static final String REASON =
            "Cần thêm thời gian hoàn thiện hồ sơ, tổng hợp số liệu của các đơn vị " + "trực thuộc.";

    private final Organisation org;
    private final Plan plan;
    private final LocalDateTime until;

    ExtensionRows(Organisation org, Plan plan, LocalDateTime until) {
        this.org = org;
        this.plan = plan;
        this.until = until;
    }

    void add(PlannedAssignment a, LocalDate monday, WeekBatch b) {
        if (!a.unit.validOn(monday) || finishedBefore(a, monday)) {
            return;
        }
        LocalDateTime asked = monday.plusDays(2).atTime(10, 0);
        if (asked.isAfter(until)) {
            return;
        }
        Person head = org.head(a.unit);
        LocalDate wanted = a.deadline.plusDays(a.profile.extensionDays());
        long id = b.next("extension_request");
        b.event(new Event(
                asked,
                head,
                "EXTENSION_ASK",
                "EXTENSION",
                id,
                a.id,
                "deadline=" + a.deadline,
                "deadline=" + wanted + "; reason=" + REASON));
        LocalDateTime decided = monday.plusDays(4).atTime(15, 0);
        Person leader = a.task.leader();
        if (decided.isAfter(until)) {
            b.add(
                    "extension_request",
                    id,
                    0,
                    a.id,
                    a.deadline,
                    wanted,
                    REASON,
                    "PENDING",
                    head.id(),
                    asked,
                    NO_LONG,
                    NO_TIME,
                    NO_TEXT);
            return;
        }
        boolean approved = a.profile.extensionApproved();
        String comment = approved ? "Đồng ý gia hạn." : "Không gia hạn; đề nghị tập trung hoàn thành đúng hạn.";
        b.add(
                "extension_request",
                id,
                1,
                a.id,
                a.deadline,
                wanted,
                REASON,
                approved ? "APPROVED" : "REJECTED",
                head.id(),
                asked,
                leader.id(),
                decided,
                comment);
        if (approved) {
            b.add("deadline_change", b.next("deadline_change"), a.id, a.deadline, wanted, REASON, leader.id(), decided);
            b.deadline(a.id, wanted);
        }
        b.event(new Event(
                decided,
                leader,
                approved ? "EXTENSION_APPROVE" : "EXTENSION_REJECT",
                "EXTENSION",
                id,
                a.id,
                "deadline=" + a.deadline,
                "deadline=" + (approved ? wanted : a.deadline) + "; comment=" + comment));
    }

    /** Whether the assignment's last report before this week already said 100 %. */
    private boolean finishedBefore(PlannedAssignment a, LocalDate monday) {
        int last = -1;
        for (int chunk = a.createdChunk; chunk < DataGenerator.FIRST_MONDAY.until(monday, ChronoUnit.WEEKS); chunk++) {
            int n = plan.reportNumber(a, chunk);
            last = n >= 0 ? n : last;
        }
        return last >= 0 && plan.percent(a, last) == 100;
    }
}
