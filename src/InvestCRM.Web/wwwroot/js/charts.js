// Draws every [data-chart] element with ECharts from the JSON in its attribute.
// The same numbers are always in a table next to the chart.
(function () {
  function draw(element) {
    if (!window.echarts || element.dataset.drawn) return;
    const spec = JSON.parse(element.dataset.chart);
    const chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 16, top: 24, bottom: 40 },
      xAxis: { type: "category", data: spec.labels },
      yAxis: { type: "value" },
      series: spec.series.map((s) => ({ name: s.name, type: spec.type, data: s.data })),
    });
    element.dataset.drawn = "1";
    window.addEventListener("resize", () => chart.resize());
  }
  function drawAll(root) { (root || document).querySelectorAll("[data-chart]").forEach(draw); }
  document.addEventListener("DOMContentLoaded", () => drawAll());
  document.addEventListener("htmx:afterSwap", (e) => drawAll(e.target));
})();
