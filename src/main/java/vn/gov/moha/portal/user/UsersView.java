package vn.gov.moha.portal.user;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.ui.ExportButton;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Responsive;
import vn.gov.moha.portal.ui.SearchFields;
import vn.gov.moha.portal.unit.UnitService;

/** ADMIN only: every account, searchable, created and changed through {@link UserDialog}. */
@Route("admin/users")
@Menu(order = 9, icon = "vaadin:users", title = "nav.users")
@RolesAllowed(Role.Names.ADMIN)
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserService users;
    private final UnitService units;
    private final Grid<AppUser> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span count = new Span();
    final Checkbox lockedOnly = new Checkbox();
    /** Accounts locked now after wrong passwords: username to the end of the lock, read again at each refresh. */
    private Map<String, LocalDateTime> locks = Map.of();

    final ExportButton export;
    private final boolean english;

    final Button tokens;

    UsersView(UserService users, UnitService units, UserExports exports, ApiTokenService tokenService) {
        this.users = users;
        this.units = units;
        this.english = Translations.supported(getLocale()) == Translations.ENGLISH;
        addClassName("page");
        setSizeFull();

        SearchFields.setUp(search, getTranslation("user.search.placeholder"), this::refresh);
        Button add = new Button(getTranslation("user.add"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export = new ExportButton(getTranslation("export.xlsx"), VaadinIcon.FILE_TABLE.create(), () -> {
            String query = search.getValue();
            java.util.Locale locale = getLocale();
            return progress -> exports.users(query, locale, progress);
        });
        lockedOnly.setLabel(getTranslation("user.lockedOnly"));
        lockedOnly.addValueChangeListener(e -> refresh());
        tokens = new Button(
                getTranslation("token.all"), VaadinIcon.KEY.create(), e -> new TokensDialog(tokenService).open());
        tokens.setId("all-tokens");
        HorizontalLayout toolbar = new HorizontalLayout(search, lockedOnly, add, export, tokens);
        toolbar.addClassName("toolbar");
        toolbar.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        var username = grid.addColumn(AppUser::getUsername)
                .setHeader(getTranslation("user.username"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AppUser::getFullName)
                .setHeader(getTranslation("user.fullName"))
                .setFlexGrow(2);
        var unit = grid.addColumn(u -> u.getUnit() == null ? "" : u.getUnit().name(english))
                .setHeader(getTranslation("user.unit"))
                .setFlexGrow(2)
                .setTooltipGenerator(u -> u.getUnit() == null ? "" : u.getUnit().name(english));
        var roles = grid.addColumn(u -> u.getRoles().stream()
                        .map(r -> getTranslation(r.translationKey()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("user.roles"))
                .setFlexGrow(2);
        var status = grid.addComponentColumn(this::status)
                .setHeader(getTranslation("user.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        Responsive.onNarrow(
                grid, narrow -> List.of(username, unit, roles, status).forEach(c -> c.setVisible(!narrow)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();

        count.addClassName("count");
        toolbar.add(count);
        add(toolbar, grid);
        refresh();
    }

    private Component status(AppUser user) {
        Span badge = new Span(getTranslation(user.isEnabled() ? "user.enabled" : "user.disabled"));
        badge.getElement().getThemeList().add(user.isEnabled() ? "badge success" : "badge error");
        LocalDateTime lockedUntil = locks.get(user.getUsername());
        if (lockedUntil == null) {
            return badge;
        }
        Span locked = new Span(getTranslation("user.locked", Formats.dateTime(lockedUntil)));
        locked.getElement().getThemeList().add("badge contrast");
        locked.addClassName("login-locked");
        HorizontalLayout both = new HorizontalLayout(badge, locked);
        both.setSpacing(false);
        both.getStyle().set("gap", "var(--lumo-space-xs)");
        return both;
    }

    private HorizontalLayout actions(AppUser user) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> edit(user));
        edit.setAriaLabel(getTranslation("user.edit") + " " + user.getUsername());
        edit.setTooltipText(getTranslation("user.edit"));
        Button password = new Button(VaadinIcon.KEY.create(), e -> new PasswordDialog(users, user).open());
        password.setAriaLabel(getTranslation("user.resetPassword") + " " + user.getUsername());
        password.setTooltipText(getTranslation("user.resetPassword"));
        if (user.isDirectory()) { // its password is the directory's (UserService refuses a local one too)
            password.setEnabled(false);
            password.setTooltipText(getTranslation("user.directoryAccount"));
        }
        Button toggle = new Button(getTranslation(user.isEnabled() ? "user.disable" : "user.enable"), e -> {
            try {
                users.setEnabled(user.getId(), !user.isEnabled());
                Notifications.success(getTranslation(
                        user.isEnabled() ? "user.disabledDone" : "user.enabledDone", user.getUsername()));
                refresh();
            } catch (InvalidInputException ex) {
                ex.problems()
                        .forEach(p -> com.vaadin.flow.component.notification.Notification.show(
                                vn.gov.moha.portal.ui.FormErrors.message(p)));
            }
        });
        toggle.addClassName("toggle-enabled");
        for (Button b : new Button[] {edit, password, toggle}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        HorizontalLayout actions = new HorizontalLayout(edit, password, toggle);
        LocalDateTime lockedUntil = locks.get(user.getUsername());
        if (lockedUntil != null) {
            Button unlock = new Button(
                    getTranslation("user.unlock"), VaadinIcon.UNLOCK.create(), e -> confirmUnlock(user, lockedUntil));
            unlock.addClassName("unlock-login");
            unlock.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(unlock);
        }
        actions.setSpacing(false);
        return actions;
    }

    /** Asks first: lifting a lock lets the right password in at once, so the administrator checks who asks. */
    private void confirmUnlock(AppUser user, LocalDateTime lockedUntil) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("user.unlock"));
        confirm.setText(getTranslation(
                "user.unlock.confirm", user.getFullName(), user.getUsername(), Formats.dateTime(lockedUntil)));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("user.unlock"));
        confirm.addConfirmListener(e -> {
            users.unlock(user.getId());
            Notifications.success(getTranslation("user.unlocked", user.getUsername()));
            refresh();
        });
        confirm.open();
    }

    private void refresh() {
        String query = search.getValue();
        List<UserService.LockedAccount> locked = users.locked();
        locks = locked.stream()
                .collect(Collectors.toMap(l -> l.user().getUsername(), UserService.LockedAccount::until));
        if (lockedOnly.getValue()) {
            List<AppUser> shown = locked.stream()
                    .map(UserService.LockedAccount::user)
                    .filter(u ->
                            SearchText.matches(SearchText.of(u.getUsername(), u.getFullName(), u.getEmail()), query))
                    .toList();
            grid.setItems(shown);
            count.setText(getTranslation("common.count", shown.size()));
            return;
        }
        grid.setItems(q -> users.search(query, q.getOffset(), q.getLimit()).stream(), q -> (int) users.count(query));
        count.setText(getTranslation("common.count", users.count(query)));
    }

    private void edit(AppUser user) {
        new UserDialog(users, units, user, english, this::refresh).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }
}
