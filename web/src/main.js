// The newsgraph page: filters on the left, the network in the middle, evidence on the right.

import { get } from "./api.js";
import { KIND_COLOURS, TIE_COLOURS, createGraph, draw } from "./graph.js";
import { eventItem, renderArticle } from "./panels.js";
import { QUADS, drawTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);

const state = {
  meta: null,
  months: [], // "YYYY-MM" of every month between the first and the last event
  level: "actor",
  types: new Set(),
  modalities: new Set(),
  selected: null, // {kind: "edge", source, target} or {kind: "node", id}
  summary: "", // what the status line says about the drawn graph
  request: 0,
};

const cy = createGraph($("graph"));
window.newsgraph = { cy, state }; // for the browser tests and for curious analysts

function setStatus(text, status) {
  $("status").textContent = text;
  if (status) document.body.dataset.status = status;
}

function monthsBetween(first, last) {
  const months = [];
  let [y, m] = first.slice(0, 7).split("-").map(Number);
  const end = last.slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
    if (key > end) break;
    months.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

function lastDay(month) {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The query parameters every network and event request shares. */
function filters() {
  const params = { level: state.level };
  const from = Number($("from-slider").value);
  const to = Number($("to-slider").value);
  if (state.months.length) {
    if (from > 0) params.from = `${state.months[from]}-01`;
    if (to < state.months.length - 1) params.to = lastDay(state.months[to]);
  }
  const allTypes = state.meta.event_types;
  if (state.types.size < allTypes.length) params.type = [...state.types].join(",") || "NONE";
  const allModalities = state.meta.all_modalities;
  if (state.modalities.size < allModalities.length) params.modality = [...state.modalities].join(",") || "NONE";
  if ($("covert").value) params.covert = $("covert").value;
  if ($("publisher").value) params.publisher = $("publisher").value;
  const minWeight = Number($("min-weight").value);
  if (minWeight > 1) params.min_weight = minWeight;
  return params;
}

function nothingSelected(params) {
  return params.type === "NONE" || params.modality === "NONE";
}

function checkboxes(container, values, chosen, label) {
  container.replaceChildren();
  for (const value of values) {
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = value;
    box.checked = true;
    box.id = `${container.id}-${value}`;
    chosen.add(value);
    box.addEventListener("change", () => {
      if (box.checked) chosen.add(value);
      else chosen.delete(value);
      refresh();
    });
    const wrap = document.createElement("label");
    wrap.append(box, ` ${label(value)}`);
    container.append(wrap);
  }
}

function buildFilters(meta) {
  const counts = Object.fromEntries(meta.types.map((t) => [t.type, t.events]));
  checkboxes($("types"), meta.event_types, state.types, (t) => (counts[t] ? `${t} (${counts[t]})` : t));
  const modal = Object.fromEntries(meta.modalities.map((m) => [m.modality, m.events]));
  checkboxes($("modalities"), meta.all_modalities, state.modalities, (m) => (modal[m] ? `${m} (${modal[m]})` : m));
  for (const p of meta.publishers) {
    const option = document.createElement("option");
    option.value = p.publisher;
    option.textContent = `${p.publisher} (${p.events})`;
    $("publisher").append(option);
  }
  state.months = meta.first && meta.last ? monthsBetween(String(meta.first), String(meta.last)) : [];
  for (const id of ["from-slider", "to-slider"]) {
    $(id).max = String(Math.max(0, state.months.length - 1));
  }
  $("from-slider").value = "0";
  $("to-slider").value = String(Math.max(0, state.months.length - 1));
  showWindow();
}

function showWindow() {
  const from = $("from-slider");
  const to = $("to-slider");
  if (Number(from.value) > Number(to.value)) {
    if (document.activeElement === from) to.value = from.value;
    else from.value = to.value;
  }
  $("window-label").textContent = state.months.length
    ? `${state.months[Number(from.value)]} – ${state.months[Number(to.value)]}`
    : "no dated events";
}

function legend() {
  const box = $("legend");
  box.replaceChildren();
  for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
    const item = document.createElement("span");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    item.append(swatch, kind.replace("_", " "));
    box.append(item);
  }
  for (const [name, colour] of Object.entries(TIE_COLOURS)) {
    const item = document.createElement("span");
    const line = document.createElement("span");
    line.className = "line";
    line.style.background = colour;
    item.append(line, name === "mixed" ? "balanced tie" : `${name} tie`);
    box.append(item);
  }
  const quads = $("timeline-legend");
  for (const quad of QUADS) {
    const item = document.createElement("span");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = quad.colour;
    item.append(swatch, quad.label);
    quads.append(item);
  }
}

let timer = null;
function refresh() {
  showWindow();
  clearTimeout(timer);
  document.body.dataset.status = "loading";
  timer = setTimeout(loadGraph, 200);
}

async function loadGraph() {
  const request = ++state.request;
  const params = filters();
  setStatus("Loading the network…", "loading");
  try {
    const graph = nothingSelected(params) ? { nodes: [], edges: [], ties: 0 } : await get("/api/graph", params);
    if (request !== state.request) return; // a newer request is on its way
    draw(cy, graph);
    const shown = graph.edges.length < graph.ties ? ` (the ${graph.edges.length} strongest of ${graph.ties})` : "";
    state.summary = `${graph.nodes.length} nodes, ${graph.edges.length} ties${shown} · ${state.level} level`;
    setStatus(state.summary, "ready");
    document.body.dataset.edges = String(graph.edges.length);
    document.body.dataset.level = state.level;
    await reselect();
  } catch (error) {
    if (request === state.request) setStatus(`Error: ${error.message}`, "error");
  }
}

async function reselect() {
  const selected = state.selected;
  if (selected?.kind === "edge") {
    const edge = cy.getElementById(`${selected.source}->${selected.target}`);
    if (edge.nonempty()) {
      edge.select();
      await showEdge(edge);
    } else {
      await showTimeline({});
    }
  } else if (selected?.kind === "node") {
    const node = cy.getElementById(selected.id);
    if (node.nonempty()) node.select();
    await showTimeline({ actor: selected.id }, selected.name);
  } else {
    await showTimeline({});
  }
}

async function showTimeline(nodes, title) {
  const params = { ...filters(), by: "month", ...nodes };
  delete params.min_weight;
  $("timeline-title").textContent = `Timeline: ${title || "every event"} (events per month)`;
  if (nothingSelected(params)) {
    drawTimeline($("timeline-chart"), []);
    return;
  }
  const timeline = await get("/api/timeline", params);
  drawTimeline($("timeline-chart"), timeline.series);
}

async function showEdge(edge) {
  const data = edge.data();
  cy.elements().removeClass("path faded");
  if (state.summary) setStatus(state.summary);
  state.selected = { kind: "edge", source: data.source, target: data.target };
  const title = `${data.source_name} → ${data.target_name}`;
  $("selection-title").textContent = title;
  const types = Object.entries(data.by_type).map(([t, n]) => `${t} ${n}`).join(", ");
  $("selection-meta").textContent =
    `${data.events} events (${data.cooperation} cooperative, ${data.conflict} conflictual; Goldstein ` +
    `${data.goldstein_sum}) · ${data.first || "?"} – ${data.last || "?"} · ${data.articles} articles, ` +
    `${data.publishers} publishers · ${types}`;
  const list = $("edge-events");
  list.replaceChildren();
  const params = { ...filters(), source: data.source, target: data.target, limit: 200 };
  delete params.min_weight;
  const [found] = await Promise.all([
    get("/api/edge", params),
    showTimeline({ actor: data.source, other: data.target }, `${data.source_name} ↔ ${data.target_name}`),
  ]);
  if (state.selected?.source !== data.source || state.selected?.target !== data.target) return;
  for (const event of found.events) list.append(eventItem(event, openArticle));
  document.body.dataset.edgeEvents = String(found.events.length);
}

function showNode(node) {
  const data = node.data();
  state.selected = { kind: "node", id: data.id, name: data.name };
  $("selection-title").textContent = `${data.name}`;
  $("selection-meta").textContent = `${data.kind.replace("_", " ")}${data.country ? ` · ${data.country}` : ""} · ${data.events} events in this view`;
  const list = $("edge-events");
  list.replaceChildren();
  const edges = node.connectedEdges().sort((a, b) => b.data("events") - a.data("events"));
  for (const edge of edges) {
    const item = document.createElement("li");
    item.className = "tie-list";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "event";
    const d = edge.data();
    button.textContent = `${d.source_name} → ${d.target_name}: ${d.events} events (${d.cooperation} coop., ${d.conflict} confl.)`;
    button.addEventListener("click", () => {
      cy.elements().unselect();
      edge.select();
      showEdge(edge);
    });
    item.append(button);
    list.append(item);
  }
  showTimeline({ actor: data.id }, data.name);
}

async function openArticle(event) {
  const article = await get(`/api/articles/${encodeURIComponent(event.doc_id)}`);
  $("article").hidden = false;
  $("article-title").textContent = article.title || article.source_path || article.id;
  const meta = [article.publisher, article.published, article.author && `by ${article.author}`, article.url]
    .filter(Boolean)
    .join(" · ");
  $("article-meta").textContent = meta;
  const highlighted = renderArticle($("article-text"), article, event);
  document.body.dataset.article = article.id;
  if (highlighted) highlighted.scrollIntoView({ block: "center" });
}

/** Find how two actors are linked and show the chains with the evidence of every link. */
async function findLinks(fromText, toText) {
  const params = { ...filters(), from: fromText, to: toText, evidence: 3, max_paths: 3 };
  // In /api/paths ``from``/``to`` name the actors; the time window is ``start``/``end``.
  const window = filters();
  params.start = window.from;
  params.end = window.to;
  delete params.min_weight;
  setStatus(`Looking for links between ${fromText} and ${toText}…`, "loading");
  let found;
  try {
    found = await get("/api/paths", params);
  } catch (error) {
    setStatus(`Error: ${error.message}`, "ready");
    return;
  }
  state.selected = null;
  cy.elements().removeClass("path faded").unselect();
  $("selection-title").textContent = `${found.source.name} ↔ ${found.target.name}`;
  const list = $("edge-events");
  list.replaceChildren();
  $("selection-meta").textContent = found.paths.length
    ? `${found.paths.length} shortest chain(s) of ties at the ${found.level} level`
    : "no chain of ties links them with these filters";
  const onPath = cy.collection();
  for (const path of found.paths) {
    const item = document.createElement("li");
    const title = document.createElement("div");
    title.className = "path-title";
    title.textContent = path.nodes.map((n) => n.name).join(" — ");
    item.append(title);
    const hops = document.createElement("ol");
    hops.className = "path-hops";
    for (const hop of path.edges) {
      onPath.merge(cy.getElementById(hop.source)).merge(cy.getElementById(hop.target));
      onPath.merge(cy.getElementById(`${hop.source}->${hop.target}`)).merge(cy.getElementById(`${hop.target}->${hop.source}`));
      const hopItem = document.createElement("li");
      for (const tie of hop.ties) {
        const head = document.createElement("div");
        head.className = "hop-title";
        head.textContent = `${tie.source_name} → ${tie.target_name}: ${tie.events} events (${tie.cooperation} coop., ${tie.conflict} confl.)`;
        hopItem.append(head);
        const events = document.createElement("ol");
        events.className = "events";
        for (const event of tie.evidence) events.append(eventItem(event, openArticle));
        hopItem.append(events);
      }
      hops.append(hopItem);
    }
    item.append(hops);
    list.append(item);
  }
  if (onPath.nonempty()) {
    cy.elements().not(onPath).addClass("faded");
    onPath.addClass("path");
  }
  document.body.dataset.paths = String(found.paths.length);
  setStatus(`${found.paths.length} chain(s) between ${found.source.name} and ${found.target.name}`, "ready");
  if (found.paths.length) {
    await showTimeline({ actor: found.source.id, other: found.target.id }, `${found.source.name} ↔ ${found.target.name}`);
  }
}

async function search(text) {
  const results = $("search-results");
  results.replaceChildren();
  if (text.trim().length < 2) return;
  const found = await get("/api/actors", { search: text.trim(), limit: 8 });
  for (const actor of found.actors) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `${actor.name} · ${actor.kind.replace("_", " ")}${actor.country ? ` · ${actor.country}` : ""} (${actor.events})`;
    button.addEventListener("click", () => focusActor(actor));
    item.append(button);
    results.append(item);
  }
}

async function focusActor(actor) {
  // At the country level the actor may be drawn as its country: ask the server which node.
  const timeline = await get("/api/timeline", { level: state.level, actor: actor.id, by: "year" });
  const id = timeline.nodes[0]?.id || actor.id;
  const node = cy.getElementById(id);
  cy.elements().unselect();
  if (node.nonempty()) {
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
    showNode(node);
  } else {
    state.selected = { kind: "node", id, name: actor.name };
    $("selection-title").textContent = actor.name;
    $("selection-meta").textContent = "not among the ties drawn with these filters";
    $("edge-events").replaceChildren();
    showTimeline({ actor: id }, actor.name);
  }
}

function wire() {
  for (const radio of document.querySelectorAll("input[name=level]")) {
    radio.addEventListener("change", () => {
      state.level = radio.value;
      state.selected = null;
      refresh();
    });
  }
  for (const id of ["from-slider", "to-slider"]) $(id).addEventListener("input", refresh);
  for (const id of ["covert", "publisher", "min-weight"]) $(id).addEventListener("change", refresh);
  $("types-all").addEventListener("click", () => setTypes(true));
  $("types-none").addEventListener("click", () => setTypes(false));
  let searchTimer = null;
  $("search").addEventListener("input", (e) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => search(e.target.value).catch((err) => setStatus(`Error: ${err.message}`)), 200);
  });
  cy.on("tap", "edge", (e) => {
    showEdge(e.target).catch((err) => setStatus(`Error: ${err.message}`));
  });
  cy.on("tap", "node", (e) => showNode(e.target));
  cy.on("tap", (e) => {
    if (e.target === cy) cy.elements().removeClass("path faded");
  });
  $("link-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const from = $("link-from").value.trim();
    const to = $("link-to").value.trim();
    if (from && to) findLinks(from, to);
  });
}

function setTypes(on) {
  for (const box of $("types").querySelectorAll("input")) {
    box.checked = on;
    if (on) state.types.add(box.value);
    else state.types.delete(box.value);
  }
  refresh();
}

async function main() {
  legend();
  wire();
  try {
    state.meta = await get("/api/meta");
  } catch (error) {
    setStatus(`Error: ${error.message}`, "error");
    return;
  }
  buildFilters(state.meta);
  const counts = state.meta.counts;
  document.title = `newsgraph · ${counts.events} events`;
  await loadGraph();
}

main();
