// browser.mjs walks the web page and GraphiQL of a running dipgraph serve
// in headless Chromium (playwright-core, the browser of executablePath):
// search "Lavrov", open his page, keep November 2017, find the visit to Azerbaijan of
// 2017-11-20 in the timeline and in the graph, expand a neighbour, follow
// an evidence link, open the dyad AZE-RUS and its chart, download the
// selection as GraphML, run a query in GraphiQL. It fails on any error in
// the page, a violation of the page's security policy among them, and
// on any request to another host. Screenshots go to the output directory.
//
// node e2e/browser.mjs BASE_URL OUT_DIR   (CHROMIUM: the browser binary)
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error("usage: node e2e/browser.mjs BASE_URL OUT_DIR");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const VISIT = "Visit of Sergey Lavrov to Azerbaijan";
const host = new URL(base).host;
const problems = [];
const facts = {};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
const page = await context.newPage();
// Generous: the test shares a small machine with Neo4j, and the page's
// requests are each bounded by the server (10 s) anyway.
page.setDefaultTimeout(60000);
page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
page.on("request", (r) => {
  const u = new URL(r.url());
  if ((u.protocol === "http:" || u.protocol === "https:") && u.host !== host) problems.push(`request to another host: ${r.url()}`);
});
await context.addInitScript(() => {
  document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
});
const shot = (name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
const step = async (name, fn) => {
  try {
    await fn();
  } catch (e) {
    problems.push(`${name}: ${e.message.split("\n")[0]}`);
    await shot(`failed-${name}`).catch(() => {});
    throw e;
  }
};

try {
  await step("load", async () => {
    await page.goto(base + "/");
    await page.waitForSelector("body[data-ready]");
  });

  await step("search", async () => {
    await page.fill("#q", "Lavrov");
    const hit = page.locator("#suggest li", { hasText: "Sergey Lavrov" }).first();
    await hit.waitFor();
    facts.suggestions = await page.locator("#suggest li").allInnerTexts();
    await shot("1-search");
    await hit.click();
    await page.waitForSelector('body[data-ready="#/entity/person%3Asergey-lavrov"]');
    facts.entity = await page.locator("#entity-name").innerText();
  });

  await step("filter", async () => {
    // November 2017 only: the date filters apply to the page, the graph,
    // the timeline and the export links.
    await page.fill("#from", "2017-11-01");
    await page.fill("#to", "2017-11-30");
    await page.waitForFunction(() => document.body.dataset.ready === "");
    await page.waitForSelector('body[data-ready="#/entity/person%3Asergey-lavrov"]');
  });

  await step("timeline", async () => {
    const item = page.locator("#timeline .vis-item", { hasText: VISIT }).first();
    await item.waitFor();
    facts.timelineItem = await page.evaluate((label) => {
      const it = window.dipgraph.items.get({ filter: (i) => i.content === label })[0];
      return it && { start: it.start, end: it.end || null, id: it.id };
    }, VISIT);
  });

  await step("graph", async () => {
    facts.graphVisit = await page.evaluate((label) => {
      const n = window.dipgraph.cy.nodes().filter((n) => n.data("label") === label)[0];
      return n && { id: n.id(), date: n.data("date"), kind: n.data("kind"), degree: n.degree() };
    }, VISIT);
    facts.graphNodes = await page.evaluate(() => window.dipgraph.cy.nodes().length);
    await shot("2-lavrov");
    // Click a neighbour, Azerbaijan, on the canvas: it expands.
    const box = await page.locator("#graph").boundingBox();
    const pos = await page.evaluate(() => {
      const n = window.dipgraph.cy.getElementById("country:AZE");
      return n.empty() ? null : n.renderedPosition();
    });
    if (!pos) throw new Error("Azerbaijan is not in Lavrov's graph");
    await page.mouse.click(box.x + pos.x, box.y + pos.y);
    await page.waitForFunction((n) => window.dipgraph.cy.nodes().length > n, facts.graphNodes);
    facts.graphNodesExpanded = await page.evaluate(() => window.dipgraph.cy.nodes().length);
    await shot("3-expanded");
  });

  await step("evidence", async () => {
    const ev = page.locator("li.event", { hasText: VISIT }).first();
    facts.evidenceText = await ev.locator("ul.evidence q").first().innerText();
    await ev.locator("a.evidence-link").first().click();
    await page.waitForSelector("mark#evidence");
    facts.evidenceMarked = await page.locator("mark#evidence").innerText();
    await shot("4-evidence");
  });

  await step("dyad", async () => {
    await page.fill("#dyada", "AZE");
    await page.fill("#dyadb", "RUS");
    await page.click("#dyadform button");
    await page.waitForSelector('body[data-ready="#/dyad/AZE/RUS"]');
    facts.dyad = await page.locator("#dyad-name").innerText();
    facts.dyadBars = await page.locator("#dyad-chart rect.bar").count();
    facts.dyadVisit = await page.locator("li.event", { hasText: VISIT }).count();
    await shot("5-dyad");
  });

  await step("export", async () => {
    const link = page.locator('#exports a[data-format="graphml"]');
    facts.graphmlHref = await link.getAttribute("href");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    facts.graphmlFile = download.suggestedFilename();
    await download.saveAs(`${out}/selection.graphml`);
  });

  await step("graphiql", async () => {
    await page.goto(base + "/graphiql");
    const editor = page.locator(".graphiql-query-editor .CodeMirror").first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText('{ person(id: "person:sergey-lavrov") { name events(first: 3) { totalCount } } }');
    await page.click(".graphiql-execute-button");
    await page.locator(".graphiql-response", { hasText: "totalCount" }).waitFor();
    facts.graphiqlResponse = JSON.parse(await page.evaluate(() =>
      document.querySelector(".graphiql-response .CodeMirror").CodeMirror.getValue()));
    await shot("6-graphiql");
  });
} catch (e) {
  // reported below with the other problems
} finally {
  await browser.close();
}
console.log(JSON.stringify({ facts, problems }, null, 1));
process.exit(problems.length ? 1 : 0);
