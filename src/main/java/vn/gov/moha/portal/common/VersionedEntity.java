package vn.gov.moha.portal.common;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** An entity with a generated id and an optimistic-lock version (column {@code version}). */
@MappedSuperclass
public abstract class VersionedEntity extends BaseEntity {

    @Version
    private long version;

    public long getVersion() {
        return version;
    }
}
