package vn.gov.moha.portal.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.Download;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.reporting.MyWorkExports;
import vn.gov.moha.portal.workflow.reporting.MyWorkService;

/** "Việc cần xử lý" as Excel: the caller's cards, read through MyWorkService. */
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

    @Override
    public Download myWork(Locale locale, Download.Progress progress) {
        Texts x = sheet.texts(locale);
        List<MyWorkService.Item> items = myWork.items();
        List<Xlsx.Column> columns = List.of(
                x.col("export.workKind", Xlsx.Type.TEXT, 34),
                x.col("task.number", Xlsx.Type.INTEGER, 6),
                x.col("assignment.task", Xlsx.Type.TEXT, 60),
                x.col("assignment.leadUnit", Xlsx.Type.TEXT, 40),
                x.col("export.unitCode", Xlsx.Type.TEXT, 11),
                x.col("assignment.deadline", Xlsx.Type.DATE, 12),
                x.col("export.percent", Xlsx.Type.PERCENT, 10),
                x.col("assignment.state", Xlsx.Type.TEXT, 28));
        LocalDate today = LocalDate.now();
        return sheet.rows(
                new PagedSheet.Grid(x, "nav.myWork", "viec-can-xu-ly", columns, List.of()),
                items,
                item -> {
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
                },
                progress);
    }
}
