package vn.gov.moha.portal.unit;

/** What a unit is: the ministry itself, one of its departments, or a provincial Department of Home Affairs. */
public enum UnitKind {
    MINISTRY,
    DEPARTMENT,
    PROVINCE;

    public String translationKey() {
        return "unit.kind." + name();
    }
}
