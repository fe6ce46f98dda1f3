package vn.gov.moha.portal.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import vn.gov.moha.portal.i18n.LanguageSwitch;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.PortalUser;

/**
 * The frame of every screen: the menu with only the entries the user's roles may open, who is
 * logged in (name, unit, role), the notification bell, the language switch and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();
    private final WorkCount myWork;
    private final Span workCount = new Span();
    private SideNavItem myWorkItem;
    /** The features' parts of the top bar (the notification bell). */
    private final List<TopBarItem> topBar;
    /** The screen shown after the last navigation, and its address. */
    private HasElement shown;

    private String shownAddress;

    MainLayout(
            CurrentUser currentUser, AuthenticationContext authentication, WorkCount myWork, List<TopBarItem> topBar) {
        PortalUser user = currentUser.require();
        this.topBar = topBar;
        this.myWork = myWork;
        workCount.getElement().getThemeList().add("badge pill small primary");
        workCount.addClassName("work-count");
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        viewTitle.addClassName("view-title");
        Div spacer = new Div();
        spacer.addClassName("spacer");
        Span who = new Span(user.fullName());
        who.addClassName("navbar-user");
        List<Component> navbar = new ArrayList<>(List.of(toggle, viewTitle, spacer));
        topBar.forEach(item -> navbar.add(item.component()));
        navbar.add(who);
        navbar.add(new LanguageSwitch());
        addToNavbar(true, navbar.toArray(Component[]::new));

        Image emblem = new Image("images/emblem.svg", "");
        emblem.addClassName("brand-emblem");
        Div brandText = new Div(new Span(getTranslation("app.ministry")), new Span(getTranslation("app.short")));
        brandText.addClassName("brand-text");
        Div brand = new Div(emblem, brandText);
        brand.addClassName("brand");

        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(menuTitle(entry.title(), user)), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            if (entry.path().replace("/", "").equals("my-work")) {
                myWorkItem = item;
            }
            nav.addItem(item);
        }
        // The menu's items have no sub-items, yet the browser's side-nav item marks itself expanded and at once
        // collapsed again whenever it becomes the current one (vaadin/web-components#11625, fixed after Vaadin 24.9):
        // each such "expanded-changed" cost a round trip to the server after every menu click. The menu stops the
        // event before it reaches a leaf item; nobody reads whether a leaf item is expanded.
        nav.getElement()
                .executeJs("this.addEventListener('expanded-changed', e => {"
                        + " if (e.target.localName === 'vaadin-side-nav-item'"
                        + " && !e.target.querySelector('vaadin-side-nav-item')) e.stopPropagation(); }, true);");

        addToDrawer(brand, new Scroller(nav), userCard(user, authentication));
    }

    /**
     * A menu title may read differently for a role: "nav.assignments" is "Theo dõi nhiệm vụ" for everyone, and
     * "nav.assignments.MANAGER" "Giao nhiệm vụ" for those who assign.
     */
    public static String menuTitle(String key, PortalUser user) {
        ResourceBundle texts = Translations.bundle(Translations.VIETNAMESE);
        return user.roles().stream()
                .map(role -> key + "." + role.name())
                .filter(texts::containsKey)
                .findFirst()
                .orElse(key);
    }

    private Div userCard(PortalUser user, AuthenticationContext authentication) {
        Avatar avatar = new Avatar(user.fullName());
        avatar.addClassName("user-avatar");
        Span name = new Span(user.fullName());
        name.addClassName("user-name");
        Span unit = new Span(user.unitName() == null ? getTranslation("user.noUnit") : user.unitName());
        unit.addClassName("user-unit");
        Span roles = new Span(user.roles().stream()
                .sorted()
                .map(r -> getTranslation(r.translationKey()))
                .collect(Collectors.joining(", ")));
        roles.addClassName("user-roles");
        Div text = new Div(name, unit, roles);
        text.addClassName("user-text");
        Button logout =
                new Button(getTranslation("action.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        logout.addClassName("logout");
        logout.setId("logout");
        // the profile page (user.ProfileView, personal access tokens for the API), by its address
        Button profile = new Button(
                getTranslation("profile.title"),
                VaadinIcon.USER_CARD.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("profile")));
        profile.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        profile.addClassName("profile-link");
        profile.setId("profile-link");
        Div card = new Div(new Div(avatar, text), new Div(profile, logout));
        card.addClassName("user-card");
        return card;
    }

    /** The number of items waiting for the user, next to "Việc cần xử lý"; recounted at each navigation. */
    private void updateWorkCount() {
        if (myWorkItem == null) {
            return;
        }
        int waiting = myWork.count();
        workCount.setText(String.valueOf(waiting));
        workCount.getElement().setAttribute("aria-label", getTranslation("nav.myWork.count", waiting));
        myWorkItem.setSuffixComponent(waiting > 0 ? workCount : null);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        HasElement screen = event.getActiveChain().get(0);
        String address = event.getLocation().getPathWithQueryParameters();
        if (screen == shown
                && address.equals(shownAddress)
                && event.getLocationChangeEvent().getTrigger() != NavigationTrigger.REFRESH_ROUTE) {
            // the address on screen was opened again (its menu item, a link to it): Vaadin keeps the screen it
            // shows; build it anew, as a reload would, so it shows what changed meanwhile. Vaadin ignores a
            // navigation to the address it is navigating to, so this one waits for the end of the current one
            // (and a rebuild that gave the same screen, which none does, would not ask again).
            UI ui = event.getLocationChangeEvent().getUI();
            ui.beforeClientResponse(ui, context -> ui.refreshCurrentRoute(false));
            return;
        }
        shown = screen;
        shownAddress = address;
        updateWorkCount();
        topBar.forEach(TopBarItem::refresh);
        String title = getContent() instanceof com.vaadin.flow.router.HasDynamicTitle t ? t.getPageTitle() : "";
        viewTitle.setText(title);
        getUI().ifPresent(ui -> ui.getPage().setTitle(title + " · " + getTranslation("app.short")));
    }
}
