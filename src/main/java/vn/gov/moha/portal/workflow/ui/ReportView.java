package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.ui.CheckedUpload;
import vn.gov.moha.portal.ui.Fact;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.assignment.Indicator;
import vn.gov.moha.portal.workflow.period.Period;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.report.ApprovalDecision;
import vn.gov.moha.portal.workflow.report.ApprovalService;
import vn.gov.moha.portal.workflow.report.ApprovalStep;
import vn.gov.moha.portal.workflow.report.Confidence;
import vn.gov.moha.portal.workflow.report.EvidenceFile;
import vn.gov.moha.portal.workflow.report.EvidenceService;
import vn.gov.moha.portal.workflow.report.PeriodChoices;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportDraft;
import vn.gov.moha.portal.workflow.report.ReportService;
import vn.gov.moha.portal.workflow.report.ReportStatus;

/**
 * A progress report: the lead unit's officer writes it, attaches evidence, saves a draft and
 * submits; whoever holds the step it waits at approves or returns it; everyone who may see the
 * assignment reads it and its approval trail.
 *
 * <p>Over 300 lines: the form, the evidence list and the decision panel are one screen over one report's
 * state; to be split into components when it next grows.
 */
@Route("reports/:reportId(\\d{1,18})")
@RouteAlias("assignments/:assignmentId(\\d{1,18})/report")
@PermitAll
class ReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String REPORT = "reportId";
    static final String ASSIGNMENT = "assignmentId";

    private final ReportService reports;
    private final ApprovalService approvals;
    private final EvidenceService evidence;
    private final AssignmentService assignments;
    private final ReportingPeriods periods;
    private final boolean english;
    private String title = "";

    final IntegerField percent = Pickers.integer("report.percent", 0, 100);
    final RadioButtonGroup<Confidence> confidence = new RadioButtonGroup<>();
    final TextArea narrative = new TextArea();
    final Select<Period> period = new Select<>();
    final Map<Long, BigDecimalField> values = new LinkedHashMap<>();
    Button saveDraft;
    Button submit;
    final TextArea comment = new TextArea();
    Button approve;
    Button returnIt;
    Upload upload;

    ReportView(
            ReportService reports,
            ApprovalService approvals,
            EvidenceService evidence,
            AssignmentService assignments,
            ReportingPeriods periods) {
        this.reports = reports;
        this.approvals = approvals;
        this.evidence = evidence;
        this.assignments = assignments;
        this.periods = periods;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        addClassName("page");
        addClassName("report-view");
        percent.setId("report-percent");
        confidence.setId("report-confidence");
        narrative.setId("report-narrative");
        comment.setId("report-comment");
        period.addValueChangeListener(e -> period.setHelperText(
                e.getValue() == null
                        ? null
                        : getTranslation(
                                "report.period.help",
                                Formats.date(e.getValue().from()),
                                Formats.date(e.getValue().to()),
                                Formats.date(e.getValue().due()))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getRouteParameters();
        params.getLong(REPORT)
                .ifPresentOrElse(
                        id -> showReport(id),
                        () -> params.getLong(ASSIGNMENT)
                                .flatMap(assignments::find)
                                .ifPresentOrElse(a -> show(a, null), this::notFound));
    }

    void showReport(Long id) {
        reports.find(id)
                .ifPresentOrElse(
                        r -> assignments
                                .find(r.getAssignment().getId())
                                .ifPresentOrElse(a -> show(a, r), this::notFound),
                        this::notFound);
    }

    private void notFound() {
        removeAll();
        title = getTranslation("report.error.notFound");
        add(new H2(title));
    }

    private void show(Assignment a, ProgressReport report) {
        removeAll();
        values.clear();
        title = getTranslation("report.title") + " · " + a.getLeadUnit().name(english);
        Span eyebrow = new Span(a.getLeadUnit().name(english));
        eyebrow.addClassName("eyebrow");
        Anchor task = new Anchor(
                "assignments/" + a.getId(),
                a.getTask().getNumber() + ". " + a.getTask().title(english));
        task.addClassName("report-task");
        add(eyebrow, new H2(getTranslation("report.title")), task);
        if (report != null) {
            add(statusLine(report));
            if (report.getStatus() == ReportStatus.RETURNED) {
                approvals.trail(report.getId()).stream()
                        .filter(d -> d.getDecision() == ApprovalDecision.Kind.RETURNED)
                        .reduce((first, last) -> last)
                        .ifPresent(d -> {
                            Paragraph why = new Paragraph(getTranslation("report.returnedBecause", d.getComment())
                                    + " (" + d.getDecidedBy().getFullName() + ", " + Formats.dateTime(d.getDecidedAt())
                                    + ")");
                            why.addClassName("returned-reason");
                            add(why);
                        });
            }
        }

        String noNewReport = report == null ? reports.whyNoNewReport(a) : null;
        if (noNewReport != null) {
            // no empty form: why a report cannot be started now (e.g. a colleague of the unit started one
            // since the assignment's page was opened) and the way to the assignment's reports
            Paragraph why = new Paragraph(getTranslation(noNewReport));
            why.addClassName("notice");
            why.setId("report-cannot-start");
            add(why, new Anchor("assignments/" + a.getId(), getTranslation("report.cannotStart.open")));
            return;
        }
        boolean writable = report == null || reports.canWrite(report);
        if (a.isOngoing()) {
            add(periodPart(a, report, writable));
        }
        percent.setStepButtonsVisible(true);
        percent.setSuffixComponent(new Span("%"));
        confidence.setLabel(getTranslation("report.confidence"));
        confidence.setItems(Confidence.values());
        confidence.setItemLabelGenerator(c -> getTranslation(c.translationKey()));
        narrative.setLabel(getTranslation("report.narrative"));
        TextLimit.apply(narrative, ReportService.MAX_NARRATIVE);
        narrative.setMinHeight("10em");
        FormLayout form = new FormLayout(percent, confidence, narrative);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        form.setColspan(narrative, 2);
        FormErrors errors = new FormErrors()
                .field("percent", percent)
                .field("confidence", confidence)
                .field("narrative", narrative)
                .field("period", period);
        for (Indicator i : a.getIndicators()) {
            BigDecimalField field =
                    Pickers.decimal(getTranslation("report.indicatorValue", i.getName(), i.getUnitOfMeasure()));
            field.setHelperText(getTranslation("assignment.indicator.target") + ": "
                    + i.getTarget().stripTrailingZeros().toPlainString());
            field.setId("report-indicator-" + i.getId());
            values.put(i.getId(), field);
            form.add(field);
            errors.field("indicator-" + i.getId(), field);
        }
        if (report != null) {
            percent.setValue(report.getPercentComplete());
            confidence.setValue(report.getConfidence());
            narrative.setValue(report.getNarrative());
            values.forEach((id, field) -> {
                BigDecimal value = report.getIndicatorValues().get(id);
                field.setValue(value == null ? null : value.stripTrailingZeros());
            });
        }
        percent.setReadOnly(!writable);
        confidence.setReadOnly(!writable);
        narrative.setReadOnly(!writable);
        values.values().forEach(f -> f.setReadOnly(!writable));
        add(form);

        if (writable) {
            saveDraft = new Button();
            submit = new Button();
            saveDraft.setText(getTranslation("report.saveDraft"));
            saveDraft.addClickListener(e -> save(a, report, errors, false));
            submit.setText(getTranslation("report.submit"));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            saveDraft.setId("report-save");
            submit.setId("report-submit");
            submit.addClickListener(e -> save(a, report, errors, true));
            add(new HorizontalLayout(saveDraft, submit));
        }
        add(evidence(report, writable));
        if (report != null && (writable || report.getDocument() != null)) {
            add(citedDocument(report, writable));
        }
        if (report != null) {
            if (approvals.canDecide(report)) {
                add(decision(report));
            }
            add(trail(report));
        }
    }

    private void save(Assignment a, ProgressReport report, FormErrors errors, boolean andSubmit) {
        if (values.values().stream().anyMatch(BigDecimalField::isInvalid)) {
            return; // what was typed is not a number; the field says so, and nothing is saved
        }
        try {
            Map<Long, BigDecimal> entered = new LinkedHashMap<>();
            values.forEach((id, field) -> entered.put(id, field.getValue()));
            ProgressReport saved = reports.save(new ReportDraft(
                    report == null ? null : report.getId(),
                    a.getId(),
                    report == null ? 0 : report.getVersion(),
                    percent.getValue(),
                    confidence.getValue(),
                    narrative.getValue(),
                    entered,
                    a.isOngoing() && period.getValue() != null
                            ? period.getValue().key()
                            : null));
            if (andSubmit) {
                reports.submit(saved.getId(), saved.getVersion());
                Notifications.success(getTranslation("report.submitted"));
            } else {
                Notifications.success(getTranslation("report.saved"));
            }
            if (report != null && !andSubmit) {
                // a draft saved where it is shown: drawn again here, once. Navigating to the address shown drew it
                // three times (the navigation, this call, the layout's reload of an address opened again); a draft
                // saved changes nothing the layout counts.
                showReport(saved.getId());
            } else {
                // a new report gets its own address; a report submitted may leave "Việc cần xử lý" (a returned one
                // sent again), whose count the layout updates at a navigation. The navigation draws it (beforeEnter).
                UI.getCurrent().navigate(ReportView.class, new RouteParameters(REPORT, String.valueOf(saved.getId())));
            }
        } catch (InvalidInputException ex) {
            errors.show(ex);
        }
    }

    /**
     * Which reporting period the report is for: a choice while it may be written (the suggested
     * period first selected, earlier owed periods for a late report), else the period it was filed under.
     */
    private com.vaadin.flow.component.Component periodPart(Assignment a, ProgressReport report, boolean writable) {
        if (!writable) {
            String text = report == null || report.getPeriodKey() == null
                    ? "–"
                    : periods.byKey(report.getPeriodKey())
                            .map(p -> p.label(getLocale()) + " · "
                                    + getTranslation(
                                            "report.period.help",
                                            Formats.date(report.getPeriodStart()),
                                            Formats.date(report.getPeriodEnd()),
                                            Formats.date(p.due())))
                            .orElse("–");
            Fact fact = new Fact(getTranslation("report.period"), text);
            fact.addClassName("report-period");
            return fact;
        }
        PeriodChoices choices = reports.periodChoices(a);
        period.setLabel(getTranslation("report.period"));
        period.setItems(choices.options());
        period.setItemLabelGenerator(p -> p.label(getLocale()));
        Period current = report == null
                ? null
                : choices.options().stream()
                        .filter(p -> p.key().equals(report.getPeriodKey()))
                        .findFirst()
                        .orElse(null);
        period.setValue(current != null ? current : choices.suggested());
        period.setWidth("24em");
        period.setMaxWidth("100%");
        period.addClassName("report-period");
        return period;
    }

    private Div statusLine(ProgressReport report) {
        Span status = new Span(getTranslation(report.getStatus().translationKey()));
        status.getElement()
                .getThemeList()
                .add(
                        switch (report.getStatus()) {
                            case APPROVED -> "badge success";
                            case RETURNED -> "badge error";
                            case SUBMITTED -> "badge";
                            case DRAFT -> "badge contrast";
                        });
        status.addClassName("report-status");
        Div line = new Div(status);
        if (report.getStatus() == ReportStatus.SUBMITTED) {
            List<ApprovalStep> chain = approvals.chainOf(report);
            ApprovalStep step = chain.get(report.getCurrentStep() - 1);
            line.add(new Span(" "
                    + getTranslation(
                            "report.waitingAt",
                            step.stepOrder(),
                            getTranslation(step.role().translationKey()))));
        }
        line.addClassName("status-line");
        return line;
    }

    /** The document the report cites: its card, or (while the report is editable) the fields to cite one. */
    private VerticalLayout citedDocument(ProgressReport report, boolean writable) {
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("document.cited")));
        box.setPadding(false);
        box.addClassName("cited-document");
        Long reportId = report.getId();
        if (report.getDocument() != null) {
            box.add(new DocumentCard(report.getDocument(), () -> reports.documentFile(reportId)));
        }
        if (writable) {
            Paragraph help = new Paragraph(getTranslation("document.cited.help"));
            help.addClassName("hint");
            DocumentFields fields = new DocumentFields();
            FormErrors errors = fields.register(new FormErrors());
            Button cite = new Button(getTranslation("document.cite"));
            cite.setDisableOnClick(true);
            cite.addClickListener(e -> {
                try {
                    ProgressReport cited = fields.send(doc -> reports.citeDocument(reportId, doc));
                    Notifications.success(getTranslation("document.cite.done"));
                    box.removeAll();
                    box.add(new H3(getTranslation("document.cited")));
                    box.add(new DocumentCard(cited.getDocument(), () -> reports.documentFile(reportId)));
                } catch (InvalidInputException ex) {
                    errors.show(ex);
                } finally {
                    cite.setEnabled(true);
                }
            });
            box.add(help, fields, cite);
        }
        return box;
    }

    private VerticalLayout evidence(ProgressReport report, boolean writable) {
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("report.evidence")));
        box.setPadding(false);
        box.addClassName("evidence");
        if (report == null) {
            box.add(new Paragraph(getTranslation("report.evidence.saveFirst")));
            return box;
        }
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.addClassName("evidence-list");
        box.add(list);
        listEvidence(list, report, writable);
        if (writable) {
            Paragraph uploadError = new Paragraph();
            uploadError.addClassName("upload-error");
            upload = CheckedUpload.create(
                    (name, content) -> evidence.addEvidence(report.getId(), name, content),
                    () -> listEvidence(list, report, true),
                    uploadError);
            box.add(upload, new Span(getTranslation("report.evidence.help")), uploadError);
        }
        return box;
    }

    /** The report's files; only this list is redrawn after an upload, so files still uploading carry on. */
    private void listEvidence(VerticalLayout list, ProgressReport report, boolean writable) {
        list.removeAll();
        List<EvidenceFile> files = evidence.evidence(report.getId());
        if (files.isEmpty()) {
            list.add(new Paragraph(getTranslation("report.evidence.none")));
        }
        for (EvidenceFile f : files) {
            Long fileId = f.getId();
            Anchor link = new Anchor(
                    DownloadHandler.fromInputStream(event -> {
                        try {
                            FileStore.Download d = evidence.download(fileId);
                            return new DownloadResponse(d.content(), d.name(), d.contentType(), d.size());
                        } catch (InvalidInputException e) {
                            return DownloadResponse.error(404);
                        }
                    }),
                    f.getOriginalName());
            link.addClassName("evidence-link");
            HorizontalLayout row = new HorizontalLayout(
                    VaadinIcon.FILE_O.create(),
                    link,
                    new Span(String.format(getLocale(), "%,.1f KB", f.getFile().getSizeBytes() / 1024.0)));
            if (writable) {
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                    evidence.removeEvidence(fileId);
                    listEvidence(list, report, true);
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("report.evidence.remove"));
                row.add(remove);
            }
            list.add(row);
        }
    }

    private VerticalLayout decision(ProgressReport report) {
        comment.setLabel(getTranslation("report.comment") + " / " + getTranslation("report.returnReason"));
        comment.setWidthFull();
        TextLimit.apply(comment, ApprovalService.MAX_COMMENT);
        FormErrors errors = new FormErrors().field("reason", comment);
        approve = new Button();
        returnIt = new Button();
        approve.setText(getTranslation("report.approve"));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.setDisableOnClick(true);
        approve.setId("report-approve");
        approve.addClickListener(e -> decide(
                () -> approvals.approve(report.getId(), report.getVersion(), comment.getValue()),
                "report.approved",
                errors,
                report));
        returnIt.setText(getTranslation("report.return"));
        returnIt.addThemeVariants(ButtonVariant.LUMO_ERROR);
        returnIt.setDisableOnClick(true);
        returnIt.setId("report-return");
        returnIt.addClickListener(e -> decide(
                () -> approvals.returnReport(report.getId(), report.getVersion(), comment.getValue()),
                "report.returned",
                errors,
                report));
        VerticalLayout box = new VerticalLayout(
                new H3(getTranslation("report.approve") + " / " + getTranslation("report.return")),
                comment,
                new HorizontalLayout(approve, returnIt));
        box.addClassName("decision-box");
        return box;
    }

    private void decide(Runnable action, String doneKey, FormErrors errors, ProgressReport report) {
        try {
            action.run();
            Notifications.success(getTranslation(doneKey));
            showReport(report.getId());
        } catch (InvalidInputException ex) {
            errors.show(ex);
            approve.setEnabled(true);
            returnIt.setEnabled(true);
        }
    }

    private VerticalLayout trail(ProgressReport report) {
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("report.trail")));
        box.setPadding(false);
        List<ApprovalDecision> decisions = approvals.trail(report.getId());
        if (decisions.isEmpty()) {
            box.add(new Paragraph(getTranslation("report.trail.none")));
        }
        for (ApprovalDecision d : decisions) {
            Paragraph p = new Paragraph(getTranslation(
                    "report.trail.entry",
                    d.getRound(),
                    d.getStepOrder(),
                    getTranslation(d.getRole().translationKey()),
                    getTranslation("report.decision." + d.getDecision()),
                    d.getDecidedBy().getFullName(),
                    Formats.dateTime(d.getDecidedAt())));
            if (d.getComment() != null) {
                p.add(new Span(" – " + d.getComment()));
            }
            p.addClassName(d.getDecision() == ApprovalDecision.Kind.RETURNED ? "trail-returned" : "trail-approved");
            box.add(p);
        }
        return box;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
