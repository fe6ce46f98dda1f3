package vn.gov.moha.portal;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.gov.moha.portal.security.PortalUser;

/** Logs a real account in and out, for the services and, inside a Karibu test, for Vaadin's mocked request. */
public class TestUsers {

    private final UserDetailsService userDetailsService;

    TestUsers(UserDetailsService userDetailsService) {
        this.userDetailsService = userDetailsService;
    }

    /**
     * Logs in as a real account: the principal is the {@link PortalUser} Spring Security would load
     * at the login form, so views, menu and services see the account's own roles and unit.
     */
    public PortalUser login(String username) {
        PortalUser user = (PortalUser) userDetailsService.loadUserByUsername(username);
        Set<String> authorities = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);

        // Vaadin's view access control asks the request who is calling
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request = currentRequest();
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, role) -> authorities.contains("ROLE_" + role));
        }
        return user;
    }

    public void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request = currentRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }

    private static FakeRequest currentRequest() {
        return (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
    }
}
