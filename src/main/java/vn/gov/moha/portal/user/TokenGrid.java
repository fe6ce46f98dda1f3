package vn.gov.moha.portal.user;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.time.LocalDate;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;

/**
 * Personal access tokens in a grid: one's own (profile page), or everyone's with their owner (ADMIN, from the
 * users screen); an active token has a "Thu hồi" button, confirmed first, a revoked or expired one says so.
 */
class TokenGrid extends Grid<ApiToken> {

    private final ApiTokenService tokens;
    private final boolean everyone;

    TokenGrid(ApiTokenService tokens, boolean everyone) {
        this.tokens = tokens;
        this.everyone = everyone;
        if (everyone) {
            addColumn(t -> t.getUser().getUsername())
                    .setHeader(getTranslation("user.username"))
                    .setAutoWidth(true);
        }
        addColumn(ApiToken::getName).setHeader(getTranslation("token.name")).setFlexGrow(2);
        addColumn(t -> t.getShownPrefix() + "…").setHeader(getTranslation("token.prefix"));
        addColumn(t -> getTranslation(t.getScope().translationKey())).setHeader(getTranslation("token.scope"));
        addColumn(t -> Formats.dateTime(t.getCreatedAt())).setHeader(getTranslation("token.createdAt"));
        addColumn(t -> Formats.date(t.getExpiresOn())).setHeader(getTranslation("token.expiresOn"));
        addColumn(t -> t.getLastUsedAt() == null
                        ? getTranslation("token.neverUsed")
                        : Formats.dateTime(t.getLastUsedAt()))
                .setHeader(getTranslation("token.lastUsed"));
        addComponentColumn(this::stateOrRevoke)
                .setKey("action")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        setEmptyStateText(getTranslation("token.none"));
        addClassName("token-grid");
        refresh();
    }

    void refresh() {
        setItems(everyone ? tokens.all() : tokens.mine());
    }

    private Component stateOrRevoke(ApiToken token) {
        if (token.getRevokedAt() != null) {
            return badge(getTranslation("token.revoked", Formats.dateTime(token.getRevokedAt())), "badge contrast");
        }
        if (!token.isActiveOn(LocalDate.now())) {
            return badge(getTranslation("token.expired"), "badge contrast");
        }
        Button revoke = new Button(getTranslation("token.revoke"), e -> confirm(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        revoke.addClassName("token-revoke");
        return revoke;
    }

    private void confirm(ApiToken token) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("token.revoke.title"));
        dialog.setText(getTranslation("token.revoke.text", token.getName()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("token.revoke"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                tokens.revoke(token.getId());
                Notifications.success(getTranslation("token.revoked.done", token.getName()));
            } catch (InvalidInputException ex) {
                Notification.show(FormErrors.message(ex.problems().get(0)));
            }
            refresh();
        });
        dialog.open();
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }
}
