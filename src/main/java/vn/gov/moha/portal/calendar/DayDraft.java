package vn.gov.moha.portal.calendar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A day as the form sends it: id null for a new day; version is the one the form loaded. */
public record DayDraft(
        @Nullable Long id,
        long version,
        @Nullable LocalDate date,
        @Nullable DayKind kind,
        String name,
        @Nullable String note) {}
