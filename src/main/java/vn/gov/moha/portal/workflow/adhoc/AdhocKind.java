package vn.gov.moha.portal.workflow.adhoc;

/** What a request asks for (Decree 09/2019/NĐ-CP): an ad hoc report (đột xuất) or a thematic one (chuyên đề). */
public enum AdhocKind {
    AD_HOC,
    THEMATIC;

    public String translationKey() {
        return "adhoc.kind." + name();
    }
}
