package vn.gov.moha.portal.user;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** ADMIN: every person's personal access tokens, to revoke one (a leaked token, a person who left). */
class TokensDialog extends Dialog {

    final TokenGrid grid;

    TokensDialog(ApiTokenService tokens) {
        setHeaderTitle(getTranslation("token.all"));
        grid = new TokenGrid(tokens, true);
        add(new Paragraph(getTranslation("token.all.intro")), grid);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        setWidth("min(1100px, 100vw)");
    }
}
