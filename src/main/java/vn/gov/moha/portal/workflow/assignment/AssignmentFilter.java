package vn.gov.moha.portal.workflow.assignment;

import org.jspecify.annotations.Nullable;

/**
 * Which assignments to list: a programme year, optionally one task, lead units matching a search (with or
 * without diacritics), open or done ({@code done}), and one deadline state. Null means "all".
 */
public record AssignmentFilter(
        int year,
        @Nullable Long taskId,
        @Nullable String unitQuery,
        @Nullable Boolean done,
        @Nullable DeadlineState state) {}
