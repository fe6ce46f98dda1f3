package vn.gov.moha.portal.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.common.TextRules;
import vn.gov.moha.portal.security.CurrentUser;
import vn.gov.moha.portal.security.DirectoryAccountEvent;
import vn.gov.moha.portal.security.LoginEvent;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.TokenAuthentication;

/**
 * Writes the append-only, hash-chained event log and checks the chain. Writers take the chain's
 * head row with a lock, so entries from concurrent transactions (and nodes) line up one after another.
 */
@Service
public class EventLog {

    private final EventLogRepository entries;
    private final CurrentUser currentUser;

    EventLog(EventLogRepository entries, CurrentUser currentUser) {
        this.entries = entries;
        this.currentUser = currentUser;
    }

    /** Records an action in the caller's transaction: it is kept exactly when the action is. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            String action,
            String entityType,
            @Nullable Long entityId,
            @Nullable Long assignmentId,
            @Nullable String before,
            @Nullable String after) {
        append(action, entityType, entityId, assignmentId, before, after);
    }

    /**
     * Records a refused access in a transaction of its own, so the refusal is kept though the action
     * is not; {@code reason} is the translation key of the refusal the caller was given.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(
            String entityType, @Nullable Long entityId, @Nullable Long assignmentId, @Nullable String reason) {
        append("ACCESS_REFUSED", entityType, entityId, assignmentId, null, reason == null ? null : "refused=" + reason);
    }

    /**
     * Records one call of the REST API by a personal access token, in a transaction of its own after the call
     * (kept whether or not the call changed anything): method, path and answer's status, and the token's name
     * (in the roles column, as every entry written during the call).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordApiCall(String method, String path, int status) {
        if (method == null || path == null) {
            throw new IllegalArgumentException("method and path needed");
        }
        append("API_CALL", "API", null, null, null, method + " " + path + " -> " + status);
    }

    private void append(
            String action,
            String entityType,
            @Nullable Long entityId,
            @Nullable Long assignmentId,
            @Nullable String before,
            @Nullable String after) {
        Optional<PortalUser> user = currentUser.get();
        String actor = user.map(PortalUser::getUsername).orElse("system");
        String roles = user.map(u -> u.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .orElse("SYSTEM");
        append(actor, viaToken(roles), action, entityType, entityId, assignmentId, before, after);
    }

    /** An action done through the REST API names the personal access token it was done with. */
    private static String viaToken(String roles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof TokenAuthentication token) {
            String named = roles + " (token: " + token.tokenName() + ")";
            return named.length() <= 100 ? named : named.substring(0, 98) + ")";
        }
        return roles;
    }

    /** Appends an entry on behalf of someone not logged in (a login attempt, by the name it tried). */
    void append(
            String actor,
            String roles,
            String action,
            String entityType,
            @Nullable Long entityId,
            @Nullable Long assignmentId,
            @Nullable String before,
            @Nullable String after) {
        String prev = entries.lockHead();
        EventLogEntry entry = new EventLogEntry(
                LocalDateTime.now(ZoneOffset.UTC).withNano(0),
                actor,
                roles,
                action,
                entityType,
                entityId,
                assignmentId,
                clip(before),
                clip(after),
                prev);
        entries.save(entry);
        entries.moveHead(entry.getHash(), entry.getId());
    }

    private static @Nullable String clip(@Nullable String text) {
        return text == null || text.length() <= 4000 ? text : SearchText.limit(text, 3997) + "...";
    }

    /**
     * One page of the log, newest first, of the people whose username contains {@code actor},
     * and of one action (null for all).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<EventLogEntry> page(String actor, String action, int offset, int limit) {
        int size = Math.max(1, limit);
        if (unfiltered(actor, action)) { // the whole log: read down its key, no condition to test on each row
            return entries.findAllByOrderByIdDesc(PageRequest.of(offset / size, size));
        }
        return entries.findByActorContainingAndActionStartingWithOrderByIdDesc(
                clean(actor), TextRules.forSearch(action), PageRequest.of(offset / size, size));
    }

    /**
     * The next entries older than {@code beforeId} (newest first) with the same filters as
     * {@link #page}: for reading the whole log in order without the cost of deep offsets, and without
     * skipping or repeating entries while new ones are written.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<EventLogEntry> before(String actor, String action, long beforeId, int limit) {
        return entries.findByActorContainingAndActionStartingWithAndIdLessThanOrderByIdDesc(
                clean(actor), TextRules.forSearch(action), beforeId, PageRequest.of(0, Math.max(1, limit)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(String actor, String action) {
        if (unfiltered(actor, action)) {
            return entries.count();
        }
        return entries.countByActorContainingAndActionStartingWith(clean(actor), TextRules.forSearch(action));
    }

    private static boolean unfiltered(String actor, String action) {
        return clean(actor).isEmpty() && TextRules.forSearch(action).isEmpty();
    }

    private static String clean(String actor) {
        return actor == null ? "" : TextRules.forSearch(actor).strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** Every kind of action the log records, for filters. */
    public static final List<String> ACTIONS = List.of(
            "ASSIGN",
            "EDIT",
            "REPORT_SAVE",
            "REPORT_SUBMIT",
            "REPORT_APPROVE_STEP",
            "REPORT_ACCEPT",
            "REPORT_RETURN",
            "FILE_ADD",
            "FILE_REMOVE",
            "EXTENSION_ASK",
            "EXTENSION_APPROVE",
            "EXTENSION_REJECT",
            "CONTRIBUTE",
            "CHAIN_CHANGE",
            "UNIT_END",
            "UNIT_TRANSFER",
            "UNIT_MERGE",
            "CALENDAR_ADD",
            "CALENDAR_EDIT",
            "CALENDAR_DELETE",
            "CALENDAR_UPLOAD",
            "ACCESS_REFUSED",
            "BACKUP",
            "BACKUP_DOWNLOAD",
            "GENERATE",
            LoginEvent.FAILED,
            LoginEvent.LOCKED,
            LoginEvent.ADDRESS_HELD,
            "LOGIN_UNLOCK",
            "TOKEN_CREATE",
            "TOKEN_REVOKE",
            "API_CALL",
            DirectoryAccountEvent.CREATED,
            DirectoryAccountEvent.CHANGED);

    /**
     * Walks the whole chain and returns the first entry whose stored hash or link does not match,
     * or empty when the chain is whole.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Optional<Long> firstBrokenEntry() {
        String expectedPrev = "0".repeat(64);
        long after = 0;
        while (true) {
            List<EventLogEntry> page = entries.findByIdGreaterThanOrderByIdAsc(after, PageRequest.of(0, 500));
            if (page.isEmpty()) {
                // a deleted last entry leaves the head pointing at an entry that is gone
                return entries.headIfNot(expectedPrev);
            }
            for (EventLogEntry e : page) {
                if (!e.getPrevHash().equals(expectedPrev) || !e.getHash().equals(e.computeHash())) {
                    return Optional.of(e.getId());
                }
                expectedPrev = e.getHash();
                after = e.getId();
            }
        }
    }
}
