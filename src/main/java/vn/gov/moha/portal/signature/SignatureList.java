package vn.gov.moha.portal.signature;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.ui.Fact;

/**
 * Shows a file's signature check to a civil servant: for each signature who signed, when (Vietnam time), whether
 * the file is unchanged since and whether the certificate is one the portal trusts, with the reason when not; or
 * that the file has no signature. Place it next to the file's download link.
 */
public class SignatureList extends Div {

    public SignatureList(SignatureCheck check) {
        addClassName("signature-list");
        switch (check.state()) {
            case UNSIGNED -> add(hint("signature.none"));
            case UNREADABLE -> add(hint("signature.unreadable"));
            case SIGNED -> {
                check.signatures().forEach(s -> add(card(s)));
                add(hint("signature.note"));
            }
        }
    }

    private Div card(PdfSignature signature) {
        Div card = new Div();
        card.addClassName("signature");
        String who = signature.signer().isEmpty() ? getTranslation("signature.signer.unknown") : signature.signer();
        if (signature.organisation() != null) {
            who = getTranslation("signature.signer.withOrganisation", who, signature.organisation());
        }
        String when = signature.signedAt() == null
                ? getTranslation("signature.signedAt.unknown")
                : Formats.dateTime(signature.signedAt());
        Div facts = new Div(
                new Fact(getTranslation("signature.signer"), who),
                new Fact(getTranslation("signature.signedAt"), when));
        facts.addClassName("facts");
        Div badges = new Div(
                badge("signature.integrity." + signature.integrity(), signature.intact()),
                badge("signature.trust." + signature.trust(), signature.trusted()));
        badges.addClassName("signature-badges");
        card.add(facts, badges);
        if (signature.integrity() != Integrity.INTACT) {
            card.add(reason("signature.integrity." + signature.integrity() + ".reason"));
        }
        if (!signature.trusted()) {
            card.add(reason("signature.trust." + signature.trust() + ".reason"));
        }
        if (signature.issuer() != null) {
            card.add(reason("signature.issuer", signature.issuer()));
        }
        return card;
    }

    private Span badge(String key, boolean good) {
        Span badge = new Span(getTranslation(key));
        badge.getElement().getThemeList().add(good ? "badge success" : "badge error");
        return badge;
    }

    private Div reason(String key, Object... parameters) {
        Div reason = new Div(getTranslation(key, parameters));
        reason.addClassName("hint");
        return reason;
    }

    private Span hint(String key) {
        Span hint = new Span(getTranslation(key));
        hint.addClassName("hint");
        return hint;
    }
}
