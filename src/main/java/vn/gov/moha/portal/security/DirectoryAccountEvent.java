package vn.gov.moha.portal.security;

import org.jspecify.annotations.Nullable;

/**
 * A directory sign-in created the person's account here, or changed its role or unit to the directory's, for the
 * event log (the audit package writes it down, in the sign-in's transaction). {@code before} and {@code after} as
 * "unit=SNV-01; role=UNIT_OFFICER".
 */
public record DirectoryAccountEvent(
        String action,
        String username,
        long userId,
        String roles,
        @Nullable String before,
        String after) {

    public static final String CREATED = "DIRECTORY_ACCOUNT_CREATE";
    public static final String CHANGED = "DIRECTORY_ACCOUNT_CHANGE";
}
