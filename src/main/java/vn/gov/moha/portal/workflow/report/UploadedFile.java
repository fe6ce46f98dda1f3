package vn.gov.moha.portal.workflow.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.BaseEntity;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.StoredFile;
import vn.gov.moha.portal.user.AppUser;

/**
 * A file a person attached to their unit's work (an evidence file, an ad hoc answer's file or template): the kept
 * file, who attached it and when, and when it was removed (a removed file stays, out of sight).
 */
@MappedSuperclass
public abstract class UploadedFile extends BaseEntity {

    @Embedded
    private StoredFile file;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uploaded_by")
    private AppUser uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private LocalDateTime uploadedAt;

    @Column(name = "removed_at")
    private @Nullable LocalDateTime removedAt;

    protected UploadedFile() {}

    protected UploadedFile(FileStore.Stored kept, AppUser by) {
        this.file = new StoredFile(kept);
        this.uploadedBy = by;
        this.uploadedAt = LocalDateTime.now();
    }

    /** Marks the file removed; the subclass's service decides who may. */
    protected void markRemoved() {
        removedAt = LocalDateTime.now();
    }

    public StoredFile getFile() {
        return file;
    }

    /** The name the file had on the uploader's computer. */
    public String getOriginalName() {
        return file.getName();
    }

    public LocalDateTime getUploadedAt() {
        return uploadedAt;
    }

    public boolean isRemoved() {
        return removedAt != null;
    }
}
