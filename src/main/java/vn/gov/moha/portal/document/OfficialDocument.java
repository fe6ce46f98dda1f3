package vn.gov.moha.portal.document;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import vn.gov.moha.portal.common.BaseEntity;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.common.StoredFile;
import vn.gov.moha.portal.user.AppUser;

/**
 * An official document (văn bản) with its signed PDF, stored under a generated name like evidence files. Never
 * changed once recorded: the units assigned in one action share it.
 */
@Entity
@Table(name = "official_document")
public class OfficialDocument extends BaseEntity {

    @Column(nullable = false, length = 50)
    private String number;

    @Column(name = "number_search", nullable = false, length = 50)
    private String numberSearch;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(nullable = false, length = 1000)
    private String summary;

    @Column(nullable = false)
    private String issuer;

    @Column(nullable = false)
    private String signer;

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "file_name", nullable = false))
    private StoredFile file;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    private AppUser createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected OfficialDocument() {}

    OfficialDocument(
            String number,
            LocalDate issuedOn,
            String summary,
            String issuer,
            String signer,
            FileStore.Stored file,
            AppUser createdBy) {
        this.number = number;
        this.numberSearch = SearchText.fold(number);
        this.issuedOn = issuedOn;
        this.summary = summary;
        this.issuer = issuer;
        this.signer = signer;
        this.file = new StoredFile(file);
        this.createdBy = createdBy;
        this.createdAt = LocalDateTime.now();
    }

    /** Số/ký hiệu, e.g. {@code 125/QĐ-BNV}. */
    public String getNumber() {
        return number;
    }

    /** Ngày ban hành. */
    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    /** Trích yếu: the subject line. */
    public String getSummary() {
        return summary;
    }

    /** Cơ quan ban hành. */
    public String getIssuer() {
        return issuer;
    }

    /** Người ký. */
    public String getSigner() {
        return signer;
    }

    /** The signed PDF. */
    public StoredFile getFile() {
        return file;
    }

    public String getFileName() {
        return file.getName();
    }
}
