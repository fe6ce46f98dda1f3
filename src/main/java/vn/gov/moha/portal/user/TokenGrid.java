package vn.gov.moha.portal.user;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.time.LocalDate;
import java.util.List;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Responsive;

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
        addComponentColumn(this::nameCell)
                .setHeader(getTranslation("token.name"))
                .setFlexGrow(2);
        List<Column<ApiToken>> wide = List.of(
                addColumn(t -> t.getShownPrefix() + "…").setHeader(getTranslation("token.prefix")),
                addColumn(this::scope).setHeader(getTranslation("token.scope")),
                addColumn(t -> Formats.dateTime(t.getCreatedAt())).setHeader(getTranslation("token.createdAt")),
                addColumn(t -> Formats.date(t.getExpiresOn())).setHeader(getTranslation("token.expiresOn")),
                addColumn(this::lastUsed).setHeader(getTranslation("token.lastUsed")));
        // on a phone the name's cell says scope, expiry and last use on a second line
        Responsive.onNarrow(this, narrow -> wide.forEach(c -> c.setVisible(!narrow)));
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

    private Div nameCell(ApiToken t) {
        Span more = new Span(scope(t) + " · " + getTranslation("token.expiresOn") + " " + Formats.date(t.getExpiresOn())
                + " · " + getTranslation("token.lastUsed") + ": " + lastUsed(t));
        more.addClassName("narrow-only");
        Div cell = new Div(new Span(t.getName()), more);
        cell.addClassName("cell-stack");
        return cell;
    }

    private String scope(ApiToken t) {
        return getTranslation(t.getScope().translationKey());
    }

    private String lastUsed(ApiToken t) {
        return t.getLastUsedAt() == null ? getTranslation("token.neverUsed") : Formats.dateTime(t.getLastUsedAt());
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
