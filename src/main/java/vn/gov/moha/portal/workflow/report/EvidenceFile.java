package vn.gov.moha.portal.workflow.report;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.user.AppUser;

/** An evidence file of a report, stored under a generated name; its type was checked from its content. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends UploadedFile {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private ProgressReport report;

    protected EvidenceFile() {}

    EvidenceFile(ProgressReport report, FileStore.Stored kept, AppUser uploadedBy) {
        super(kept, uploadedBy);
        this.report = report;
    }

    public ProgressReport getReport() {
        return report;
    }

    void remove() {
        markRemoved();
    }
}
