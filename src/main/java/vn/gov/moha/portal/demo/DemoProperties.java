package vn.gov.moha.portal.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The demo accounts' shared password and whether the demo also gets work, {@code portal.demo.*}. */
@ConfigurationProperties("portal.demo")
record DemoProperties(
        @DefaultValue("Demo@2024") String password,
        @DefaultValue("true") boolean workflow) {}
