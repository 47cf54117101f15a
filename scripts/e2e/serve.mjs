// End-to-end check of `journeymap serve` in a real browser (Debian's
// Chromium, driven by playwright-core): the page draws a journey, follows a
// save within a second without reloading, keeps the last good picture while
// a save is invalid, and lists the journeys.
//
// usage: node serve.mjs JOURNEYMAP_BINARY [SCREENSHOT_DIR]
import { spawn } from "node:child_process";
import { mkdtempSync, cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const bin = resolve(process.argv[2] || "bin/journeymap");
const shots = process.argv[3] || mkdtempSync(join(tmpdir(), "jm-shots-"));
const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const work = mkdtempSync(join(tmpdir(), "jm-serve-"));
cpSync(join(repo, "examples/journeymap.yaml"), join(work, "journeymap.yaml"));
cpSync(join(repo, "examples/plan-upgrade.journey.yaml"), join(work, "plan-upgrade.journey.yaml"));
const journeyFile = join(work, "plan-upgrade.journey.yaml");
const original = readFileSync(journeyFile, "utf8");

let failures = 0;
let passes = 0;
function check(ok, what) {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (ok) passes++; else failures++;
}

const server = spawn(bin, ["serve", work, "--addr", "127.0.0.1:0"], { stdio: ["ignore", "ignore", "pipe"] });
let log = "";
const url = await new Promise((res, rej) => {
  const timer = setTimeout(() => rej(new Error("serve did not start:\n" + log)), 20000);
  server.stderr.on("data", (d) => {
    log += d;
    const m = log.match(/on (http:\/\/127\.0\.0\.1:\d+\/)/);
    if (m) { clearTimeout(timer); res(m[1]); }
  });
  server.on("exit", (code) => rej(new Error("serve exited " + code + ":\n" + log)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));

  await page.goto(url);
  await page.waitForSelector("#journeys tbody tr");
  check((await page.textContent("#journeys")).includes("Upgrade mobile plan"), "the index lists the journey");
  await page.screenshot({ path: join(shots, "serve-index.png") });

  // Each journey's page is named by its file, as the index links it.
  const href = await page.getAttribute("#journeys tbody a", "href");
  check(href.startsWith("/j/") && href.endsWith("/plan-upgrade"), `the index links the journey's page (${href})`);
  await page.goto(url + href.slice(1) + "#view=flow");
  await page.waitForFunction(() => Number(document.getElementById("picture").dataset.updates) >= 1, null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById("status").classList.contains("live"), null, { timeout: 10000 });
  await page.evaluate(() => { window.__noReload = true; });
  const pictureText = () => page.evaluate(async () => (await fetch(document.getElementById("picture").dataset.src)).text());
  check((await pictureText()).includes("<svg"), "the flow view is drawn");

  // A save redraws the picture within a second, without a reload. The
  // wait is for the edit itself, not for the next update: an update
  // already on its way when the file is saved (the first picture's second
  // view, a reconnect) would otherwise pass for the save's.
  const edited = "Upgrade to 5G in one sitting";
  writeFileSync(journeyFile, original.replace("title: Upgrade mobile plan to 5G Unlimited", "title: " + edited));
  const t0 = Date.now();
  let shown = false;
  while (!shown && Date.now() - t0 < 10000) {
    shown = (await page.textContent("#title")) === edited && (await pictureText()).includes(edited);
    if (!shown) await new Promise((r) => setTimeout(r, 20));
  }
  const ms = Date.now() - t0;
  check(shown && ms < 1000, `the picture followed the save in ${ms} ms (< 1000)`);
  check(await page.evaluate(() => window.__noReload === true), "without reloading the page");
  check((await pictureText()).includes(edited), "the new picture shows the edit");
  check((await page.textContent("#title")) === edited, "the heading shows the edit");

  // An invalid save shows its findings and keeps the last good picture.
  writeFileSync(journeyFile, original.replace("title: Upgrade mobile plan to 5G Unlimited", "title: [broken\n"));
  await page.waitForSelector("#stale:not([hidden])", { timeout: 5000 });
  check((await page.textContent("#findings")).includes("syntax"), "the invalid save's syntax finding is listed");
  check((await pictureText()).includes("Upgrade to 5G in one sitting"), "the last good picture stays");
  await page.screenshot({ path: join(shots, "serve-invalid.png"), fullPage: true });

  // Every view and the lint overlay draw.
  writeFileSync(journeyFile, original);
  await page.waitForSelector("#stale[hidden]", { state: "attached", timeout: 5000 });
  for (const view of ["map", "emotion", "channels"]) {
    await page.click(`#views button[data-view=${view}]`);
    // Wait for this view's picture itself: an update already under way
    // (the restoring save) may draw first.
    const drawn = await page.waitForFunction((v) => document.getElementById("picture").dataset.view === v, view, { timeout: 30000 })
      .then(() => true, () => false);
    check(drawn, `the ${view} view is drawn`);
  }
  const n = await page.evaluate(() => Number(document.getElementById("picture").dataset.updates));
  await page.check("#lint");
  await page.waitForFunction((n) => Number(document.getElementById("picture").dataset.updates) > n, n, { timeout: 30000 });
  check(await page.evaluate(() => location.hash.includes("lint=1")), "the lint overlay is on");
  await page.click("#views button[data-view=flow]");
  await page.waitForFunction(() => document.getElementById("picture").dataset.view === "flow", null, { timeout: 30000 });
  check((await pictureText()).includes("undocumented&#45;handoff"), "the flow picture marks the lint finding (its rule)");
  await page.screenshot({ path: join(shots, "serve-journey.png"), fullPage: true });
  check(pageErrors.length === 0, "no script errors" + (pageErrors.length ? ": " + pageErrors.join("; ") : ""));
} finally {
  await browser.close();
  server.kill("SIGINT");
}
const code = await new Promise((res) => server.on("exit", (c) => res(c)));
check(code === 0, `serve stopped cleanly on Ctrl-C (exit ${code})`);
rmSync(work, { recursive: true, force: true }); // the screenshots stay, to be looked at
console.log(`screenshots in ${shots}`);
console.log(`serve-e2e: ${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
