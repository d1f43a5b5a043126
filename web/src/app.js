// The web page of dipgraph serve: search, entity pages, a graph, a
// timeline, dyads and exports, all read from the server's own GraphQL API
// (/graphql) and exports (/export/{format}). Nothing is loaded from
// elsewhere: the page's security policy allows the server alone.
import cytoscape from "cytoscape";
import { DataSet } from "vis-data/peer";
import { Timeline } from "vis-timeline/peer";

const EVENT_TYPES = [
  "STATEMENT", "VISIT", "MEETING", "PHONE_CALL", "ANNIVERSARY", "CONFLICT", "MEDIATION",
  "NEGOTIATION", "MILITARY_ACTION", "AGREEMENT", "RESOLUTION", "SANCTION", "ACCUSATION", "AID",
  "APPOINTMENT", "COOPERATION", "APPEAL", "REJECTION", "THREAT", "PROTEST", "REDUCE_RELATIONS",
  "YIELD", "INVESTIGATION", "COERCION",
];
const FORMATS = ["graphml", "gexf", "cyjs", "json", "timelinejs", "ics", "csv", "gephi-nodes", "gephi-edges"];
const QUADS = [
  ["VERBAL_COOPERATION", "verbal cooperation", "#4e9a06"],
  ["MATERIAL_COOPERATION", "material cooperation", "#2a6f97"],
  ["VERBAL_CONFLICT", "verbal conflict", "#e9a23b"],
  ["MATERIAL_CONFLICT", "material conflict", "#c0392b"],
];
// Colours of the graph's nodes by kind: entity types, and events.
const KIND_COLOURS = {
  COUNTRY: "#2a6f97", PERSON: "#e76f51", ORGANIZATION: "#6a4c93", PLACE: "#4e9a06",
  REGION: "#8d99ae", EVENT: "#f4a261",
};

const $ = (id) => document.getElementById(id);

// el builds an element: el("a", {href: "#"}, "text", child...).
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  e.append(...nodes(children));
  return e;
}

// nodes flattens children, drops the absent ones and makes text of the
// rest that are not DOM nodes.
function nodes(children) {
  return children.flat(Infinity)
    .filter((c) => c !== undefined && c !== null && c !== false && c !== "")
    .map((c) => (typeof c === "object" && c.nodeType ? c : document.createTextNode(String(c))));
}

// show replaces the contents of target with children (el's kinds).
function show(target, ...children) {
  target.replaceChildren(...nodes(children));
}

// gql posts a query to the API and returns its data, or throws the
// first error's message.
async function gql(query, variables) {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
  return body.data;
}

const EVENT_FIELDS = `
  id type label date end precision modality
  cameo { code quadClass goldstein }
  participants { role entity { id name type } }
  evidence { articleId start end text article { title url source published } }`;

// The current selection: what the graph, timeline and exports show.
const state = {
  involving: [], // entity ids, all of which must take part
  title: "",
};

// filter returns the EventFilter of the selection and the date and type
// controls.
function filter() {
  const f = {};
  if (state.involving.length) f.involving = state.involving;
  if ($("from").value) f.from = $("from").value;
  if ($("to").value) f.to = $("to").value;
  if ($("etype").value) f.types = [$("etype").value];
  return f;
}

// exportQuery renders the selection as the query of GET /export/{format}.
function exportQuery() {
  const f = filter();
  const q = new URLSearchParams();
  if (f.involving) q.set("involving", f.involving.join(","));
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.types) q.set("type", f.types.join(","));
  return q.toString();
}

function renderExports() {
  const q = exportQuery();
  show($("exports"), 
    el("span", { class: "label" }, "Export:"),
    ...FORMATS.map((f) => el("a", { href: `/export/${f}${q ? "?" + q : ""}`, download: "", "data-format": f, class: "button" }, f)),
  );
}

// ---- search with suggestions ----

let searchSeq = 0;
let suggestIndex = -1;

async function suggest() {
  const text = $("q").value.trim();
  const seq = ++searchSeq;
  const list = $("suggest");
  if (text.length < 2) {
    list.hidden = true;
    return;
  }
  let hits;
  try {
    hits = (await gql(`query($t: String!) { search(text: $t, first: 10) { name score node { id __typename } } }`, { t: text })).search;
  } catch (e) {
    hits = [];
  }
  if (seq !== searchSeq) return; // a newer keystroke won
  suggestIndex = -1;
  list.replaceChildren(...hits.map((h) =>
    el("li", { role: "option", "data-id": h.node.id, "data-kind": h.node.__typename,
      onmousedown: (ev) => { ev.preventDefault(); choose(h.node.id, h.node.__typename); } },
      h.name, " ", el("span", { class: "kind" }, h.node.__typename))));
  list.hidden = hits.length === 0;
}

// choose opens a search hit: an article, an event or an entity.
function choose(id, kind) {
  $("suggest").hidden = true;
  $("q").value = "";
  const page = kind === "Article" ? "article" : id.startsWith("event:") ? "event" : "entity";
  location.hash = `#/${page}/${encodeURIComponent(id)}`;
}

function searchKeys(ev) {
  const items = [...$("suggest").children];
  if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
    ev.preventDefault();
    suggestIndex = (suggestIndex + (ev.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items.forEach((li, i) => li.classList.toggle("active", i === suggestIndex));
  } else if (ev.key === "Enter" && items.length) {
    ev.preventDefault();
    const li = items[Math.max(suggestIndex, 0)];
    choose(li.dataset.id, li.dataset.kind);
  } else if (ev.key === "Escape") {
    $("suggest").hidden = true;
  }
}

// ---- events, evidence and articles ----

function dateText(e) {
  if (!e.date) return "undated";
  return e.end && e.end !== e.date ? `${e.date} – ${e.end}` : e.date;
}

function entityLink(ent) {
  return el("a", { href: `#/entity/${encodeURIComponent(ent.id)}` }, ent.name);
}

// eventItem renders an event with its participants and every evidence
// sentence, each linked to the article (in this page, the sentence
// marked) and to the source.
function eventItem(e) {
  return el("li", { class: "event", "data-id": e.id },
    el("div", {},
      el("span", { class: "date" }, dateText(e)), " ",
      el("span", { class: `type t-${e.type}` }, e.type.toLowerCase().replace("_", " ")), " ",
      el("strong", {}, e.label),
      e.modality !== "ASSERTED" ? el("span", { class: "modality" }, ` (${e.modality.toLowerCase()})`) : null),
    el("div", { class: "participants" },
      e.participants.map((p, i) => [i ? ", " : "", `${p.role}: `, entityLink(p.entity)])),
    el("ul", { class: "evidence" }, e.evidence.map((ev) =>
      el("li", {},
        el("q", {}, ev.text), " ",
        el("a", { href: `#/article/${encodeURIComponent(ev.articleId)}/${ev.start}/${ev.end}`, class: "evidence-link" }, "in the article"),
        ev.article.url ? [" · ", el("a", { href: ev.article.url, rel: "noreferrer", target: "_blank", class: "source-link" }, ev.article.source || "source")] : null))));
}

async function showEvent(id) {
  const d = await gql(`query($id: ID!) { event(id: $id) { ${EVENT_FIELDS} } }`, { id });
  show($("detail"), el("h3", {}, "Event"), el("ul", { class: "events" }, eventItem(d.event)));
  $("detail").scrollIntoView({ block: "nearest" });
}

// byteSlice cuts text at byte offsets (the API's spans are UTF-8 bytes).
function byteSlice(bytes, a, b) {
  return new TextDecoder().decode(bytes.subarray(a, b));
}

async function articleView(id, start, end) {
  const d = await gql(`query($id: ID!) { article(id: $id) { id title url source published text } }`, { id });
  const a = d.article;
  const bytes = new TextEncoder().encode(a.text);
  const s = Math.max(0, Math.min(start, bytes.length));
  const e = Math.max(s, Math.min(end, bytes.length));
  const mark = el("mark", { id: "evidence" }, byteSlice(bytes, s, e));
  show($("view"), 
    el("h2", {}, a.title),
    el("p", { class: "meta" }, a.published || "", " · ", a.source || "",
      a.url ? [" · ", el("a", { href: a.url, rel: "noreferrer", target: "_blank" }, "source article")] : null),
    el("pre", { class: "article" }, byteSlice(bytes, 0, s), mark, byteSlice(bytes, e, bytes.length)));
  mark.scrollIntoView({ block: "center" });
}

// ---- the graph ----

let cy = null;

function nodeData(n) {
  const colour = n.kind === "EVENT" ? KIND_COLOURS.EVENT : KIND_COLOURS[n.type] || "#999";
  return { group: "nodes", data: { id: n.id, label: n.label, kind: n.kind, type: n.type, date: n.date || "", colour } };
}

function initGraph() {
  cy = cytoscape({
    container: $("graph"),
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", label: "data(label)", "font-size": 9, color: "#222",
        "text-wrap": "ellipsis", "text-max-width": 110, width: 18, height: 18 } },
      { selector: "node[kind = 'EVENT']", style: { shape: "round-rectangle", width: 12, height: 12, "font-size": 7 } },
      { selector: "node.center", style: { width: 28, height: 28, "border-width": 3, "border-color": "#222" } },
      { selector: "node.hit", style: { "border-width": 3, "border-color": "#d00" } },
      { selector: "edge", style: { width: 1, "line-color": "#bbb", "curve-style": "bezier", "target-arrow-shape": "none" } },
      { selector: "edge[kind = 'RELATION']", style: { "line-style": "dashed", "line-color": "#6a4c93" } },
    ],
    wheelSensitivity: 0.3,
  });
  cy.on("tap", "node", (ev) => {
    const n = ev.target;
    if (n.data("kind") === "EVENT") showEvent(n.id());
    else expand(n.id(), true);
  });
}

// expand adds the neighbourhood of id (under the date and type filters)
// to the graph and lays it out again.
async function expand(id, addOnly) {
  const f = filter();
  delete f.involving;
  const d = await gql(`query($c: ID!, $f: EventFilter) { subgraph(center: $c, depth: 1, filter: $f, limit: 80) {
      nodes { id kind type label date } edges { source target type kind } truncated } }`, { c: id, f });
  if (!addOnly) cy.elements().remove();
  const add = [];
  for (const n of d.subgraph.nodes) if (cy.getElementById(n.id).empty()) add.push(nodeData(n));
  for (const e of d.subgraph.edges) {
    const eid = `${e.source}|${e.type}|${e.target}`;
    if (cy.getElementById(eid).empty()) add.push({ group: "edges", data: { id: eid, source: e.source, target: e.target, type: e.type, kind: e.kind } });
  }
  cy.add(add);
  cy.getElementById(id).addClass("center");
  cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 60 }).run();
  $("graph").dataset.nodes = String(cy.nodes().length);
}

// ---- the timeline ----

let timeline = null;
const timelineItems = new DataSet();

function dayAfter(d) {
  const t = new Date(d + "T00:00:00Z");
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

async function loadTimeline() {
  const d = await gql(`query($f: EventFilter) { timeline(filter: $f, first: 100) { totalCount items { id start end type label } } }`, { f: filter() });
  timelineItems.clear();
  timelineItems.add(d.timeline.items.map((it) => ({
    id: it.id,
    content: it.label,
    title: `${it.start}${it.end !== it.start ? " – " + it.end : ""}: ${it.label}`,
    start: it.start,
    end: it.end !== it.start ? dayAfter(it.end) : undefined,
    type: it.end !== it.start ? "range" : "box",
    className: `t-${it.type}`,
  })));
  if (!timeline) {
    timeline = new Timeline($("timeline"), timelineItems, { height: "220px", stack: true, zoomKey: "ctrlKey", xss: { disabled: false } });
    timeline.on("select", (p) => { if (p.items.length) showEvent(p.items[0]); });
  }
  if (d.timeline.items.length) timeline.fit({ animation: false });
  $("timeline").dataset.items = String(d.timeline.items.length);
}

// ---- views ----

// entityView shows an entity: first its name and offices, then its
// counterparts, events, graph and timeline, each from a request of its
// own, so that no request has much to do (the API bounds each one's time).
async function entityView(id) {
  state.involving = [id];
  const f = filter();
  const d = await gql(`query($id: ID!) {
    entity(id: $id) { id type name aliases
      ... on Person { title country { id name } offices { role date target { id name } } }
      ... on Country { iso3 officials { role date source { id name } } }
      ... on Organization { officials { role date source { id name } } } } }`, { id });
  const ent = d.entity;
  if (!ent) throw new Error(`no entity ${id}`);
  state.title = ent.name;
  const offices = ent.offices
    ? ent.offices.map((o) => el("li", {}, o.role || "official", " of ", entityLink(o.target), o.date ? ` (${o.date})` : ""))
    : (ent.officials || []).map((o) => el("li", {}, entityLink(o.source), ", ", o.role || "official", o.date ? ` (${o.date})` : ""));
  const partners = el("div", { id: "partners" });
  const events = el("div", { id: "events" }, el("p", { class: "hint" }, "Loading events…"));
  show($("view"),
    el("h2", { id: "entity-name" }, ent.name, " ", el("span", { class: "kind" }, ent.type.toLowerCase())),
    ent.title ? el("p", {}, ent.title, ent.country ? [", ", entityLink(ent.country)] : "") : null,
    ent.aliases.length ? el("p", { class: "meta" }, "Also: ", ent.aliases.join(", ")) : null,
    offices.length ? [el("h3", {}, ent.offices ? "Offices" : `Officials (${offices.length})`),
      el("ul", { class: "offices" }, offices.slice(0, 40), offices.length > 40 ? el("li", { class: "meta" }, `and ${offices.length - 40} more`) : null)] : null,
    partners, events);
  renderExports();
  const p = await gql(`query($id: ID!, $f: EventFilter) {
    partners(entity: $id, filter: $f, first: 15) { entity { id name type } tally { events } first last } }`, { id, f });
  show(partners, p.partners.length ? [el("h3", {}, "Counterparts"), el("ul", { class: "partners" }, p.partners.map((p) =>
    el("li", {}, entityLink(p.entity), ` ${p.tally.events} event${p.tally.events === 1 ? "" : "s"}`,
      p.first ? `, ${p.first}${p.last && p.last !== p.first ? " – " + p.last : ""}` : "")))] : null);
  const e = await gql(`query($id: ID!, $f: EventFilter) {
    entity(id: $id) { events(filter: $f, first: 50, orderBy: DATE) { totalCount nodes { ${EVENT_FIELDS} } } } }`, { id, f });
  show(events, el("h3", {}, `Events (${e.entity.events.totalCount})`),
    el("ul", { class: "events" }, e.entity.events.nodes.map(eventItem)));
  await expand(id, false);
  await loadTimeline();
}

// quadChart draws the events of each month, stacked by QuadClass, as SVG.
function quadChart(periods) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const months = fillMonths(periods);
  const W = 640, H = 240, L = 36, B = 40, T = 24;
  const max = Math.max(1, ...months.map((m) => m.total));
  const bw = (W - L - 8) / Math.max(1, months.length);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": "Events per month by QuadClass" });
  root.append(svg("line", { x1: L, y1: H - B, x2: W - 4, y2: H - B, stroke: "#444" }));
  for (const t of [0, Math.ceil(max / 2), max]) {
    const y = H - B - (t / max) * (H - B - T);
    root.append(svg("text", { x: L - 4, y: y + 3, "text-anchor": "end", "font-size": 9 }, t));
    root.append(svg("line", { x1: L, y1: y, x2: W - 4, y2: y, stroke: "#eee" }));
  }
  months.forEach((m, i) => {
    let y = H - B;
    const x = L + i * bw + 1;
    for (const [q, name, colour] of QUADS) {
      const n = m.counts[q] || 0;
      if (!n) continue;
      const h = (n / max) * (H - B - T);
      y -= h;
      const r = svg("rect", { x, y, width: Math.max(1, bw - 2), height: h, fill: colour, class: `bar q-${q}` });
      r.append(svg("title", {}, `${m.period}: ${n} ${name}`));
      root.append(r);
    }
    if (months.length <= 24 || i % Math.ceil(months.length / 24) === 0) {
      root.append(svg("text", { x: x + bw / 2, y: H - B + 12, "font-size": 8, "text-anchor": "end", transform: `rotate(-45 ${x + bw / 2} ${H - B + 12})` }, m.period));
    }
  });
  QUADS.forEach(([, name, colour], i) => {
    root.append(svg("rect", { x: L + i * 150, y: 4, width: 10, height: 10, fill: colour }));
    root.append(svg("text", { x: L + i * 150 + 14, y: 13, "font-size": 10 }, name));
  });
  return root;
}

// fillMonths returns every month from the first period to the last, with
// the periods' counts by QuadClass (months without events are empty).
function fillMonths(periods) {
  const by = new Map(periods.map((p) => [p.start.slice(0, 7), p]));
  const keys = [...by.keys()].sort();
  if (!keys.length) return [];
  const out = [];
  let [y, m] = keys[0].split("-").map(Number);
  const last = keys[keys.length - 1];
  for (;;) {
    const k = `${y}-${String(m).padStart(2, "0")}`;
    const p = by.get(k);
    const counts = {};
    let total = 0;
    for (const q of p ? p.tally.quadClasses : []) { counts[q.quadClass] = q.count; total += q.count; }
    out.push({ period: k, counts, total });
    if (k >= last || out.length > 600) break;
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

// dyadView shows the events between two countries: their tally, the chart
// of events per month by QuadClass, the events, the graph and timeline.
async function dyadView(a, b) {
  const ia = `country:${a.toUpperCase()}`, ib = `country:${b.toUpperCase()}`;
  state.involving = [ia, ib];
  const f = filter();
  delete f.involving;
  const d = await gql(`query($a: ID!, $b: ID!, $f: EventFilter) { dyad(a: $a, b: $b, interval: MONTH, filter: $f) {
      a { id name } b { id name } total { events codedEvents meanGoldstein }
      periods { period start tally { events quadClasses { quadClass count } } } } }`, { a: ia, b: ib, f });
  const dy = d.dyad;
  state.title = `${dy.a.name} – ${dy.b.name}`;
  const events = el("div", { id: "events" }, el("p", { class: "hint" }, "Loading events…"));
  show($("view"),
    el("h2", { id: "dyad-name" }, entityLink(dy.a), " – ", entityLink(dy.b)),
    el("p", { class: "meta" }, `${dy.total.events} events, ${dy.total.codedEvents} with a CAMEO code`,
      dy.total.meanGoldstein != null ? `, mean Goldstein ${dy.total.meanGoldstein.toFixed(2)}` : ""),
    el("h3", {}, "Events per month by QuadClass"),
    el("div", { id: "dyad-chart" }, quadChart(dy.periods)),
    dy.total.events > dy.total.codedEvents
      ? el("p", { class: "meta" }, `${dy.total.events - dy.total.codedEvents} event(s) without a CAMEO code have no QuadClass and are not drawn.`)
      : null,
    events);
  renderExports();
  const e = await gql(`query($a: ID!, $b: ID!, $f: EventFilter) { dyad(a: $a, b: $b, filter: $f) {
      events(first: 100) { totalCount nodes { ${EVENT_FIELDS} } } } }`, { a: ia, b: ib, f });
  show(events, el("h3", {}, `Events (${e.dyad.events.totalCount})`),
    el("ul", { class: "events" }, e.dyad.events.nodes.map(eventItem)));
  await expand(ia, false);
  await expand(ib, true);
  await loadTimeline();
}

// route shows the view the location's hash names. body[data-ready] holds
// the hash once the latest view is drawn (the browser test waits for it).
let routeSeq = 0;
async function route() {
  const seq = ++routeSeq;
  const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  show($("detail"));
  document.body.dataset.ready = "";
  try {
    switch (parts[0]) {
      case "entity": await entityView(parts[1]); break;
      case "dyad": await dyadView(parts[1], parts[2]); break;
      case "event": await showEvent(parts[1]); break;
      case "article": await articleView(parts[1], Number(parts[2]) || 0, Number(parts[3]) || 0); break;
      default: renderExports();
    }
  } catch (e) {
    show($("view"), el("p", { class: "error" }, String(e.message || e)));
  }
  if (seq === routeSeq) document.body.dataset.ready = location.hash;
}

function main() {
  $("etype").append(...EVENT_TYPES.map((t) => el("option", { value: t }, t.toLowerCase().replace("_", " "))));
  $("q").addEventListener("input", suggest);
  $("q").addEventListener("keydown", searchKeys);
  $("q").addEventListener("blur", () => setTimeout(() => { $("suggest").hidden = true; }, 150));
  $("dyadform").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const a = $("dyada").value.trim() || "AZE", b = $("dyadb").value.trim() || "RUS";
    location.hash = `#/dyad/${a.toUpperCase()}/${b.toUpperCase()}`;
  });
  // A change of the filters shows the view again, once they stop changing.
  let pending;
  for (const id of ["from", "to", "etype"]) {
    $(id).addEventListener("change", () => { clearTimeout(pending); pending = setTimeout(route, 300); });
  }
  window.addEventListener("hashchange", route);
  initGraph();
  // For the browser test and the console: the graph and the timeline.
  window.dipgraph = { cy, timeline: () => timeline, items: timelineItems };
  route();
}

main();
