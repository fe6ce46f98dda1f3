package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.workflow.report.ApprovalChainService;
import vn.gov.moha.portal.workflow.report.ApprovalStep;

/** ADMIN: the approval chain of each kind of reporting unit, step by step, changed without code. */
@Route("admin/approval-chain")
@Menu(order = 11, icon = "vaadin:sitemap", title = "nav.chain")
@RolesAllowed(Role.Names.ADMIN)
class ApprovalChainView extends VerticalLayout implements HasDynamicTitle {

    private static final List<Role> DECIDING = List.of(Role.UNIT_HEAD, Role.MANAGER, Role.LEADER);

    ApprovalChainView(ApprovalChainService service) {
        addClassName("page");
        add(new Paragraph(getTranslation("chain.intro")));
        for (ApprovalStep.Chain chain : ApprovalStep.Chain.values()) {
            add(editor(service, chain));
        }
    }

    private VerticalLayout editor(ApprovalChainService service, ApprovalStep.Chain chain) {
        List<Select<Role>> steps = new ArrayList<>();
        Div list = new Div();
        list.addClassName("chain-steps");
        Paragraph error = new Paragraph();
        error.addClassName("upload-error");
        Runnable[] addStep = new Runnable[1];
        addStep[0] = () -> {
            Select<Role> role = new Select<>();
            role.setItems(DECIDING);
            role.setItemLabelGenerator(r -> r == null ? "" : getTranslation(r.translationKey()));
            role.setLabel(getTranslation("chain.step", steps.size() + 1));
            steps.add(role);
            list.add(role);
        };
        for (Role r : service.chain(chain)) {
            addStep[0].run();
            steps.get(steps.size() - 1).setValue(r);
        }
        Button add = new Button(getTranslation("chain.add"), VaadinIcon.PLUS.create(), e -> addStep[0].run());
        Button removeLast = new Button(getTranslation("chain.removeLast"), VaadinIcon.MINUS.create(), e -> {
            if (!steps.isEmpty()) {
                list.remove(steps.remove(steps.size() - 1));
            }
        });
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                service.replace(chain, steps.stream().map(Select::getValue).toList());
                error.setText("");
                Notifications.success(getTranslation("common.saved"));
            } catch (InvalidInputException ex) {
                error.setText(
                        vn.gov.moha.portal.ui.FormErrors.message(ex.problems().get(0)));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        for (Button b : List.of(add, removeLast)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        VerticalLayout box = new VerticalLayout(
                new H3(getTranslation("chain." + chain.name())),
                list,
                new HorizontalLayout(add, removeLast, save),
                error);
        box.addClassName("card");
        box.setMaxWidth("48em");
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.chain");
    }
}
