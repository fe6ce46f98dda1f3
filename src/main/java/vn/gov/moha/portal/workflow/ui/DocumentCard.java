package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.util.function.Supplier;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.document.OfficialDocument;
import vn.gov.moha.portal.ui.Fact;

/**
 * An official document as a card: số/ký hiệu and ngày ban hành, trích yếu, cơ quan ban hành, người ký, and a link
 * that downloads its signed PDF through the service that shows it (which checks, on each click, that the person
 * may see what cites the document). {@link #extras} is the place under the document for what is later known about
 * the file (its digital signature).
 */
class DocumentCard extends Div {

    /** Under the document's facts and link: the signatures of its PDF, where the page has them. */
    final Div extras = new Div();

    final Anchor download;

    DocumentCard(OfficialDocument d, Supplier<FileStore.Download> file) {
        addClassName("document-card");
        Fact summary = new Fact(getTranslation("document.summary"), d.getSummary());
        summary.addClassName("fact-wide");
        Div facts = new Div(
                new Fact(
                        getTranslation("document.number"),
                        getTranslation("document.line", d.getNumber(), Formats.date(d.getIssuedOn()))),
                new Fact(getTranslation("document.issuer"), d.getIssuer()),
                new Fact(getTranslation("document.signer"), d.getSigner()),
                summary);
        facts.addClassName("document-facts");
        download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        FileStore.Download f = file.get();
                        return new DownloadResponse(f.content(), f.name(), f.contentType(), f.size());
                    } catch (InvalidInputException e) {
                        return DownloadResponse.error(404);
                    }
                }),
                getTranslation(
                        "document.download",
                        d.getFileName(),
                        String.format(getLocale(), "%,.1f KB", d.getFile().getSizeBytes() / 1024.0)));
        download.addComponentAsFirst(VaadinIcon.FILE_TEXT_O.create());
        download.addClassName("document-download");
        extras.addClassName("document-extras");
        add(facts, download, extras);
    }
}
