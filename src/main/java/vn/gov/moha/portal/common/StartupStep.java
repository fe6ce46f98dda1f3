package vn.gov.moha.portal.common;

/**
 * Work done once at start, before the web server takes its first request: data the first page relies on
 * (the working-day calendar, the first administrator, the demo). Steps run in their {@code @Order}.
 */
public interface StartupStep {

    void run() throws Exception;
}
