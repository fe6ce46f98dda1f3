package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.function.Consumer;

/** Tells a screen whether it is shown on a phone-sized window, now and whenever the window is resized. */
public final class Responsive {

    /** Below this width (CSS pixels) a screen drops its secondary grid columns. */
    public static final int NARROW_BELOW = 700;

    private Responsive() {}

    public static void onNarrow(Component component, Consumer<Boolean> apply) {
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(d -> apply.accept(d.getWindowInnerWidth() < NARROW_BELOW));
            var registration =
                    ui.getPage().addBrowserWindowResizeListener(e -> apply.accept(e.getWidth() < NARROW_BELOW));
            component.addDetachListener(detach -> {
                registration.remove();
                detach.unregisterListener();
            });
        });
    }
}
