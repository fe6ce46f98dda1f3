package vn.gov.moha.portal.security;

import java.util.Optional;

/**
 * The ministry's directory (LDAP / Active Directory), asked before the portal's own accounts when it is set up
 * ({@code portal.ldap.url}; package {@code directory}). Without it, only the portal's own accounts sign in.
 */
public interface DirectorySignIn {

    /**
     * The person, signed in with their directory password and with the role and unit the directory gives them; empty
     * when the name is not the directory's to check (a local account, or a name the directory does not know), so the
     * portal's own accounts are asked. A refusal is thrown: {@link DirectoryRefusal}, or Spring's bad-credentials or
     * locked exceptions, which count and lock as for a local account.
     */
    Optional<PortalUser> signIn(String username, String password);
}
