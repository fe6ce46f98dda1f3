package vn.gov.moha.portal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.BaseEntity;

/**
 * One line of the append-only event log. Its hash covers the previous entry's hash and its own
 * content, so changing or deleting any stored line breaks the chain from there on.
 */
@Entity
@Table(name = "event_log")
public class EventLogEntry extends BaseEntity {

    /**
     * When it happened, as UTC's wall-clock time: stored so since the first entry, and covered by the hash, so it
     * stays so (rewriting it in Vietnam time would break every existing chain). Read it as a moment,
     * {@link #getOccurredAt()}, and show it with {@code Formats.dateTime(Instant)}, in Vietnam time.
     */
    @Column(name = "occurred_at", nullable = false)
    private LocalDateTime occurredAt;

    @Column(nullable = false, length = 50)
    private String actor;

    @Column(name = "actor_role", nullable = false, length = 100)
    private String actorRole;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(name = "entity_type", nullable = false, length = 40)
    private String entityType;

    @Column(name = "entity_id")
    private @Nullable Long entityId;

    @Column(name = "assignment_id")
    private @Nullable Long assignmentId;

    @Column(name = "before_value", length = 4000)
    private @Nullable String before;

    @Column(name = "after_value", length = 4000)
    private @Nullable String after;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected EventLogEntry() {}

    EventLogEntry(
            LocalDateTime occurredAt,
            String actor,
            String actorRole,
            String action,
            String entityType,
            @Nullable Long entityId,
            @Nullable Long assignmentId,
            @Nullable String before,
            @Nullable String after,
            String prevHash) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.actorRole = actorRole;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.assignmentId = assignmentId;
        this.before = before;
        this.after = after;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** SHA-256 over the previous hash and every field, each length-prefixed so no two lines can collide by shifting text. */
    String computeHash() {
        return chainHash(
                prevHash, occurredAt, actor, actorRole, action, entityType, entityId, assignmentId, before, after);
    }

    /**
     * The hash an entry with these values has, for writers that insert entries in bulk (the data
     * generator) and must produce exactly the chain {@link EventLog#firstBrokenEntry()} checks.
     */
    public static String chainHash(
            String prevHash,
            LocalDateTime occurredAt,
            String actor,
            String actorRole,
            String action,
            String entityType,
            @Nullable Long entityId,
            @Nullable Long assignmentId,
            @Nullable String before,
            @Nullable String after) {
        StringBuilder s = new StringBuilder();
        for (Object part : new Object[] {
            prevHash, occurredAt, actor, actorRole, action, entityType, entityId, assignmentId, before, after
        }) {
            String text = part == null ? "\u0000" : part.toString();
            s.append(text.length()).append(':').append(text).append('|');
        }
        return DigestUtils.sha256Hex(s.toString()); // of its UTF-8 bytes, in lower-case hex
    }

    /** The moment it happened; never show it without converting it to Vietnam time ({@code Formats}). */
    public Instant getOccurredAt() {
        return occurredAt.toInstant(ZoneOffset.UTC);
    }

    public String getActor() {
        return actor;
    }

    public String getActorRole() {
        return actorRole;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public @Nullable Long getEntityId() {
        return entityId;
    }

    public @Nullable Long getAssignmentId() {
        return assignmentId;
    }

    public @Nullable String getBefore() {
        return before;
    }

    public @Nullable String getAfter() {
        return after;
    }

    String getPrevHash() {
        return prevHash;
    }

    String getHash() {
        return hash;
    }
}
