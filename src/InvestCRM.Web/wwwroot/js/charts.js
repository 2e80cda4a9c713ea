// Draws every [data-chart] element with ECharts from the JSON in its attribute.
// The same numbers are always in a table next to the chart.
(function () {
  function draw(element) {
    if (!window.echarts || element.dataset.drawn) return;
    const spec = JSON.parse(element.dataset.chart);
    const chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: spec.series.length > 1 ? { bottom: 0 } : undefined,
      grid: { left: 40, right: 16, top: 24, bottom: 40 },
      xAxis: { type: "category", data: spec.labels },
      yAxis: { type: "value" },
      series: spec.series.map((s) => ({ name: s.name, type: spec.type, data: s.data, stack: spec.stack ? "total" : undefined })),
    });
    element.dataset.drawn = "1";
    window.addEventListener("resize", () => chart.resize());
  }
  function drawAll(root) { (root || document).querySelectorAll("[data-chart]").forEach(draw); }
  document.addEventListener("DOMContentLoaded", () => drawAll());
  document.addEventListener("htmx:afterSwap", (e) => drawAll(e.target));
  // Print shows the numbers instead of the charts: open every chart's table first, close again afterwards.
  window.addEventListener("beforeprint", () => document.querySelectorAll("details.chart-data:not([open])").forEach((d) => {
    d.open = true;
    d.dataset.printOpened = "1";
  }));
  window.addEventListener("afterprint", () => document.querySelectorAll("details[data-print-opened]").forEach((d) => {
    d.open = false;
    delete d.dataset.printOpened;
  }));
})();
