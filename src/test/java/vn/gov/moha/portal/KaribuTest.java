package vn.gov.moha.portal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAccessDeniedError;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.ClassUtils;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.ui.NotFoundView;

/**
 * A mocked Vaadin UI per test, for screen tests on a {@link PortalTest} context. Log in with {@link #login(String)}
 * before navigating: the views need a user. Data comes from fixture beans, not from here.
 */
public abstract class KaribuTest {

    private static final String APP_PACKAGE = "vn.gov.moha.portal";

    private static final Routes routes = discoverRoutes();

    @Autowired
    protected ApplicationContext ctx;

    @Autowired
    protected TestUsers testUsers;

    @BeforeEach
    void setUpVaadin() {
        // Every Spring context with Vaadin security installs its own holder as the global one; the test suite has
        // several contexts, so each test makes its own context's holder the global one again before logging in.
        ctx.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        SecurityContextHolder.clearContext();
        final Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, ctx, uiFactory));
    }

    /** Also clears the SecurityContextHolder, so no test leaves a logged-in user behind. */
    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /**
     * A new browser session, as after the portal's logout (which ends the HTTP session): a test that goes on as
     * another person starts here, so Vaadin does not reuse the previous person's screen for the same address.
     */
    protected void newSession() {
        tearDownVaadin();
        setUpVaadin();
    }

    /** Logs in as a real account ({@link TestUsers#login}), for the services and the mocked Vaadin request. */
    protected PortalUser login(String username) {
        return testUsers.login(username);
    }

    protected void logout() {
        testUsers.logout();
    }

    protected static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }

    /** Switches the session and UI language, as the language button does (before navigating). */
    protected static void useLocale(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }

    /** The labels of the side menu, top to bottom. */
    protected static List<String> menuLabels() {
        return _find(SideNav.class).stream()
                .flatMap(nav -> nav.getItems().stream())
                .map(SideNavItem::getLabel)
                .toList();
    }

    /**
     * Karibu's discovery (ClassGraph, public classes only) finds the public {@code @Layout} but not
     * this portal's views, which are package-private; Spring's scanner adds them. A refused or
     * unknown address shows the portal's not-found page ({@link NotFoundView}; Vaadin's own for access denied),
     * as for a real user, instead of Karibu's throwing ones (Vaadin turns a refused view into "not found", not
     * to reveal that it exists).
     */
    private static Routes discoverRoutes() {
        Routes found = new Routes().autoDiscoverViews(APP_PACKAGE);
        found.getErrorRoutes().clear();
        found.getErrorRoutes().addAll(List.of(NotFoundView.class, RouteAccessDeniedError.class));
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (BeanDefinition view : scanner.findCandidateComponents(APP_PACKAGE)) {
            found.getRoutes()
                    .add(ClassUtils.resolveClassName(view.getBeanClassName(), null)
                            .asSubclass(Component.class));
        }
        return found;
    }

    /** The field is marked invalid and shows the message next to it. */
    protected static void assertFieldError(HasValidation field, String message) {
        assertThat(field.isInvalid()).as("%s is invalid", field).isTrue();
        assertThat(field.getErrorMessage()).as("error message of %s", field).isEqualTo(message);
    }
}
