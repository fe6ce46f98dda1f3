package vn.gov.moha.portal.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a node keeps a year of the calendar before reading it again, {@code portal.calendar.cache-seconds}. */
@ConfigurationProperties("portal.calendar")
record CalendarProperties(@DefaultValue("60") long cacheSeconds) {}
