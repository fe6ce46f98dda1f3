package vn.gov.moha.portal.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The portal's address as its users reach it, {@code portal.base-url}: e-mails link to screens under it. */
@ConfigurationProperties("portal")
record LinkProperties(@DefaultValue("http://localhost:8080") String baseUrl) {}
