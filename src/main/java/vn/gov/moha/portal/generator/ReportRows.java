package vn.gov.moha.portal.generator;

import static vn.gov.moha.portal.generator.Sql.NO_DATE;
import static vn.gov.moha.portal.generator.Sql.NO_LONG;
import static vn.gov.moha.portal.generator.Sql.NO_TEXT;
import static vn.gov.moha.portal.generator.Sql.NO_TIME;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.gov.moha.portal.generator.EventChain.Event;
import vn.gov.moha.portal.generator.Organisation.Person;
import vn.gov.moha.portal.generator.Organisation.Unit;
import vn.gov.moha.portal.generator.Plan.Indicator;
import vn.gov.moha.portal.generator.Plan.PlannedAssignment;

/**
 * One weekly progress report and its life as far as the run's end time lets it go: saved on Monday with its
 * indicator values (sometimes with an evidence file), submitted on Tuesday, 5 % returned once by the unit
 * head and submitted again, approved step by step, and sometimes commented on by a coordinating unit.
 */
final class ReportRows {

    private static final String[] NARRATIVES = {
        "Đã triển khai kế hoạch của tuần; các phòng chuyên môn đang tổng hợp số liệu.",
        "Hoàn thành rà soát hồ sơ theo kế hoạch; đang lấy ý kiến các sở, ngành liên quan.",
        "Đã tổ chức hội nghị triển khai; một số đơn vị còn chậm gửi báo cáo.",
        "Tiếp tục thẩm định đề án; đã trình Ủy ban nhân dân xem xét.",
        "Đã cập nhật số liệu vào hệ thống; chờ xác nhận của các huyện.",
        "Đang hoàn thiện dự thảo văn bản; dự kiến ban hành trong tháng.",
        "Công việc đúng tiến độ; đã báo cáo lãnh đạo Sở.",
        "Vướng mắc về kinh phí; đã đề xuất bổ sung dự toán.",
    };
    private static final String[] RETURNS = {
        "Bổ sung số liệu kiểm chứng của các huyện.",
        "Đề nghị làm rõ nguyên nhân chậm tiến độ.",
        "Thiếu tài liệu kèm theo; đề nghị bổ sung.",
    };
    private static final String[] COMMENTS = {
        "Đã phối hợp cung cấp số liệu biên chế.",
        "Thống nhất với đề xuất của đơn vị chủ trì.",
        "Đề nghị bổ sung đánh giá tác động.",
    };

    private final RunParameters run;
    private final LocalDateTime until;
    private final Organisation org;
    private final Plan plan;
    private final EvidenceRows evidence;

    ReportRows(RunParameters run, Organisation org, Plan plan) {
        this.run = run;
        this.until = run.until();
        this.org = org;
        this.plan = plan;
        this.evidence = new EvidenceRows(run.seed());
    }

    /** Report number {@code n} of the assignment, due in the week starting {@code monday}. */
    void add(PlannedAssignment a, int n, int chunk, LocalDate monday, WeekBatch b) {
        // the draws come first, in a fixed order: where the run's end time cuts the report's life does not
        // change what it says before the cut
        Random r = run.random("report", a.task.year(), a.task.number(), a.unit.code(), chunk);
        Person officer = org.officer(a.unit);
        Person head = org.head(a.unit);
        boolean province = a.unit.kind().equals("PROVINCE");
        List<Person> chain =
                province ? List.of(head, org.manager(a.task), a.task.leader()) : List.of(head, a.task.leader());
        List<String> roles = province ? List.of("UNIT_HEAD", "MANAGER", "LEADER") : List.of("UNIT_HEAD", "LEADER");

        long id = b.next("progress_report");
        int percent = plan.percent(a, n);
        double luck = r.nextDouble();
        String confidence = luck < 0.75 ? "ON_TRACK" : luck < 0.95 ? "AT_RISK" : "OFF_TRACK";
        String narrative = NARRATIVES[r.nextInt(NARRATIVES.length)];
        Map<Long, BigDecimal> values = new LinkedHashMap<>();
        for (Indicator i : a.indicators) {
            values.put(
                    i.id(),
                    i.target()
                            .multiply(BigDecimal.valueOf(percent))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
        }
        String described = "percent=" + percent + "; confidence=" + confidence + "; status=";

        LocalDateTime saved = monday.atTime(8, 0).plusMinutes(r.nextInt(300));
        boolean withFile = r.nextDouble() < 0.03;
        LocalDateTime submitted = monday.plusDays(1).atTime(8, 30).plusMinutes(r.nextInt(240));
        boolean returned = r.nextDouble() < 0.05;
        String returnReason = RETURNS[r.nextInt(RETURNS.length)];
        LocalDateTime returnedAt = submitted.plusHours(2);
        LocalDateTime resubmitted = monday.plusDays(2).atTime(9, 0).plusMinutes(r.nextInt(120));
        LocalDate firstStepDay = (returned ? monday.plusDays(2) : monday.plusDays(1));
        boolean comment = r.nextDouble() < 0.25 && !a.coordinators.isEmpty();
        Unit commenter = a.coordinators.isEmpty() ? null : a.coordinators.get(r.nextInt(a.coordinators.size()));
        LocalDateTime commentAt = monday.plusDays(3).atTime(14, 0).plusMinutes(r.nextInt(120));
        String commentText = COMMENTS[r.nextInt(COMMENTS.length)];

        // the life of the report, as far as it got by the run's end time
        if (saved.isAfter(until)) {
            b.unused("progress_report");
            return;
        }
        String status = "DRAFT";
        int round = 0;
        int step = 0;
        int version = 0;
        LocalDateTime firstSubmitted = null;
        LocalDateTime lastSubmitted = null;
        b.event(new Event(
                saved, officer, "REPORT_SAVE", "REPORT", id, a.id, null, described + "DRAFT; values=" + values));
        if (withFile) {
            LocalDateTime at = saved.plusMinutes(7);
            if (!at.isAfter(until)) {
                evidence.add(a, id, officer, at, chunk, b);
            }
        }
        LocalDate completed = null;
        if (!submitted.isAfter(until)) {
            status = "SUBMITTED";
            round = 1;
            step = 1;
            version++;
            firstSubmitted = submitted;
            lastSubmitted = submitted;
            b.event(new Event(
                    submitted,
                    officer,
                    "REPORT_SUBMIT",
                    "REPORT",
                    id,
                    a.id,
                    null,
                    "round=1; " + described + "SUBMITTED; values=" + values));
            boolean going = true;
            if (returned) {
                if (returnedAt.isAfter(until)) {
                    going = false;
                } else {
                    b.add(
                            "approval_decision",
                            b.next("approval_decision"),
                            id,
                            1,
                            1,
                            roles.get(0),
                            "RETURNED",
                            returnReason,
                            head.id(),
                            officer.id(),
                            returnedAt);
                    b.event(new Event(
                            returnedAt,
                            head,
                            "REPORT_RETURN",
                            "REPORT",
                            id,
                            a.id,
                            null,
                            "round=1; step=1; role=UNIT_HEAD; comment=" + returnReason));
                    status = "RETURNED";
                    step = 0;
                    version++;
                    if (resubmitted.isAfter(until)) {
                        going = false;
                    } else {
                        status = "SUBMITTED";
                        round = 2;
                        step = 1;
                        version++;
                        lastSubmitted = resubmitted;
                        b.event(new Event(
                                resubmitted,
                                officer,
                                "REPORT_SUBMIT",
                                "REPORT",
                                id,
                                a.id,
                                null,
                                "round=2; " + described + "SUBMITTED; values=" + values));
                    }
                }
            }
            for (int s = 1; going && s <= chain.size(); s++) {
                LocalDateTime at = firstStepDay.plusDays(s).atTime(9, 0).plusMinutes(r.nextInt(420));
                if (at.isAfter(until)) {
                    break;
                }
                Person who = chain.get(s - 1);
                b.add(
                        "approval_decision",
                        b.next("approval_decision"),
                        id,
                        round,
                        s,
                        roles.get(s - 1),
                        "APPROVED",
                        NO_TEXT,
                        who.id(),
                        officer.id(),
                        at);
                version++;
                boolean last = s == chain.size();
                if (last) {
                    status = "APPROVED";
                    step = 0;
                    completed = percent == 100 ? lastSubmitted.toLocalDate() : null; // the accepted round's submission
                    b.progress(a.id, percent, completed);
                } else {
                    step = s + 1;
                }
                b.event(new Event(
                        at,
                        who,
                        last ? "REPORT_ACCEPT" : "REPORT_APPROVE_STEP",
                        "REPORT",
                        id,
                        a.id,
                        null,
                        "round=" + round + "; step=" + s + "; role=" + roles.get(s - 1)
                                + (completed != null ? "; completed=" + completed : "")));
            }
        }
        b.add(
                "progress_report",
                id,
                version,
                a.id,
                a.unit.id(),
                percent,
                confidence,
                narrative,
                status,
                round,
                step,
                officer.id(),
                saved,
                firstSubmitted == null ? NO_LONG : officer.id(),
                lastSubmitted == null ? NO_TIME : lastSubmitted,
                NO_TEXT,
                NO_DATE,
                NO_DATE,
                firstSubmitted == null ? NO_TIME : firstSubmitted);
        values.forEach((indicator, value) -> b.add("indicator_value", id, indicator, value));
        if (comment && !commentAt.isAfter(until)) {
            contribution(a, commenter, commentText, commentAt, b);
        }
    }

    /** A coordinating unit's comment on the assignment, written by its officer. */
    private void contribution(PlannedAssignment a, Unit commenter, String text, LocalDateTime at, WeekBatch b) {
        Person author = org.officer(commenter);
        long id = b.next("contribution");
        b.add("contribution", id, a.id, commenter.id(), text, author.id(), at);
        b.event(new Event(at, author, "CONTRIBUTE", "CONTRIBUTION", id, a.id, null, commenter.code() + ": " + text));
    }
}
