package vn.gov.moha.portal.task;

import org.jspecify.annotations.Nullable;

/** What a screen sends to create or change a priority task; {@code id} is null for a new one. */
public record TaskDraft(
        @Nullable Long id,
        int year,
        @Nullable Integer number,
        String titleVi,
        String titleEn,
        @Nullable String description,
        @Nullable Long leadUnitId,
        @Nullable Long leaderId) {}
