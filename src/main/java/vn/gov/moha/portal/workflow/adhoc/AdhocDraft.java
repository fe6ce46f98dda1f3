package vn.gov.moha.portal.workflow.adhoc;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A new request as the manager typed it, with its optional template file (name and content). */
public record AdhocDraft(
        @Nullable AdhocKind kind,
        @Nullable String title,
        @Nullable String content,
        @Nullable LocalDate due,
        @Nullable Set<Long> unitIds,
        @Nullable String templateName,
        @Nullable InputStream template) {}
