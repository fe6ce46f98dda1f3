package vn.gov.moha.portal.security;

/** The portal's roles; Spring Security sees each as authority {@code ROLE_<name>}. */
public enum Role {
    ADMIN,
    MANAGER,
    LEADER,
    UNIT_HEAD,
    UNIT_OFFICER;

    /** Unit roles belong to exactly one unit. */
    public boolean needsUnit() {
        return this == UNIT_HEAD || this == UNIT_OFFICER;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String translationKey() {
        return "role." + name();
    }

    /** Constants for {@code @RolesAllowed}, which needs compile-time strings. */
    public static final class Names {
        public static final String ADMIN = "ADMIN";
        public static final String MANAGER = "MANAGER";
        public static final String LEADER = "LEADER";
        public static final String UNIT_HEAD = "UNIT_HEAD";
        public static final String UNIT_OFFICER = "UNIT_OFFICER";

        private Names() {}
    }
}
