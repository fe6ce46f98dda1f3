package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.user.AppUser;
import vn.gov.moha.portal.workflow.assignment.DeadlineChange;
import vn.gov.moha.portal.workflow.extension.ExtensionRequest;
import vn.gov.moha.portal.workflow.extension.ExtensionService;
import vn.gov.moha.portal.workflow.reporting.AssignmentPage;

/**
 * The assignment's deadline history, oldest first, every time in Vietnam time: the deadline it was given, the
 * manager's changes with their reasons, and each extension request with its decision (granted or refused, who
 * decided, when, and why). A granted request's deadline change is shown as its decision, not a second time. A
 * request still waiting says who decides it, with the decision button for that leader.
 */
class DeadlineHistory extends Div {

    private record Entry(LocalDateTime at, Div line) {}

    DeadlineHistory(AssignmentPage page, ExtensionService extensions, Runnable onChanged) {
        addClassNames("plain-list", "deadline-history");
        setId("deadline-history");
        List<Entry> entries = new ArrayList<>();
        for (DeadlineChange d : page.deadlineChanges()) {
            if (d.getExtensionRequestId() != null) {
                continue; // shown as the decision of its request
            }
            String text = d.isInitial()
                    ? getTranslation("extension.history.assigned", Formats.date(d.getNewDeadline()))
                    : getTranslation(
                            "extension.history.changed",
                            d.getOldDeadline() == null ? "–" : Formats.date(d.getOldDeadline()),
                            d.getNewDeadline() == null ? "–" : Formats.date(d.getNewDeadline()),
                            d.getReason());
            entries.add(entry(d.getChangedAt(), text, d.getChangedBy(), "deadline-change"));
        }
        AppUser inCharge = page.assignment().leaderInCharge();
        for (ExtensionRequest r : page.extensionRequests()) {
            Entry asked = entry(
                    r.getRequestedAt(),
                    getTranslation(
                            "extension.history.requested",
                            Formats.date(r.getCurrentDeadline()),
                            Formats.date(r.getRequestedDeadline()),
                            r.getReason()),
                    r.getRequestedBy(),
                    "extension-item");
            entries.add(asked);
            if (r.getDocument() != null) {
                Long requestId = r.getId();
                asked.line().add(new DocumentCard(r.getDocument(), () -> extensions.documentFile(requestId)));
            }
            if (r.getStatus() == ExtensionRequest.Status.PENDING) {
                Span waiting = new Span(
                        inCharge == null
                                ? getTranslation("extension.history.waitingAnyLeader")
                                : getTranslation("extension.history.waiting", inCharge.getFullName()));
                waiting.addClassName("deadline-waiting");
                asked.line().add(waiting);
                if (page.mayDecide(r)) {
                    Button decide = new Button(
                            getTranslation("extension.approve") + " / " + getTranslation("extension.reject"),
                            e -> new ExtensionDecisionDialog(extensions, r, onChanged).open());
                    decide.addClassName("extension-decide");
                    asked.line().add(decide);
                }
            } else if (r.getDecidedAt() != null && r.getDecidedBy() != null) {
                boolean granted = r.getStatus() == ExtensionRequest.Status.APPROVED;
                String comment = r.getDecisionComment() == null ? "–" : r.getDecisionComment();
                entries.add(entry(
                        r.getDecidedAt(),
                        granted
                                ? getTranslation(
                                        "extension.history.granted", Formats.date(r.getRequestedDeadline()), comment)
                                : getTranslation(
                                        "extension.history.refused", Formats.date(r.getCurrentDeadline()), comment),
                        r.getDecidedBy(),
                        granted ? "extension-granted" : "extension-refused"));
            }
        }
        entries.sort(Comparator.comparing(Entry::at));
        entries.forEach(e -> add(e.line()));
        if (entries.isEmpty()
                || (page.extensionRequests().isEmpty() && !page.assignment().isOngoing())) {
            Div none = new Div(new Span(getTranslation("extension.none")));
            none.addClassName("deadline-entry");
            add(none);
        }
    }

    private Entry entry(LocalDateTime at, String text, @Nullable AppUser who, String kind) {
        Span time = new Span(Formats.dateTime(at));
        time.addClassName("deadline-time");
        Span what = new Span(text);
        Span by = new Span(who == null ? "" : "— " + who.getFullName());
        by.addClassName("deadline-by");
        Div line = new Div(time, what, by);
        line.addClassNames("deadline-entry", kind);
        return new Entry(at, line);
    }
}
