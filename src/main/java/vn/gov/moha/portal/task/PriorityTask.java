package vn.gov.moha.portal.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.SearchText;
import vn.gov.moha.portal.common.VersionedEntity;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.user.AppUser;

/** One of a year's priority tasks, with the ministry department that leads it and the leader in charge. */
@Entity
@Table(name = "priority_task")
public class PriorityTask extends VersionedEntity {

    @Column(name = "programme_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private int number;

    @Column(name = "title_vi", nullable = false, length = 500)
    private String titleVi;

    @Column(name = "title_en", nullable = false, length = 500)
    private String titleEn;

    @Column(length = 4000)
    private @Nullable String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_unit_id")
    private OrgUnit leadUnit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "leader_id")
    private @Nullable AppUser leader;

    /**
     * The lead unit was chosen by the portal's team from the ministry's 21/12/2023 review article (the ten 2024
     * tasks), not taken from a decision; cleared when an administrator picks another lead unit.
     */
    @Column(name = "lead_unit_proposed", nullable = false)
    private boolean leadUnitProposed;

    @Column(name = "search_text", nullable = false, length = 2000)
    private String searchText;

    /** The deadline or period as the ministry's list words it ("31/12/2026", "Quý II/2026", "Thường xuyên"). */
    @Column(name = "deadline_text", length = 100)
    private @Nullable String deadline;

    protected PriorityTask() {}

    public PriorityTask(int year, int number) {
        this.year = year;
        this.number = number;
    }

    @PrePersist
    @PreUpdate
    void fold() {
        searchText = SearchText.of(
                String.valueOf(number),
                titleVi,
                titleEn,
                leadUnit == null ? null : leadUnit.getNameVi(),
                leader == null ? null : leader.getFullName());
    }

    public @Nullable String getDeadline() {
        return deadline;
    }

    public void setDeadline(@Nullable String deadline) {
        this.deadline = deadline;
    }

    public String title(boolean english) {
        return english ? titleEn : titleVi;
    }

    public int getYear() {
        return year;
    }

    public int getNumber() {
        return number;
    }

    void setNumber(int number) {
        this.number = number;
    }

    public String getTitleVi() {
        return titleVi;
    }

    void setTitleVi(String titleVi) {
        this.titleVi = titleVi;
    }

    public String getTitleEn() {
        return titleEn;
    }

    void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public @Nullable String getDescription() {
        return description;
    }

    void setDescription(@Nullable String description) {
        this.description = description;
    }

    public OrgUnit getLeadUnit() {
        return leadUnit;
    }

    public boolean isLeadUnitProposed() {
        return leadUnitProposed;
    }

    void setLeadUnitProposed(boolean proposed) {
        this.leadUnitProposed = proposed;
    }

    void setLeadUnit(OrgUnit leadUnit) {
        if (this.leadUnit != null && !this.leadUnit.getId().equals(leadUnit.getId())) {
            leadUnitProposed = false;
        }
        this.leadUnit = leadUnit;
    }

    public @Nullable AppUser getLeader() {
        return leader;
    }

    void setLeader(@Nullable AppUser leader) {
        this.leader = leader;
    }

    public String getSearchText() {
        return searchText;
    }
}
