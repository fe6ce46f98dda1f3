package vn.gov.moha.portal.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The first administrator's account in production, {@code portal.admin.*} (see {@link FirstAdmin}). */
@ConfigurationProperties("portal.admin")
record AdminProperties(
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("") String email) {}
