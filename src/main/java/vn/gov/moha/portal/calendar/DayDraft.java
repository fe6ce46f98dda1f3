package vn.gov.moha.portal.calendar;

import java.time.LocalDate;

/** A day as the form sends it: id null for a new day; version is the one the form loaded. */
public record DayDraft(Long id, long version, LocalDate date, DayKind kind, String name, String note) {
}
