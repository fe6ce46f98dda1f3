package vn.gov.moha.portal.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A year the portal has a calendar for, and where its days last came from. A new year is inserted,
 * never merged, so two nodes creating the same year meet the primary key.
 */
@Entity
@Table(name = "calendar_year")
public class CalendarYear implements Persistable<Integer> {

    /** Where a year's days last came from. */
    public enum Source {
        SHIPPED,
        UPLOAD,
        EDIT
    }

    // Not a BaseEntity: the year itself is the key (natural id, no generated one, no version).
    @Id
    @Column(name = "calendar_year")
    private Integer year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Source source;

    @Column(name = "file_name", length = 255)
    private @Nullable String fileName;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 50)
    private String updatedBy;

    @Transient
    private boolean fresh;

    protected CalendarYear() {}

    CalendarYear(int year) {
        this.year = year;
        this.fresh = true;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public Integer getId() {
        return year;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    void touch(Source source, @Nullable String fileName, String by) {
        this.source = source;
        this.fileName = fileName;
        this.updatedBy = by;
        this.updatedAt = LocalDateTime.now().withNano(0);
    }

    public int getYear() {
        return year;
    }

    public Source getSource() {
        return source;
    }

    public @Nullable String getFileName() {
        return fileName;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
