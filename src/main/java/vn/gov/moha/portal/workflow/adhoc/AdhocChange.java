package vn.gov.moha.portal.workflow.adhoc;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A manager's change to a request after it was made, as typed: the request and the version they loaded, the
 * due date, every unit to be asked from now on (units not there are no longer asked, new ones are), and why.
 */
public record AdhocChange(
        @Nullable Long requestId,
        long version,
        @Nullable LocalDate due,
        @Nullable Set<Long> unitIds,
        @Nullable String reason) {}
