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
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.gov.moha.portal.audit.EventDetails;
import vn.gov.moha.portal.audit.EventLogEntry;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.signature.SignatureList;
import vn.gov.moha.portal.ui.Fact;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.user.UserService;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.assignment.AssignmentHistory;
import vn.gov.moha.portal.workflow.assignment.AssignmentService;
import vn.gov.moha.portal.workflow.assignment.Contribution;
import vn.gov.moha.portal.workflow.assignment.Indicator;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.period.ReportingPeriods;
import vn.gov.moha.portal.workflow.report.ProgressReport;
import vn.gov.moha.portal.workflow.report.ReportStatus;
import vn.gov.moha.portal.workflow.reporting.AssignmentPage;
import vn.gov.moha.portal.workflow.reporting.AssignmentPages;
import vn.gov.moha.portal.workflow.reporting.ReportingRow;

/**
 * One assignment: its facts and indicators, deadlines and extension requests, the progress
 * reports, and the history from the event log, readable by a person.
 *
 * <p>Over 300 lines: one screen of five tabs, each a short method drawing the {@code AssignmentPage} read model.
 */
@Route("assignments/:assignmentId(\\d{1,18})")
@PermitAll
class AssignmentView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "assignmentId";

    private final AssignmentPages pages;
    private final AssignmentService service;
    private final ExtensionService extensions;
    private final UnitService units;
    private final UserService users;
    private final WorkingDays workingDays;
    private final ReportingPeriods periods;
    private final boolean english;
    private String title = "";

    AssignmentView(
            AssignmentPages pages,
            AssignmentService service,
            ExtensionService extensions,
            UnitService units,
            UserService users,
            WorkingDays workingDays,
            ReportingPeriods periods) {
        this.pages = pages;
        this.periods = periods;
        this.service = service;
        this.workingDays = workingDays;
        this.extensions = extensions;
        this.units = units;
        this.users = users;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        addClassName("page");
        addClassName("assignment-view");
        setId("assignment-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().getLong(ID).orElse(null));
    }

    void show(Long id) {
        removeAll();
        var merged = service.mergedInto(id).orElse(null);
        if (merged != null) {
            // its old address (a link, a bookmark): where the work went; its own page below for who may read it
            Assignment survivor = merged.survivor();
            title = survivor.getTask().getNumber() + ". " + survivor.getTask().title(english);
            add(mergedNotice(merged));
            if (!merged.mayOpenOld()) {
                add(new H2(survivor.getTask().title(english)), back());
                return;
            }
        }
        pages.open(id).ifPresentOrElse(this::show, () -> {
            title = getTranslation("assignment.notFound");
            add(new H2(title), back());
        });
    }

    private Div mergedNotice(AssignmentService.MergedInto merged) {
        Assignment survivor = merged.survivor();
        String unit = survivor.getLeadUnit().name(english);
        Span text = new Span(
                merged.since() == null
                        ? getTranslation("assignment.mergedInto.noDate", unit)
                        : getTranslation("assignment.mergedInto", unit, Formats.date(merged.since())));
        Anchor open = new Anchor("assignments/" + survivor.getId(), getTranslation("assignment.mergedInto.open", unit));
        open.setId("assignment-merged-into-link");
        Div notice = new Div(text, new Span(" "), open);
        notice.addClassName("notice");
        notice.setId("assignment-merged-into");
        return notice;
    }

    /** Renders the page from its one read; only a click calls a service. */
    private void show(AssignmentPage page) {
        Assignment a = page.assignment();
        title = a.getTask().getNumber() + ". " + a.getTask().title(english);
        Span eyebrow = new Span(a.getLeadUnit().name(english));
        eyebrow.addClassName("eyebrow");
        H2 heading = new H2(a.getTask().title(english));
        ProgressBar bar = new ProgressBar(0, 100, a.getPercentComplete());
        bar.setWidth("10em");
        HorizontalLayout status = new HorizontalLayout(new StateBadge(a), bar, new Span(a.getPercentComplete() + " %"));
        status.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        HorizontalLayout actions = new HorizontalLayout(back());
        actions.addClassName("toolbar");
        if (page.mayEdit()) {
            Button edit = new Button(
                    getTranslation("assignment.edit"),
                    VaadinIcon.EDIT.create(),
                    e -> new EditAssignmentDialog(service, units, users, a, english, () -> show(a.getId())).open());
            actions.add(edit);
        }
        if (page.mayWriteReport()) {
            Button write = new Button(
                    getTranslation("report.new"),
                    VaadinIcon.FILE_TEXT_O.create(),
                    e -> UI.getCurrent()
                            .navigate(
                                    ReportView.class,
                                    new RouteParameters(ReportView.ASSIGNMENT, String.valueOf(a.getId()))));
            write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            write.setId("assignment-write-report");
            actions.add(write);
        }
        if (page.mayRequestExtension()) {
            actions.add(new Button(
                    getTranslation("extension.request"),
                    VaadinIcon.CLOCK.create(),
                    e -> new ExtensionDialog(extensions, a, () -> show(a.getId())).open()));
        }

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("assignment.tab.overview"), overview(page));
        tabs.add(getTranslation("assignment.tab.reports"), reportList(page));
        if (a.isOngoing()) {
            tabs.add(getTranslation("assignment.tab.periods"), periodList(page));
        }
        tabs.add(getTranslation("assignment.tab.history"), history(page));
        add(eyebrow, heading, status, actions, tabs);
    }

    private Component overview(AssignmentPage page) {
        Assignment a = page.assignment();
        Div facts = new Div(
                new Fact(getTranslation("assignment.leadUnit"), a.getLeadUnit().name(english)),
                new Fact(
                        getTranslation("assignment.coordinators"),
                        a.getCoordinators().isEmpty()
                                ? "–"
                                : a.getCoordinators().stream()
                                        .map(u -> u.name(english))
                                        .collect(Collectors.joining("; "))),
                a.isOngoing()
                        ? new Fact(
                                getTranslation("assignment.period"),
                                getTranslation(a.getReportingPeriod().translationKey()))
                        : new Fact(
                                getTranslation("assignment.deadline"),
                                DeadlineHint.withDate(
                                        Formats.date(a.getDeadline()),
                                        DeadlineHint.of(this, workingDays, a, LocalDate.now(), true))),
                new Fact(
                        getTranslation("assignment.leader"),
                        a.leaderInCharge() == null
                                ? getTranslation("task.leader.none")
                                : a.leaderInCharge().getFullName()),
                new Fact(getTranslation("assignment.expectedOutput"), a.getExpectedOutput()),
                new Fact(
                        getTranslation("assignment.instructions"),
                        a.getInstructions() == null ? "–" : a.getInstructions()));
        if (a.getCompletedOn() != null) {
            facts.add(new Fact(getTranslation("assignment.completedOn"), Formats.date(a.getCompletedOn())));
        }
        facts.addClassName("facts");
        VerticalLayout overview = new VerticalLayout(facts, new H3(getTranslation("document.section")));
        overview.setPadding(false);
        if (a.getDocument() == null) {
            overview.add(new Paragraph(getTranslation("document.none")));
        } else {
            DocumentCard card = new DocumentCard(a.getDocument(), () -> service.documentFile(a.getId()));
            if (page.documentSignatures() != null) {
                card.extras.add(new SignatureList(page.documentSignatures()));
            }
            overview.add(card);
        }

        if (!a.getIndicators().isEmpty()) {
            Map<Long, BigDecimal> reported = page.reports().stream()
                    .filter(r -> r.getStatus() == ReportStatus.APPROVED)
                    .findFirst()
                    .map(ProgressReport::getIndicatorValues)
                    .orElse(Map.of());
            NumberFormat numbers = NumberFormat.getNumberInstance(Translations.VIETNAMESE);
            Grid<Indicator> indicators = new Grid<>();
            indicators
                    .addColumn(Indicator::getName)
                    .setHeader(getTranslation("assignment.indicator.name"))
                    .setFlexGrow(3);
            indicators.addColumn(Indicator::getUnitOfMeasure).setHeader(getTranslation("assignment.indicator.unit"));
            indicators
                    .addColumn(i -> numbers.format(i.getTarget()))
                    .setHeader(getTranslation("assignment.indicator.target"));
            indicators
                    .addColumn(i -> reported.containsKey(i.getId()) ? numbers.format(reported.get(i.getId())) : "–")
                    .setHeader(getTranslation("assignment.indicator.reported"));
            indicators.setItems(a.getIndicators());
            indicators.setAllRowsVisible(true);
            indicators.addThemeVariants(GridVariant.LUMO_COMPACT);
            overview.add(new H3(getTranslation("assignment.indicators")), indicators);
        }

        overview.add(new H3(getTranslation("contribution.title")));
        List<Contribution> notes = page.contributions();
        if (notes.isEmpty()) {
            overview.add(new Paragraph(getTranslation("contribution.none")));
        }
        notes.forEach(c -> overview.add(new Paragraph(getTranslation(
                "contribution.entry",
                c.getUnit().name(english),
                c.getAuthor().getFullName(),
                Formats.dateTime(c.getCreatedAt()),
                c.getText()))));
        if (page.mayContribute()) {
            TextArea text = new TextArea(getTranslation("contribution.text"));
            text.setWidthFull();
            TextLimit.apply(text, AssignmentService.MAX_CONTRIBUTION);
            FormErrors errors = new FormErrors().field("contribution", text);
            Button send = new Button(getTranslation("contribution.send"), e -> {
                try {
                    service.contribute(a.getId(), text.getValue());
                    Notifications.success(getTranslation("common.saved"));
                    show(a.getId());
                } catch (InvalidInputException ex) {
                    errors.show(ex);
                }
            });
            overview.add(text, send);
        }

        // the deadline, its changes and every extension request with its decision, in one list (issue 17)
        if (!a.isOngoing()
                || !page.deadlineChanges().isEmpty()
                || !page.extensionRequests().isEmpty()) {
            overview.add(
                    new H3(getTranslation("assignment.deadlines")),
                    new DeadlineHistory(page, extensions, () -> show(a.getId())));
        }
        return overview;
    }

    private Component reportList(AssignmentPage page) {
        Assignment a = page.assignment();
        Grid<ProgressReport> grid = new Grid<>();
        grid.addColumn(r -> Formats.date(r.getCreatedAt().toLocalDate()))
                .setHeader(getTranslation("report.createdAt"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        if (a.isOngoing()) {
            grid.addColumn(r -> periods.byKey(r.getPeriodKey())
                            .map(p -> p.label(getLocale()))
                            .orElse("–"))
                    .setHeader(getTranslation("report.period"))
                    .setAutoWidth(true);
        }
        if (page.reports().stream().anyMatch(r -> !r.getUnit().equals(a.getLeadUnit()))) {
            // a merged assignment (issue 18): the ended unit's reports keep its name
            grid.addColumn(r -> r.getUnit().name(english))
                    .setHeader(getTranslation("report.unit"))
                    .setAutoWidth(true);
        }
        grid.addColumn(r -> r.getPercentComplete() + " %")
                .setHeader(getTranslation("report.percent"))
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.getConfidence().translationKey()))
                .setHeader(getTranslation("report.confidence"));
        grid.addColumn(r -> getTranslation(r.getStatus().translationKey())).setHeader(getTranslation("report.status"));
        grid.addColumn(ProgressReport::getRound)
                .setHeader(getTranslation("report.round"))
                .setAutoWidth(true);
        grid.setItems(page.reports());
        grid.setEmptyStateText(getTranslation("report.none"));
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> UI.getCurrent()
                .navigate(
                        ReportView.class,
                        new RouteParameters(
                                ReportView.REPORT, String.valueOf(e.getItem().getId()))));
        return grid;
    }

    /** Each period the assignment owes, newest first: its data window, due date, and whether the unit reported. */
    private Component periodList(AssignmentPage page) {
        Grid<ReportingRow> grid = new Grid<>();
        grid.addColumn(r -> r.period().label(getLocale()))
                .setHeader(getTranslation("reporting.period"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> Formats.date(r.period().from()) + " – "
                        + Formats.date(r.period().to()))
                .setHeader(getTranslation("reporting.window"))
                .setAutoWidth(true);
        grid.addColumn(r -> ReportingView.due(this, r.period()))
                .setHeader(getTranslation("reporting.due"))
                .setAutoWidth(true);
        grid.addComponentColumn(ReportingView::statusBadge)
                .setHeader(getTranslation("reporting.status"))
                .setAutoWidth(true);
        grid.addColumn(r -> Formats.dateTime(r.submittedAt()))
                .setHeader(getTranslation("reporting.submittedAt"))
                .setAutoWidth(true);
        grid.setItems(page.periods());
        grid.setEmptyStateText(getTranslation("period.none"));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addClassName("periods");
        return grid;
    }

    private Component history(AssignmentPage page) {
        Assignment a = page.assignment();
        AssignmentHistory history = page.history();
        Grid<EventLogEntry> grid = new Grid<>();
        grid.addColumn(e -> Formats.dateTime(e.getOccurredAt()))
                .setHeader(getTranslation("event.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // the person by name, as everywhere else; the username (what the log keeps) on hover. Drawn in the browser:
        // a component per row would stay in the session as long as the page is open.
        grid.addColumn(LitRenderer.<EventLogEntry>of("<span title=${item.user}>${item.name}</span>")
                        .withProperty("name", e -> history.name(e.getActor()))
                        .withProperty("user", EventLogEntry::getActor))
                .setHeader(getTranslation("event.who"))
                .setKey("who")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation("event." + e.getAction()))
                .setHeader(getTranslation("event.what"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // unit codes ("SNV-68") as names, indicator results by name (units that no longer exist too)
        Map<String, String> unitNames =
                page.units().stream().collect(Collectors.toMap(OrgUnit::getCode, u -> u.name(english), (x, y) -> x));
        Map<Long, String> indicatorNames =
                a.getIndicators().stream().collect(Collectors.toMap(Indicator::getId, Indicator::getName, (x, y) -> x));
        grid.addColumn(e -> EventDetails.readable(
                        e.getAfter() != null ? e.getAfter() : e.getBefore(),
                        unitNames,
                        indicatorNames,
                        history.names()))
                .setHeader(getTranslation("event.details"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(history.entries());
        grid.setAllRowsVisible(true);
        grid.addClassName("history");
        return grid;
    }

    private Button back() {
        Button back = new Button(
                getTranslation("assignment.back"),
                VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate(AssignmentsView.class));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
