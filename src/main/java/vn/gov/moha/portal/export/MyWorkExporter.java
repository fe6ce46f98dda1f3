package vn.gov.moha.portal.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.workflow.adhoc.AdhocAnswer;
import vn.gov.moha.portal.workflow.adhoc.AdhocRequest;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.reporting.MyWorkExports;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;

/** "Việc cần xử lý" as Excel: the caller's cards, read through MyWorkService as the screen reads them. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class MyWorkExporter implements MyWorkExports {

    private final MyWorkService myWork;
    private final PagedSheet sheet;

    MyWorkExporter(MyWorkService myWork, PagedSheet sheet) {
        this.myWork = myWork;
        this.sheet = sheet;
    }

    /**
     * The rows "Việc cần xử lý" shows, in its order ({@link MyWorkService#all}): the assignments' items, then the
     * ad hoc answers', each with the screen's words for its kind; an ad hoc row has the request's subject for the
     * task, the asked unit, the due date (hạn gửi) and its answer's state, no task number and no percent.
     */
    @Override
    public Download myWork(Locale locale, Download.Progress progress) {
        Texts x = sheet.texts(locale);
        MyWorkService.Work work = myWork.all();
        List<Object> rows = new ArrayList<>(work.items());
        rows.addAll(work.adhoc());
        List<Xlsx.Column> columns = List.of(
                x.col("export.workKind", Xlsx.Type.TEXT, 34),
                x.col("task.number", Xlsx.Type.INTEGER, 6),
                x.col("export.workSubject", Xlsx.Type.TEXT, 60),
                x.col("assignment.leadUnit", Xlsx.Type.TEXT, 40),
                x.col("export.unitCode", Xlsx.Type.TEXT, 11),
                x.col("export.workDue", Xlsx.Type.DATE, 12),
                x.col("export.percent", Xlsx.Type.PERCENT, 10),
                x.col("assignment.state", Xlsx.Type.TEXT, 28));
        LocalDate today = LocalDate.now();
        return sheet.rows(
                new PagedSheet.Grid(x, "nav.myWork", "viec-can-xu-ly", columns, List.of()),
                rows,
                row -> row instanceof AdhocViews.Work w
                        ? adhoc(w, x, today)
                        : assignment((MyWorkService.Item) row, x, today),
                progress);
    }

    private static Object[] assignment(MyWorkService.Item item, Texts x, LocalDate today) {
        Assignment a = item.assignment();
        return new Object[] {
            x.t("mywork." + item.kind().name()),
            a.getTask().getNumber(),
            a.getTask().title(x.english()),
            a.getLeadUnit().name(x.english()),
            a.getLeadUnit().getCode(),
            a.getDeadline(),
            a.getPercentComplete(),
            x.t(a.state(today).translationKey())
        };
    }

    private static Object[] adhoc(AdhocViews.Work w, Texts x, LocalDate today) {
        AdhocAnswer a = w.answer();
        AdhocRequest r = a.getRequest();
        return new Object[] {
            x.t("mywork." + w.kind().name()),
            null,
            r.getTitle(),
            a.getUnit().name(x.english()),
            a.getUnit().getCode(),
            r.getDueDate(),
            null,
            x.t(a.state(today).translationKey())
        };
    }
}
