package vn.gov.moha.portal.workflow.adhoc;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the ad hoc screens show, each read in one call of {@link AdhocService}. */
public final class AdhocViews {

    private AdhocViews() {}

    /**
     * A request in a list: how many asked units stand in each state (every state present, 0 when none), and
     * the caller's own unit's answer when the caller is one of its staff (null otherwise).
     */
    public record Summary(
            AdhocRequest request,
            Map<AdhocState, Long> counts,
            @Nullable AdhocAnswer mine) {

        public long asked() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * A request's page: the answers the caller may see (every unit's for its managers, leaders and ADMIN; the
     * caller's own unit's for its staff), the template, each answer's files by answer id, and what the caller
     * may do.
     */
    public record Page(
            AdhocRequest request,
            List<AdhocAnswer> answers,
            @Nullable AdhocFile template,
            Map<Long, List<AdhocFile>> files,
            boolean manages,
            boolean drafts,
            boolean sends) {

        public List<AdhocFile> filesOf(AdhocAnswer a) {
            return files.getOrDefault(a.getId(), List.of());
        }
    }

    /** What waits for the caller on an answer ("Việc cần xử lý"). */
    public enum WorkKind {
        ADHOC_WRITE,
        ADHOC_FIX,
        ADHOC_SEND,
        ADHOC_ACCEPT
    }

    public record Work(WorkKind kind, AdhocAnswer answer) {}

    /** Late answers to the requests due from a year on: not sent with the due date passed, and sent after it. */
    public record Lateness(long overdue, long sentLate) {}
}
