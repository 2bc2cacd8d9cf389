// The timeline: events per period stacked by CAMEO QuadClass, drawn as plain SVG bars.

const SVG = "http://www.w3.org/2000/svg";
export const QUADS = [
  { key: "1", label: "verbal cooperation", colour: "#8fd1a5" },
  { key: "2", label: "material cooperation", colour: "#2e9d5b" },
  { key: "3", label: "verbal conflict", colour: "#f1a267" },
  { key: "4", label: "material conflict", colour: "#d1453b" },
];

function element(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** Draw a /api/timeline series into an <svg>; text goes in as textContent only. */
export function drawTimeline(svg, series) {
  svg.replaceChildren();
  const width = svg.clientWidth || 600;
  const height = svg.clientHeight || 140;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const margin = { left: 34, right: 8, top: 6, bottom: 18 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  if (!series.length) {
    const empty = element("text", { x: margin.left, y: height / 2, fill: "#5f6670" });
    empty.textContent = "no events in this selection";
    svg.append(empty);
    return;
  }
  const top = Math.max(1, ...series.map((p) => p.events));
  const step = plotW / series.length;
  const barW = Math.min(40, Math.max(1, step * 0.85));
  for (const [i, point] of series.entries()) {
    let y = margin.top + plotH;
    for (const quad of QUADS) {
      const count = point.by_quad[quad.key] || 0;
      if (!count) continue;
      const h = (count / top) * plotH;
      y -= h;
      const bar = element("rect", {
        x: margin.left + i * step, y, width: barW, height: h, fill: quad.colour, class: `quad-${quad.key}`,
      });
      const title = element("title");
      title.textContent = `${point.period}: ${count} ${quad.label}`;
      bar.append(title);
      svg.append(bar);
    }
  }
  const axis = element("line", {
    x1: margin.left, x2: width - margin.right, y1: margin.top + plotH, y2: margin.top + plotH, stroke: "#8a94a3",
  });
  svg.append(axis);
  const labels = [
    [series[0].period, margin.left, "start"],
    [series[series.length - 1].period, width - margin.right, "end"],
  ];
  for (const [text, x, anchor] of labels) {
    const label = element("text", { x, y: height - 4, "font-size": 10, "text-anchor": anchor, fill: "#5f6670" });
    label.textContent = text;
    svg.append(label);
  }
  const maxLabel = element("text", { x: margin.left - 4, y: margin.top + 9, "font-size": 10, "text-anchor": "end", fill: "#5f6670" });
  maxLabel.textContent = String(top);
  svg.append(maxLabel);
}
