package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.ui.CheckedUpload;
import vn.gov.moha.portal.ui.Fact;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.workflow.adhoc.AdhocAnswer;
import vn.gov.moha.portal.workflow.adhoc.AdhocFile;
import vn.gov.moha.portal.workflow.adhoc.AdhocRequest;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;
import vn.gov.moha.portal.workflow.adhoc.AdhocState;
import vn.gov.moha.portal.workflow.adhoc.AdhocViews.Page;

/**
 * One ad hoc or thematic request: what it asks and by when, then, for the asking department's managers (and
 * leaders, ADMIN) every asked unit's state with each answer to open, accept or return; for an asked unit's
 * staff their own answer: the officer writes it and attaches files, the head sends it.
 *
 * <p>Over 300 lines as formatted: one screen of two faces (the manager's, the unit's), each a short method.
 */
@Route("adhoc/:requestId(\\d{1,18})")
@PermitAll
class AdhocRequestView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "requestId";

    private final AdhocService service;
    private final WorkingDays workingDays;
    private final UnitService units;
    private final boolean english;
    private String title = "";
    private @Nullable Long requestId;
    private @Nullable Long openAnswerId;

    final Grid<AdhocAnswer> answers = new Grid<>();
    final Div answerPanel = new Div();
    // drawn anew with each answer shown (a redraw must not add a second click listener)
    TextArea text = new TextArea();
    TextArea reason = new TextArea();
    Button saveDraft = new Button();
    Button send = new Button();
    Button accept = new Button();
    Button returnIt = new Button();
    final Button change = new Button();

    @Nullable
    Upload upload;

    AdhocRequestView(AdhocService service, WorkingDays workingDays, UnitService units) {
        this.service = service;
        this.workingDays = workingDays;
        this.units = units;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        addClassName("page");
        addClassName("adhoc-request-view");
        answerPanel.addClassName("adhoc-answer");
        answerPanel.setWidthFull();
        answers.addComponentColumn(this::unitCell)
                .setHeader(getTranslation("adhoc.unit"))
                .setKey("unit")
                .setFlexGrow(3);
        var state = answers.addComponentColumn(this::stateCell)
                .setHeader(getTranslation("adhoc.state"))
                .setKey("state")
                .setAutoWidth(true)
                .setFlexGrow(0);
        var sent = answers.addColumn(a -> a.getSentAt() == null ? "–" : Formats.dateTime(a.getSentAt()))
                .setHeader(getTranslation("adhoc.sentAt"))
                .setKey("sent")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Responsive.onNarrow(answers, narrow -> List.of(state, sent).forEach(c -> c.setVisible(!narrow)));
        answers.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        answers.setAllRowsVisible(true);
        change.addClickListener(e -> service.page(requestId)
                .ifPresent(p -> new AdhocChangeDialog(
                                service, p, units.validOn(LocalDate.now()), english, () -> show(requestId))
                        .open()));
        answers.addItemClickListener(e -> {
            openAnswerId = e.getItem().getId();
            show(requestId);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // "Việc cần xử lý" opens a sent answer directly: adhoc/12?answer=34
        openAnswerId = event.getLocation().getQueryParameters().getSingleParameter("answer").stream()
                .filter(v -> v.matches("\\d{1,18}"))
                .map(Long::valueOf)
                .findFirst()
                .orElse(null);
        show(event.getRouteParameters().getLong(ID).orElse(null));
    }

    void show(@Nullable Long id) {
        removeAll();
        requestId = id;
        service.page(id).ifPresentOrElse(this::show, () -> {
            title = getTranslation("adhoc.notFound");
            add(new H2(title), back());
        });
    }

    /** Opens one unit's answer under the list (a manager's click on its row). */
    void open(AdhocAnswer a) {
        openAnswerId = a.getId();
        show(requestId);
    }

    private void show(Page page) {
        AdhocRequest r = page.request();
        title = r.getTitle();
        Span eyebrow = new Span(getTranslation(r.getKind().translationKey()));
        eyebrow.addClassName("eyebrow");
        add(eyebrow, new H2(r.getTitle()), facts(page));
        HorizontalLayout actions = new HorizontalLayout(back());
        actions.addClassName("toolbar");
        if (page.manages()) {
            change.setText(getTranslation("adhoc.change"));
            change.setIcon(VaadinIcon.EDIT.create());
            change.setId("adhoc-change");
            actions.add(change);
        }
        add(actions);
        boolean unitFace = page.drafts() || page.sends();
        if (unitFace && !page.answers().isEmpty()) {
            add(answerPanel);
            drawAnswer(page, page.answers().get(0));
            return;
        }
        Div counts = new Div();
        counts.addClassName("adhoc-states");
        for (AdhocState s : AdhocState.values()) {
            long n = page.answers().stream()
                    .filter(a -> a.state(LocalDate.now()) == s)
                    .count();
            counts.add(AdhocGrid.badge(s, n));
        }
        answers.setItems(page.answers());
        add(new H3(getTranslation("adhoc.answers", page.answers().size())), counts, answers, answerPanel);
        page.answers().stream()
                .filter(a -> a.getId().equals(openAnswerId))
                .findFirst()
                .ifPresentOrElse(a -> drawAnswer(page, a), answerPanel::removeAll);
    }

    private Div facts(Page page) {
        AdhocRequest r = page.request();
        LocalDate today = LocalDate.now();
        String hint = today.isAfter(r.getDueDate())
                ? getTranslation("adhoc.due.past")
                : getTranslation(
                        "calendar.left", String.valueOf(workingDays.workingDaysBetween(today, r.getDueDate())));
        Div facts = new Div(
                new Fact(getTranslation("adhoc.due"), DeadlineHint.withDate(Formats.date(r.getDueDate()), hint)),
                new Fact(
                        getTranslation("adhoc.askedBy"),
                        r.getDept().name(english) + " · " + r.getCreatedBy().getFullName()),
                new Fact(getTranslation("adhoc.createdAt"), Formats.dateTime(r.getCreatedAt())),
                new Fact(getTranslation("adhoc.content"), r.getContent()));
        Div template = new Div();
        template.addClassName("fact");
        Span label = new Span(getTranslation("adhoc.templateFile"));
        label.addClassName("fact-label");
        template.add(label, page.template() == null ? new Span("–") : link(page.template()));
        facts.add(template);
        facts.addClassName("facts");
        return facts;
    }

    private Div unitCell(AdhocAnswer a) {
        Span note = new Span(
                a.getSentAt() == null ? "" : getTranslation("adhoc.sentAt") + " " + Formats.dateTime(a.getSentAt()));
        note.addClassName("cell-note");
        Div narrow = new Div(stateCell(a), note);
        narrow.addClassName("narrow-only");
        Div cell = new Div(new Span(a.getUnit().name(english)), narrow);
        cell.addClassName("cell-stack");
        return cell;
    }

    private Div stateCell(AdhocAnswer a) {
        Div cell = new Div(AdhocGrid.badge(a.state(LocalDate.now()), null));
        if (a.sentLate()) {
            Span late = new Span(getTranslation("adhoc.sentLate"));
            late.addClassName("cell-note");
            cell.add(late);
        }
        cell.addClassName("cell-stack");
        return cell;
    }

    /** One answer: where it stands, its text and files, and the buttons the person may use on it. */
    private void drawAnswer(Page page, AdhocAnswer a) {
        answerPanel.removeAll();
        text = new TextArea();
        reason = new TextArea();
        saveDraft = new Button();
        send = new Button();
        accept = new Button();
        returnIt = new Button();
        boolean writes = page.drafts() && a.getStatus().editable();
        HorizontalLayout head = new HorizontalLayout(new H3(a.getUnit().name(english)), stateCell(a));
        head.setAlignItems(Alignment.CENTER);
        head.addClassName("adhoc-answer-head");
        answerPanel.add(head);
        if (a.getStatus() == AdhocAnswer.Status.RETURNED && a.getReturnReason() != null) {
            Paragraph returned = new Paragraph(getTranslation("adhoc.returnedBecause", a.getReturnReason()));
            returned.addClassName("callout");
            answerPanel.add(returned);
        }
        FormErrors errors = new FormErrors().field("text", text).field("reason", reason);
        if (writes) {
            text.setLabel(getTranslation("adhoc.text"));
            text.setWidthFull();
            text.setMinHeight("10em");
            TextLimit.apply(text, AdhocService.MAX_TEXT);
            text.setValue(a.getText() == null ? "" : a.getText());
            saveDraft.setText(getTranslation("adhoc.saveDraft"));
            saveDraft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            saveDraft.setId("adhoc-save-draft");
            saveDraft.addClickListener(e ->
                    act(errors, () -> service.saveDraft(a.getId(), a.getVersion(), text.getValue()), "adhoc.saved"));
            answerPanel.add(text);
        } else {
            Paragraph body = new Paragraph(a.getText() == null ? getTranslation("adhoc.text.none") : a.getText());
            body.addClassName("adhoc-text");
            answerPanel.add(body);
        }
        answerPanel.add(files(page, a, writes));
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.addClassName("toolbar");
        if (writes) {
            buttons.add(saveDraft);
        }
        if (page.sends()) {
            send.setText(getTranslation("adhoc.sendAnswer"));
            send.setIcon(VaadinIcon.PAPERPLANE.create());
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            send.setId("adhoc-send");
            send.setEnabled(a.getStatus() == AdhocAnswer.Status.DRAFTED);
            send.addClickListener(e -> act(errors, () -> service.send(a.getId(), a.getVersion()), "adhoc.sentOk"));
            buttons.add(send);
        }
        String hint = hint(page, a);
        if (hint != null) {
            Paragraph p = new Paragraph(hint);
            p.addClassName("hint");
            answerPanel.add(p);
        }
        if (page.manages() && a.getStatus() == AdhocAnswer.Status.SENT) {
            reason.setLabel(getTranslation("adhoc.returnReason"));
            reason.setWidthFull();
            TextLimit.apply(reason, AdhocService.MAX_REASON);
            accept.setText(getTranslation("adhoc.accept"));
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            accept.addClickListener(
                    e -> act(errors, () -> service.accept(a.getId(), a.getVersion()), "adhoc.acceptedOk"));
            returnIt.setText(getTranslation("adhoc.return"));
            returnIt.addThemeVariants(ButtonVariant.LUMO_ERROR);
            returnIt.addClickListener(e -> act(
                    errors,
                    () -> service.returnAnswer(a.getId(), a.getVersion(), reason.getValue()),
                    "adhoc.returnedOk"));
            answerPanel.add(reason);
            buttons.add(accept, returnIt);
        }
        answerPanel.add(buttons);
    }

    /** What the person waits for, when they cannot act on the answer now. */
    private @Nullable String hint(Page page, AdhocAnswer a) {
        if (page.sends()
                && a.getStatus() != AdhocAnswer.Status.DRAFTED
                && a.getStatus().editable()) {
            return getTranslation("adhoc.hint.waitOfficer");
        }
        if (page.drafts() && !page.sends() && a.getStatus() == AdhocAnswer.Status.DRAFTED) {
            return getTranslation("adhoc.hint.waitHead");
        }
        if ((page.drafts() || page.sends()) && a.getStatus() == AdhocAnswer.Status.SENT) {
            return getTranslation("adhoc.hint.waitManager");
        }
        return null;
    }

    private VerticalLayout files(Page page, AdhocAnswer a, boolean writes) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.addClassName("evidence");
        box.add(new Span(getTranslation("adhoc.files")));
        List<AdhocFile> list = page.filesOf(a);
        if (list.isEmpty()) {
            box.add(new Span(getTranslation("adhoc.files.none")));
        }
        for (AdhocFile f : list) {
            HorizontalLayout row = new HorizontalLayout(VaadinIcon.FILE_O.create(), link(f));
            if (writes) {
                Button remove = new Button(
                        VaadinIcon.TRASH.create(),
                        e -> act(new FormErrors(), () -> service.removeFile(f.getId()), null));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("report.evidence.remove"));
                row.add(remove);
            }
            box.add(row);
        }
        if (writes) {
            Paragraph error = new Paragraph();
            error.addClassName("upload-error");
            upload = CheckedUpload.create(
                    (name, content) -> service.addFile(a.getId(), name, content), () -> show(requestId), error);
            box.add(upload, new Span(getTranslation("report.evidence.help")), error);
        }
        return box;
    }

    private Anchor link(AdhocFile f) {
        Long fileId = f.getId();
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        FileStore.Download d = service.download(fileId);
                        return new DownloadResponse(d.content(), d.name(), d.contentType(), d.size());
                    } catch (InvalidInputException e) {
                        return DownloadResponse.error(404);
                    }
                }),
                f.getOriginalName()
                        + String.format(getLocale(), " (%,.1f KB)", f.getFile().getSizeBytes() / 1024.0));
        link.addClassName("evidence-link");
        return link;
    }

    /** Runs an action; on success says so and redraws the page, else shows the problems next to their fields. */
    private void act(FormErrors errors, Runnable action, @Nullable String done) {
        try {
            action.run();
            if (done != null) {
                Notifications.success(getTranslation(done));
            }
            show(requestId);
        } catch (InvalidInputException ex) {
            errors.show(ex);
        }
    }

    private Button back() {
        Button back = new Button(
                getTranslation("adhoc.back"),
                VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate(AdhocView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    Component panel() {
        return answerPanel;
    }
}
