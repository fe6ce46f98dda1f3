package vn.gov.moha.portal.workflow.report;

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

/** An evidence file of a report, stored under a generated name; its type was checked from its content. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

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

    protected EvidenceFile() {}

    EvidenceFile(
            ProgressReport report,
            String originalName,
            String storedName,
            String contentType,
            long sizeBytes,
            String sha256,
            AppUser uploadedBy) {
        this.report = report;
        this.originalName = originalName;
        this.storedName = storedName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = LocalDateTime.now();
    }

    public ProgressReport getReport() {
        return report;
    }

    /** The name the file had on the uploader's computer: its base name only (rows stored before that rule too). */
    public String getOriginalName() {
        return FileStore.baseName(originalName);
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

    public boolean isRemoved() {
        return removedAt != null;
    }

    void remove() {
        removedAt = LocalDateTime.now();
    }
}
