package vn.gov.moha.portal.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.Formula;

/** A programme year (2024, 2025, …): each has its own list of priority tasks. */
@Entity
@Table(name = "programme_year")
public class ProgrammeYear {

    // Not a BaseEntity: the year itself is the key (natural id, no generated one, no version).
    @Id
    @Column(name = "programme_year")
    private Integer year;

    @Column(name = "opened_at", nullable = false)
    private LocalDateTime openedAt;

    /** How many tasks the year has, read with the year (a screen picks the newest year that has any). */
    @Formula("(select count(*) from priority_task pt where pt.programme_year = programme_year)")
    private int taskCount;

    protected ProgrammeYear() {}

    public ProgrammeYear(int year) {
        this.year = year;
        this.openedAt = LocalDateTime.now();
    }

    public int getYear() {
        return year;
    }

    public boolean hasTasks() {
        return taskCount > 0;
    }
}
