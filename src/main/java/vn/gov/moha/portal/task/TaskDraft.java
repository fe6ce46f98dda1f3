package vn.gov.moha.portal.task;

/** What a screen sends to create or change a priority task; {@code id} is null for a new one. */
public record TaskDraft(Long id, int year, Integer number, String titleVi, String titleEn, String description,
                        Long leadUnitId, Long leaderId) {
}
