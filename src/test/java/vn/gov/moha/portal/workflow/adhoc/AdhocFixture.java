package vn.gov.moha.portal.workflow.adhoc;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.TestUsers;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.workflow.WorkflowFixture;

/** Ad hoc report steps, each as the person who does it; a bean of every {@code @PortalTest}. */
public class AdhocFixture {

    private final AdhocService adhoc;
    private final WorkingDays workingDays;
    private final WorkflowFixture workflow;
    private final TestUsers users;
    private final JdbcTemplate jdbc;

    AdhocFixture(
            AdhocService adhoc, WorkingDays workingDays, WorkflowFixture workflow, TestUsers users, JdbcTemplate jdbc) {
        this.adhoc = adhoc;
        this.workingDays = workingDays;
        this.workflow = workflow;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** A working day some days ahead (a due date the service takes). */
    public LocalDate workingDayIn(int days) {
        LocalDate d = LocalDate.now().plusDays(days);
        return workingDays.isWorkingDay(d) ? d : workingDays.nextWorkingDay(d);
    }

    public AdhocDraft draft(String title, LocalDate due, Set<Long> units) {
        return new AdhocDraft(
                AdhocKind.THEMATIC,
                title,
                "Báo cáo số liệu đến ngày 30/11, kèm danh sách chi tiết.",
                due,
                units,
                "mau-bao-cao.pdf",
                new ByteArrayInputStream(WorkflowFixture.PDF));
    }

    /** quanly asks Lâm Đồng and Hà Nội for a thematic report due in about ten days, with a PDF template. */
    public AdhocRequest askLamDongAndHaNoi() {
        Set<Long> units =
                Set.of(workflow.unit("SNV-68").getId(), workflow.unit("SNV-01").getId());
        return as("quanly", () -> adhoc.create(draft("Báo cáo chuyên đề cán bộ cấp xã", workingDayIn(10), units)));
    }

    /** The answer of a unit (by code) to a request, as its staff see it now. */
    public AdhocAnswer answer(String username, AdhocRequest r) {
        return as(username, () -> adhoc.page(r.getId()).orElseThrow().answers().get(0));
    }

    /** The officer writes the answer, the head sends it. */
    public AdhocAnswer draftAndSend(String officer, String head, AdhocRequest r) {
        AdhocAnswer a = answer(officer, r);
        AdhocAnswer drafted = as(officer, () -> adhoc.saveDraft(a.getId(), a.getVersion(), "Đã tổng hợp số liệu."));
        return as(head, () -> adhoc.send(drafted.getId(), drafted.getVersion()));
    }

    /** Moves a request's due date (and its answers' sending times) back, as if it were made long ago. */
    public void moveDue(AdhocRequest r, LocalDate due) {
        jdbc.update("update adhoc_request set due_date = ? where id = ?", java.sql.Date.valueOf(due), r.getId());
    }

    public void sentOn(AdhocAnswer a, LocalDate day) {
        jdbc.update(
                "update adhoc_answer set first_sent_at = ?, sent_at = ? where id = ?",
                java.sql.Timestamp.valueOf(day.atTime(9, 0)),
                java.sql.Timestamp.valueOf(day.atTime(9, 0)),
                a.getId());
    }

    public <T> T as(String username, Supplier<T> action) {
        users.login(username);
        try {
            return action.get();
        } finally {
            users.logout();
        }
    }
}
