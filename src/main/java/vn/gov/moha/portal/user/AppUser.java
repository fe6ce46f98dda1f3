package vn.gov.moha.portal.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.common.VersionedEntity;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.unit.OrgUnit;

/** A person who logs in: a civil servant of the ministry or of a province, with roles and a unit. */
@Entity
@Table(name = "app_user")
public class AppUser extends VersionedEntity {

    @Column(nullable = false, unique = true, length = 50)
    private String username;

    @Column(name = "full_name", nullable = false, length = 150)
    private String fullName;

    @Column(nullable = false, length = 254)
    private String email;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private @Nullable OrgUnit unit;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    /** Signs in with the ministry's directory, which gives the role and unit; no local password (DirectoryAccounts). */
    @Column(nullable = false)
    private boolean directory;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "search_text", nullable = false, length = 600)
    private String searchText;

    protected AppUser() {}

    public AppUser(String username, String fullName, String email, String passwordHash) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.passwordHash = passwordHash;
    }

    @PrePersist
    @PreUpdate
    void fold() {
        // a search column, not a record: a very long name and e-mail may only lose the unit's name at the end
        searchText =
                SearchText.limit(SearchText.of(username, fullName, email, unit == null ? null : unit.getNameVi()), 600);
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public @Nullable OrgUnit getUnit() {
        return unit;
    }

    public void setUnit(@Nullable OrgUnit unit) {
        this.unit = unit;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isDirectory() {
        return directory;
    }

    void setDirectory(boolean directory) {
        this.directory = directory;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof AppUser other && sameId(this, other);
    }

    @Override
    public int hashCode() {
        return AppUser.class.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
