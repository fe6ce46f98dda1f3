package vn.gov.moha.portal.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the deadline scan and the e-mail sender on their schedules ({@code portal.notify.*}). */
@Configuration
@EnableScheduling
class NotificationConfig {
}
