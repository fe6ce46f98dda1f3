package vn.gov.moha.portal.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.VersionedEntity;

/** One listed day of the calendar: a day off that is not a weekend, or a weekend day worked. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends VersionedEntity {

    @Column(name = "calendar_date", nullable = false)
    private LocalDate date;

    @Column(name = "calendar_year", nullable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DayKind kind;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 500)
    private @Nullable String note;

    protected CalendarDay() {}

    CalendarDay(LocalDate date, DayKind kind, String name, @Nullable String note) {
        set(date, kind, name, note);
    }

    void set(LocalDate date, DayKind kind, String name, @Nullable String note) {
        this.date = date;
        this.year = date.getYear();
        this.kind = kind;
        this.name = name;
        this.note = note;
    }

    /** "date=2024-05-04; dayKind=MAKEUP_DAY; name=…" for the event log. */
    String describe() {
        return "date=" + date + "; dayKind=" + kind + "; name=" + name;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getYear() {
        return year;
    }

    public DayKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getNote() {
        return note;
    }
}
