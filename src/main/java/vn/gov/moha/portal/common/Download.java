package vn.gov.moha.portal.common;

/**
 * A file made for the user to download (an export): its name, content type, bytes and how many data
 * rows it holds.
 */
public record Download(String fileName, String mimeType, byte[] content, long rows) {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    /** Hears how far a long export is: rows written so far of the total (total -1 when not known). */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (done, total) -> {};

        void rows(long done, long total);

        static Progress orNone(Progress p) {
            return p == null ? NONE : p;
        }
    }
}
