package vn.gov.moha.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * An Apache ECharts chart (free, Apache-2.0, from npm): the server sends the chart's option as
 * JSON, the web component {@code frontend/src/echart.ts} draws it as SVG and follows its size.
 */
@Tag("moha-echart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./src/echart.ts")
public class EChart extends Component implements HasSize, HasStyle {

    public EChart(String ariaLabel) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", ariaLabel);
    }

    /** The ECharts option object, as JSON. */
    public void setOption(String json) {
        getElement().setAttribute("option", json);
    }

    public String getOption() {
        return getElement().getAttribute("option");
    }
}
