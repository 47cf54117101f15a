// journeymap serve: the page follows the server's generation counter over
// server-sent events and re-fetches what it shows when it changes.
"use strict";

const $ = (id) => document.getElementById(id);

function text(tag, content, className) {
  const el = document.createElement(tag);
  el.textContent = content;
  if (className) el.className = className;
  return el;
}

async function getJSON(url) {
  const r = await fetch(url, { cache: "no-store" });
  if (!r.ok) throw new Error((await r.text()) || r.statusText);
  return r.json();
}

function showProblem(problem) {
  const p = $("problem");
  p.hidden = !problem;
  p.textContent = problem || "";
}

function connect(onGeneration) {
  const status = $("status");
  const es = new EventSource("/events");
  es.onopen = () => { status.textContent = "live: redrawn on every save"; status.className = "status live"; };
  es.onerror = () => { status.textContent = "reconnecting…"; status.className = "status lost"; };
  es.onmessage = (ev) => onGeneration(Number(ev.data));
}

// ---- the list of journeys ----

async function refreshIndex() {
  const data = await getJSON("/api/journeys");
  showProblem(data.problem);
  const body = document.querySelector("#journeys tbody");
  body.replaceChildren();
  for (const j of data.journeys) {
    const tr = document.createElement("tr");
    const name = document.createElement("td");
    const a = text("a", j.title || j.id);
    a.href = "/j/" + j.key.split("/").map(encodeURIComponent).join("/");
    name.append(a);
    tr.append(name, text("td", j.file, "where"));
    for (const sev of ["error", "warning", "info"]) {
      const n = j.counts[sev] || 0;
      tr.append(text("td", String(n), "n " + sev + (n ? " some" : "")));
    }
    body.append(tr);
  }
  $("empty").hidden = data.journeys.length > 0;
}

// ---- one journey ----

// The page follows a journey file (its key), not its id, which an edit may change.
const journeyKey = location.pathname.replace(/^\/j\//, "").split("/").map(decodeURIComponent).join("/");
const settings = { view: "flow", theme: "", lint: false };
let generation = 0;

function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.get("view")) settings.view = h.get("view");
  if (h.get("theme")) settings.theme = h.get("theme");
  settings.lint = h.get("lint") === "1";
}

function writeHash() {
  const h = new URLSearchParams({ view: settings.view, lint: settings.lint ? "1" : "0" });
  if (settings.theme) h.set("theme", settings.theme);
  history.replaceState(null, "", "#" + h.toString());
}

async function buildControls() {
  const opts = await getJSON("/api/options");
  const views = $("views");
  for (const v of opts.views) {
    const b = text("button", v);
    b.type = "button";
    b.dataset.view = v;
    b.addEventListener("click", () => { settings.view = v; update(); });
    views.append(b);
  }
  const theme = $("theme");
  theme.append(new Option("workspace default", ""));
  for (const t of opts.themes) theme.append(new Option(t, t));
  theme.value = settings.theme;
  theme.addEventListener("change", () => { settings.theme = theme.value; update(); });
  const lint = $("lint");
  lint.checked = settings.lint;
  lint.addEventListener("change", () => { settings.lint = lint.checked; update(); });
}

function pictureURL(gen) {
  const q = new URLSearchParams({ key: journeyKey, view: settings.view, lint: settings.lint ? "1" : "0", g: String(gen) });
  if (settings.theme) q.set("theme", settings.theme);
  return "/api/picture.svg?" + q.toString();
}

// drawPicture loads the new picture off-screen and swaps it in when it has
// arrived, so the old one stays up while Graphviz works.
async function drawPicture(gen, drawable, seq) {
  const img = $("picture");
  const err = $("picture-error");
  if (!drawable) {
    err.hidden = false;
    err.textContent = "Nothing to draw yet: this journey has never validated. Fix the findings below.";
    return;
  }
  const url = pictureURL(gen);
  const r = await fetch(url, { cache: "no-store" });
  if (!r.ok) {
    err.hidden = false;
    err.textContent = await r.text();
    return;
  }
  const blob = await r.blob();
  if (seq !== updates) return; // a newer update is under way: it draws
  const objectURL = URL.createObjectURL(blob);
  await new Promise((resolve) => {
    const next = new Image();
    next.onload = next.onerror = resolve;
    next.src = objectURL;
  });
  const old = img.src;
  img.src = objectURL;
  img.alt = "The " + settings.view + " view of " + ($("title").textContent || journeyKey);
  img.dataset.gen = String(gen);
  img.dataset.src = url;
  img.dataset.view = settings.view;
  img.dataset.updates = String(Number(img.dataset.updates) + 1);
  if (old.startsWith("blob:")) URL.revokeObjectURL(old);
  err.hidden = true;
}

function showFindings(d) {
  const list = $("findings");
  list.replaceChildren();
  for (const f of d.findings) {
    const li = document.createElement("li");
    li.append(text("span", f.severity, "sev " + f.severity), text("span", f.message + " "),
      text("span", "[" + f.rule + "] ", "rule"), text("span", f.file + ":" + f.line + ":" + f.column, "where"));
    list.append(li);
  }
  if (!d.findings.length) list.append(text("li", "No findings."));
  $("counts").textContent = "(" + d.counts.error + " errors, " + d.counts.warning + " warnings, " + d.counts.info + " info)";
}

// updates counts calls of update: only the newest one draws, so a slow
// answer to an older request never replaces a newer picture.
let updates = 0;

async function update() {
  const seq = ++updates;
  writeHash();
  for (const b of document.querySelectorAll("#views button")) {
    b.setAttribute("aria-pressed", String(b.dataset.view === settings.view));
  }
  let d;
  try {
    d = await getJSON("/api/journey?" + new URLSearchParams({ key: journeyKey }).toString());
  } catch (e) {
    showProblem("This journey is no longer under the watched paths (" + e.message.trim() + ").");
    return;
  }
  if (seq !== updates) return;
  showProblem(d.problem);
  $("title").textContent = d.title;
  document.title = d.title + " — journeymap";
  $("stale").hidden = !d.stale;
  showFindings(d);
  await drawPicture(d.generation, d.drawable, seq);
}

async function main() {
  if (document.body.dataset.page === "index") {
    await refreshIndex();
    connect(() => refreshIndex());
    return;
  }
  readHash();
  await buildControls();
  await update();
  connect((gen) => { if (gen !== generation) { generation = gen; update(); } });
}

main().catch((e) => showProblem(String(e)));
