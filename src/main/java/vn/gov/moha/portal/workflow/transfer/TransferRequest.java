package vn.gov.moha.portal.workflow.transfer;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * End {@code unitId} on {@code endDate} and hand its open work to {@code successorId}; {@code successorOf} names,
 * per open assignment id, another successor that takes that one (a unit split among several).
 */
public record TransferRequest(
        @Nullable Long unitId,
        @Nullable LocalDate endDate,
        @Nullable Long successorId,
        @Nullable Map<Long, Long> successorOf) {

    public TransferRequest(@Nullable Long unitId, @Nullable LocalDate endDate, @Nullable Long successorId) {
        this(unitId, endDate, successorId, Map.of());
    }

    Map<Long, Long> choices() {
        return successorOf == null ? Map.of() : successorOf;
    }
}
