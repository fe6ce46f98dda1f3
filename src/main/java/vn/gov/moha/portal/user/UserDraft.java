package vn.gov.moha.portal.user;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.security.Role;

/**
 * What a screen sends to create or change a user. {@code id} is null for a new user, who also
 * needs a password; on an edit the password is ignored (it changes through a reset).
 */
public record UserDraft(
        @Nullable Long id,
        String username,
        String fullName,
        String email,
        @Nullable Long unitId,
        Set<Role> roles,
        boolean enabled,
        @Nullable String password) {}
