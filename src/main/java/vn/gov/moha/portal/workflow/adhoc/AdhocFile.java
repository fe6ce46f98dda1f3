package vn.gov.moha.portal.workflow.adhoc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.BaseEntity;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.user.AppUser;

/** A request's template (no answer) or a file attached to an answer, kept on disk under a generated name. */
@Entity
@Table(name = "adhoc_file")
public class AdhocFile extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private AdhocRequest request;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "answer_id")
    private @Nullable AdhocAnswer answer;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "stored_name", nullable = false, length = 64)
    private String storedName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uploaded_by")
    private AppUser uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private LocalDateTime uploadedAt;

    @Column(name = "removed_at")
    private @Nullable LocalDateTime removedAt;

    protected AdhocFile() {}

    AdhocFile(AdhocRequest request, @Nullable AdhocAnswer answer, FileStore.Stored kept, AppUser by) {
        this.request = request;
        this.answer = answer;
        this.originalName = kept.name();
        this.storedName = kept.storedName();
        this.contentType = kept.contentType();
        this.sizeBytes = kept.size();
        this.sha256 = kept.sha256();
        this.uploadedBy = by;
        this.uploadedAt = LocalDateTime.now();
    }

    void remove() {
        removedAt = LocalDateTime.now();
    }

    public AdhocRequest getRequest() {
        return request;
    }

    public @Nullable AdhocAnswer getAnswer() {
        return answer;
    }

    public String getOriginalName() {
        return originalName;
    }

    String getStoredName() {
        return storedName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public LocalDateTime getUploadedAt() {
        return uploadedAt;
    }
}
