package vn.gov.moha.portal.workflow.adhoc;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.report.UploadedFile;

/** A request's template (no answer) or a file attached to an answer, kept on disk under a generated name. */
@Entity
@Table(name = "adhoc_file")
public class AdhocFile extends UploadedFile {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private AdhocRequest request;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "answer_id")
    private @Nullable AdhocAnswer answer;

    protected AdhocFile() {}

    AdhocFile(AdhocRequest request, @Nullable AdhocAnswer answer, FileStore.Stored kept, AppUser by) {
        super(kept, by);
        this.request = request;
        this.answer = answer;
    }

    void remove() {
        markRemoved();
    }

    public AdhocRequest getRequest() {
        return request;
    }

    public @Nullable AdhocAnswer getAnswer() {
        return answer;
    }
}
