// <moha-echart>: an Apache ECharts chart whose option (JSON) comes from the server in the
// "option" attribute; it follows the size of its container. SVG renderer: sharp on every screen,
// no canvas, and nothing evaluated from strings (the page's CSP stays as it is).
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

class MohaEChart extends HTMLElement {
  static get observedAttributes() {
    return ['option'];
  }

  private chart?: echarts.ECharts;
  private observer?: ResizeObserver;

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this.chart = echarts.init(this, undefined, { renderer: 'svg' });
    this.observer = new ResizeObserver(() => this.chart?.resize());
    this.observer.observe(this);
    this.apply();
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  attributeChangedCallback() {
    this.apply();
  }

  private apply() {
    const json = this.getAttribute('option');
    if (this.chart && json) {
      this.chart.setOption(JSON.parse(json), true);
    }
  }
}

if (!customElements.get('moha-echart')) {
  customElements.define('moha-echart', MohaEChart);
}
