package vn.gov.moha.portal.common;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/** An entity whose id (column {@code id}) the database generates; see {@link VersionedEntity} for one with a version. */
@MappedSuperclass
public abstract class BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    /** Null until saved. */
    public @Nullable Long getId() {
        return id;
    }

    /**
     * Whether both have the same id, read from the fields (not through a Hibernate proxy's getter), as the entities
     * that compare by id have always done.
     */
    protected static boolean sameId(BaseEntity a, BaseEntity b) {
        return a.id != null && a.id.equals(b.id);
    }
}
