// The details panel: the events of an edge and the article behind an event.
// Article text and evidence come from crawled news pages: they are untrusted and only ever
// enter the page through textContent, never as HTML.

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** "2015-12-24", "2015-12", "2015" or "2014-03-17 – 2014-03-20": an event date as the text knows it. */
export function dateText(date) {
  if (!date || !date.start) return "undated";
  const start = String(date.start);
  const end = String(date.end || date.start);
  const cut = { year: 4, decade: 4, season: 7, month: 7 }[date.precision] || 10;
  const a = start.slice(0, cut);
  const b = end.slice(0, cut);
  return a === b ? a : `${a} – ${b}`;
}

function names(refs) {
  return refs && refs.length ? refs.map((r) => r.name).join(", ") : "—";
}

/** One event as a button: date, type, who to whom, modality, attribution, evidence sentence. */
export function eventItem(event, onOpen) {
  const item = el("li");
  const button = el("button", "event");
  button.type = "button";
  button.dataset.eventId = event.id;
  const type = event.mode ? `${event.type}/${event.mode}` : event.type;
  button.append(el("div", "event-head", `${dateText(event.date)} · ${type}: ${names(event.source)} → ${names(event.target)}`));
  const tags = el("div", "event-tags");
  tags.append(el("span", "", event.modality));
  if (event.covert) {
    tags.append(" · ");
    tags.append(el("span", "tag-covert", "covert"));
  }
  const chain = (event.attribution || []).map((a) => `${a.name} (${a.cue})`).join(" → ");
  if (chain) tags.append(` · according to ${chain}`);
  const article = event.article || {};
  const source = [article.publisher, article.published].filter(Boolean).join(", ");
  if (source) tags.append(` · ${source}`);
  button.append(tags);
  const evidence = event.evidence || {};
  button.append(el("div", "evidence", evidence.sentence || evidence.text || ""));
  button.addEventListener("click", () => onOpen(event));
  item.append(button);
  return item;
}

/**
 * The article text with its actor mentions and one event's span highlighted.
 * Spans may nest (a mention inside the evidence); the text is cut at every span boundary and
 * each piece gets the classes of the spans covering it.
 */
export function renderArticle(container, article, event) {
  const text = article.text || "";
  const spans = [];
  const participants = new Set([...(event?.source || []), ...(event?.target || [])].map((r) => r.id));
  for (const m of article.mentions || []) {
    const cls = participants.has(m.actor_id) ? "mention participant" : "mention";
    spans.push({ start: m.start, end: m.end, cls, title: `${m.name || m.actor_id} (${m.kind || "actor"})` });
  }
  const evidence = event?.evidence;
  if (evidence && evidence.start != null && evidence.end != null) {
    spans.push({ start: evidence.start, end: evidence.end, cls: "evidence-span", title: `${event.type}: ${evidence.text}` });
    if (evidence.trigger) {
      const at = text.indexOf(evidence.trigger, evidence.start);
      if (at >= 0 && at < evidence.end) spans.push({ start: at, end: at + evidence.trigger.length, cls: "trigger", title: "trigger" });
    }
  }
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  container.replaceChildren();
  let first = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      container.append(document.createTextNode(text.slice(a, b)));
      continue;
    }
    const piece = el("span", covering.map((s) => s.cls).join(" "), text.slice(a, b));
    piece.title = covering.map((s) => s.title).join("; ");
    if (!first && covering.some((s) => s.cls === "evidence-span")) first = piece;
    container.append(piece);
  }
  return first;
}
