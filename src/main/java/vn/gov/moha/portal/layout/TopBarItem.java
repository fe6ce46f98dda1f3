package vn.gov.moha.portal.layout;

import com.vaadin.flow.component.Component;

/**
 * A feature's component in the top bar of every screen (the notification bell), shown by the frame without
 * the frame depending on the feature: a prototype bean, so each frame (browser tab) gets its own, brought up
 * to date after each navigation.
 */
public interface TopBarItem {

    /** The component to show. */
    Component component();

    /** Called by the frame after each navigation to another screen or address. */
    void refresh();
}
