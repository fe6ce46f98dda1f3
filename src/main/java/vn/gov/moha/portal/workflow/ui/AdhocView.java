package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.UnitService;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;

/**
 * "Báo cáo đột xuất, chuyên đề": the requests the person sees (the service decides which) and, for a manager,
 * the button to ask units for a new one. A row opens the request.
 */
@Route("adhoc")
@Menu(order = 2.8, icon = "vaadin:clipboard-text", title = "nav.adhoc")
@PermitAll
class AdhocView extends VerticalLayout implements HasDynamicTitle {

    final AdhocGrid grid = new AdhocGrid();
    final Button create = new Button();
    final Span count = new Span();

    AdhocView(AdhocService service, UnitService units, CurrentUser currentUser) {
        addClassName("page");
        addClassName("adhoc-view");
        setSizeFull();
        PortalUser me = currentUser.require();
        boolean english = Translations.supported(getLocale()) == Translations.ENGLISH;
        Paragraph intro = new Paragraph(getTranslation("adhoc.intro"));
        intro.addClassName("lead");
        create.setText(getTranslation("adhoc.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("adhoc-new");
        create.setVisible(me.has(Role.MANAGER));
        create.addClickListener(e -> new AdhocDialog(
                        service,
                        units.validOn(LocalDate.now()),
                        me.unitId(),
                        english,
                        saved -> UI.getCurrent().navigate("adhoc/" + saved.getId()))
                .open());
        count.addClassName("count");
        HorizontalLayout toolbar = new HorizontalLayout(create, count);
        toolbar.addClassName("toolbar");
        toolbar.setAlignItems(Alignment.CENTER);
        count.setText(getTranslation("common.count", grid.load(service)));
        grid.setSizeFull();
        add(intro, toolbar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.adhoc");
    }
}
