package vn.gov.moha.portal.user;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.security.LoginProtection;
import vn.gov.moha.portal.security.PortalUser;

/** Loads a user for the login check; a disabled user is refused by Spring Security. */
@Service
class PortalUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final LoginProtection protection;

    PortalUserDetailsService(AppUserRepository users, LoginProtection protection) {
        this.users = users;
        this.protection = protection;
    }

    @Override
    @Transactional(readOnly = true)
    public PortalUser loadUserByUsername(String username) {
        AppUser user = users.findByUsername(UserService.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
        return new PortalUser(
                user.getId(),
                user.getUsername(),
                user.getPasswordHash(),
                user.isEnabled(),
                protection.isHeldBack(user.getUsername()),
                user.getFullName(),
                user.getUnit() == null ? null : user.getUnit().getId(),
                user.getUnit() == null ? null : user.getUnit().getNameVi(),
                user.getRoles());
    }
}
