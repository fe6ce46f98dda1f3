package vn.gov.moha.portal.user;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;

/** "Hồ sơ cá nhân": who the person is, and their personal access tokens for the REST API. */
@Route("profile")
@PermitAll
class ProfileView extends VerticalLayout implements HasDynamicTitle {

    final TokenSection tokens;

    ProfileView(CurrentUser currentUser, ApiTokenService tokenService) {
        addClassName("page");
        PortalUser me = currentUser.require();
        Div who = new Div(
                new H2(me.fullName()),
                new Paragraph(getTranslation("profile.username", me.getUsername())),
                new Paragraph(getTranslation(
                        "profile.unit", me.unitName() == null ? getTranslation("user.noUnit") : me.unitName())),
                new Paragraph(getTranslation(
                        "profile.roles",
                        me.roles().stream()
                                .sorted()
                                .map(r -> getTranslation(r.translationKey()))
                                .collect(Collectors.joining(", ")))));
        who.addClassName("card");
        tokens = new TokenSection(tokenService);
        // the page's width, not the token grid's: on a phone the grid scrolls inside the card
        tokens.setWidthFull();
        add(who, tokens);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.title");
    }
}
