package vn.gov.moha.portal.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A file kept by {@link FileStore}, as the row that owns it records it: the name it had, its generated name on
 * disk, its type (checked from the content), size and SHA-256. Evidence files, ad hoc files and official
 * documents embed it; a table whose column is named otherwise says so with {@code @AttributeOverride}. The name
 * on disk stays inside this package: {@link FileStore} reads the file through it.
 */
@Embeddable
public class StoredFile {

    @Column(name = "original_name", nullable = false)
    private String name;

    @Column(name = "stored_name", nullable = false, length = 64)
    private String storedName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    protected StoredFile() {}

    public StoredFile(FileStore.Stored kept) {
        this.name = kept.name();
        this.storedName = kept.storedName();
        this.contentType = kept.contentType();
        this.sizeBytes = kept.size();
        this.sha256 = kept.sha256();
    }

    /** The name the file had on the uploader's computer: its base name only (rows stored before that rule too). */
    public String getName() {
        return FileStore.baseName(name);
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    /** SHA-256 of the file as received, hex. */
    public String getSha256() {
        return sha256;
    }

    String storedName() {
        return storedName;
    }
}
