// The network view: Cytoscape.js with the fCoSE force-directed layout (no layout of our own).

import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

export const KIND_COLOURS = {
  state: "#1f77b4", government: "#4e79a7", military: "#2f4b7c", police: "#5b8bd6",
  intelligence: "#6a3d9a", judiciary: "#8c6bb1", legislature: "#9e9ac8", party: "#e377c2",
  armed_group: "#d62728", igo: "#17becf", ngo: "#2ca02c", media: "#bcbd22", company: "#8c564b",
  person: "#ff7f0e", population: "#7f7f7f", other: "#b8bcc2",
};
export const TIE_COLOURS = { cooperation: "#2e9d5b", conflict: "#d1453b", mixed: "#9aa1ab" };

/** Cooperation, conflict or mixed: which side of the balance a tie's events fall on. */
export function balance(data) {
  if (data.cooperation > data.conflict) return "cooperation";
  if (data.conflict > data.cooperation) return "conflict";
  return "mixed";
}

export function createGraph(container) {
  return cytoscape({
    container,
    elements: [],
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      {
        selector: "node",
        style: {
          "background-color": (n) => KIND_COLOURS[n.data("kind")] || KIND_COLOURS.other,
          width: "data(size)",
          height: "data(size)",
          label: "data(label)",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-outline-color": "#fff",
          "text-outline-width": 2,
          color: "#1d2228",
        },
      },
      {
        selector: "edge",
        style: {
          width: "data(width)",
          "line-color": (e) => TIE_COLOURS[balance(e.data())],
          "target-arrow-color": (e) => TIE_COLOURS[balance(e.data())],
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.8,
          "curve-style": "bezier",
          opacity: 0.8,
        },
      },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#111" } },
      { selector: "edge:selected", style: { opacity: 1, "line-style": "solid", "z-index": 10, "overlay-opacity": 0.15 } },
      { selector: ".faded", style: { opacity: 0.15 } },
      {
        selector: ".path",
        style: { "underlay-color": "#f5c400", "underlay-opacity": 0.55, "underlay-padding": 5, opacity: 1 },
      },
    ],
  });
}

/** Replace the drawn elements with an /api/graph answer and lay them out. */
export function draw(cy, graph) {
  const nodes = graph.nodes.map((n) => ({
    group: "nodes",
    data: { ...n.data, size: 14 + 9 * Math.sqrt(n.data.events || 1) },
  }));
  const edges = graph.edges.map((e) => ({
    group: "edges",
    data: { ...e.data, width: 1 + 1.8 * Math.sqrt(e.data.events) },
  }));
  cy.batch(() => {
    cy.elements().remove();
    cy.add([...nodes, ...edges]);
  });
  if (nodes.length) {
    cy.layout({
      name: nodes.length > 1 ? "fcose" : "grid",
      animate: false,
      randomize: true,
      quality: "default",
      nodeRepulsion: 9000,
      idealEdgeLength: 110,
      padding: 40,
    }).run();
    cy.fit(undefined, 40);
  }
}
