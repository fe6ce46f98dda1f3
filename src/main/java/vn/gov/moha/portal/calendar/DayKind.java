package vn.gov.moha.portal.calendar;

/**
 * What a listed day is: a day off (public holiday, Tết, or a weekday off swapped for a weekend day),
 * or a weekend day worked instead (ngày làm bù). Days not listed follow the week: Monday to Friday
 * work, Saturday and Sunday off.
 */
public enum DayKind {
    HOLIDAY,
    MAKEUP_DAY;

    public String translationKey() {
        return "calendar.kind." + name();
    }
}
