package vn.gov.moha.portal.unit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.List;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.ExportButton;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.ui.SearchFields;

/** All units with search; ADMIN adds and edits them. */
@Route("units")
@Menu(order = 3, icon = "vaadin:building", title = "nav.units")
@PermitAll
class UnitsView extends VerticalLayout implements HasDynamicTitle {

    private final UnitService service;
    private final Grid<OrgUnit> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<UnitKind> kind = new Select<>();
    private final Span count = new Span();
    final ExportButton export;
    private final boolean english;

    UnitsView(UnitService service, CurrentUser currentUser, UnitExports exports) {
        this.service = service;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        boolean admin = currentUser.require().has(Role.ADMIN);
        addClassName("page");
        setSizeFull();

        SearchFields.setUp(search, getTranslation("unit.search.placeholder"), this::refresh);

        kind.setItems(UnitKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("unit.kind.all"));
        kind.setItemLabelGenerator(
                k -> k == null ? getTranslation("unit.kind.all") : getTranslation(k.translationKey()));
        kind.setAriaLabel(getTranslation("unit.kind"));
        kind.addValueChangeListener(e -> refresh());

        export = new ExportButton(getTranslation("export.xlsx"), VaadinIcon.FILE_TABLE.create(), () -> {
            String query = search.getValue();
            UnitKind chosen = kind.getValue();
            java.util.Locale locale = getLocale();
            return progress -> exports.units(query, chosen, locale, progress);
        });
        HorizontalLayout toolbar = new HorizontalLayout(search, kind, export);
        toolbar.addClassName("toolbar");
        toolbar.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (admin) {
            Button add = new Button(getTranslation("unit.add"), VaadinIcon.PLUS.create(), e -> edit(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            // the transfer screen is the workflow's: linked by its address (issue 18)
            Button transfer = new Button(
                    getTranslation("unit.transfer"),
                    VaadinIcon.EXCHANGE.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("units/transfer")));
            transfer.setId("units-transfer");
            toolbar.add(add, transfer);
        }

        grid.addColumn(OrgUnit::getCode)
                .setHeader(getTranslation("unit.code"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(u -> u.name(english))
                .setHeader(getTranslation("unit.name"))
                .setFlexGrow(3)
                .setTooltipGenerator(u -> u.name(english));
        var kindColumn = grid.addColumn(u -> getTranslation(u.getKind().translationKey()))
                .setHeader(getTranslation("unit.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        var validity = grid.addColumn(u -> Formats.date(u.getValidFrom()) + " – " + Formats.date(u.getValidTo()))
                .setHeader(getTranslation("unit.validity"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        var successor = grid.addColumn(
                        u -> u.getSuccessor() == null ? "" : u.getSuccessor().name(english))
                .setHeader(getTranslation("unit.successor"))
                .setFlexGrow(2);
        Responsive.onNarrow(
                grid, narrow -> List.of(kindColumn, validity, successor).forEach(c -> c.setVisible(!narrow)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPartNameGenerator(u -> u.isValidOn(LocalDate.now()) ? null : "ended");
        if (admin) {
            grid.addItemClickListener(e -> edit(e.getItem()));
        }
        grid.setSizeFull();

        count.addClassName("count");
        toolbar.add(count);
        add(toolbar, grid);
        refresh();
    }

    private void refresh() {
        var items = service.search(search.getValue(), kind.getValue());
        grid.setItems(items);
        count.setText(getTranslation("common.count", items.size()));
    }

    private void edit(OrgUnit unit) {
        new UnitDialog(service, unit, english, this::refresh).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.units");
    }
}
