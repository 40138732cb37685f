// The phone page in a real browser (issue 21): Debian's chromium, headless, driven by playwright-core
// as a phone would be (390 x 844 CSS pixels, touch, a Russian locale, a phone's user agent). Run by
// test_phone_browser.py, which starts the app; they talk in JSON lines:
//   this script prints {"event": "ready"} once chromium runs (or exits 77 with the reason when it
//   cannot start), reads the join address as one line, plays CASE, prints {"event": "pause", ...}
//   where the test checks the app and answers one line, and ends with {"event": "done", ...}.
// Usage: node phone_browser.cjs PLAYWRIGHT_CORE_DIR CASE OUT_DIR   (CASE: send | offline)
"use strict";
const path = require("path");
const readline = require("readline");

const [playwrightDir, caseName, outDir] = process.argv.slice(2);
const { chromium } = require(playwrightDir);

const kChromium = "/usr/bin/chromium";
const kPhone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  locale: "ru-RU",
  userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) " +
             "Chrome/156.0.0.0 Mobile Safari/537.36",
};
const kTimeout = 20000;

const lines = readline.createInterface({ input: process.stdin });
const waiting = [];
const queued = [];
lines.on("line", (line) => (waiting.length ? waiting.shift()(line) : queued.push(line)));
function nextLine() {
  return queued.length ? Promise.resolve(queued.shift()) : new Promise((resolve) => waiting.push(resolve));
}
async function until(condition) {
  for (const deadline = Date.now() + kTimeout; !condition() && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 20));
}
function say(message) { process.stdout.write(JSON.stringify(message) + "\n"); }

// What a person would notice on a phone, measured in the page: anything past the 390 px width or a
// horizontal scroll, text too small to read, touch targets too small to hit, a Send button below
// the fold.
function measureLayout() {
  const width = document.documentElement.clientWidth;
  const outside = [];
  const small = [];
  for (const element of document.querySelectorAll("body *")) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;  // hidden
    if (rect.left < -0.5 || rect.right > width + 0.5)
      outside.push(`${element.tagName}#${element.id} ${rect.left.toFixed(1)}..${rect.right.toFixed(1)}`);
    const hasText = Array.from(element.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    const size = parseFloat(getComputedStyle(element).fontSize);
    if ((hasText || /^(TEXTAREA|INPUT|SELECT|BUTTON)$/.test(element.tagName)) && size < 12)
      small.push(`${element.tagName}#${element.id} ${size}px`);
  }
  const box = (id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  };
  const fontOf = (selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
  return {
    clientWidth: width,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    outside,
    small,
    fonts: { body: fontOf("body"), textarea: fontOf("#text"), select: fontOf("#lane"), button: fontOf("#send"),
             label: fontOf("label") },
    send: box("send"), text: box("text"), lane: box("lane"), name: box("name"),
  };
}

async function openPage(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  // The lanes come from GET /api/state: the page is ready once the select has them.
  await page.waitForFunction(() => document.getElementById("lane").options.length > 0, null, { timeout: kTimeout });
  return page;
}

async function writeNote(page, text, laneIndex, name) {
  await page.locator("#text").tap();
  await page.locator("#text").pressSequentially(text);
  const lane = await page.evaluate((index) => {
    const select = document.getElementById("lane");
    return { value: select.options[index].value, label: select.options[index].textContent };
  }, laneIndex);
  await page.locator("#lane").selectOption(lane.value);
  if (name) await page.locator("#name").fill(name);
  await page.locator("#send").tap();
  return lane;
}

// The list item of the note `text` once it is in `state` ("done": on the screen, "waiting").
async function itemOf(page, text, state) {
  const item = page.locator(`#sent li.${state}`).filter({ hasText: text });
  await item.waitFor({ timeout: kTimeout });
  return { text: await item.innerText(), state: await item.locator(".state").innerText() };
}

function outboxOf(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("journeyboard.outbox."));
    return key ? JSON.parse(localStorage.getItem(key)) : [];
  });
}

async function sendCase(context, url) {
  const page = await openPage(context, url);
  const before = await page.evaluate(measureLayout);
  const words = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    send: document.getElementById("send").textContent,
    labels: Array.from(document.querySelectorAll("label")).map((l) => l.textContent),
  }));
  const text = "Долго ждал ответа оператора — 40 минут";
  const lane = await writeNote(page, text, 3, "Аня");
  const item = await itemOf(page, text, "done");
  const status = await page.locator("#status").innerText();
  const after = await page.evaluate(measureLayout);
  const shot = path.join(outDir, "phone_page.png");
  await page.screenshot({ path: shot });
  say({ event: "done", text, lane, words, item, status, before, after, shot, outbox: await outboxOf(page) });
}

async function offlineCase(context, url) {
  const page = await openPage(context, url);
  const sent = [];  // every POST /api/note the page made, whether or not it reached the room
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/api/note")) sent.push(JSON.parse(request.postData()));
  });
  const answers = [];
  page.on("response", async (response) => {
    if (response.request().method() === "POST") answers.push({ status: response.status(), body: await response.json() });
  });

  await context.setOffline(true);
  const text = "Нет связи в лифте, а заметка не пропала";
  const lane = await writeNote(page, text, 1, "");
  const kept = await itemOf(page, text, "waiting");
  const offlineStatus = await page.locator("#status").innerText();
  say({ event: "pause", kept, offlineStatus, outbox: await outboxOf(page) });
  await nextLine();  // the test has seen no note in the app's inbox

  // The first send once the phone is online reaches the room, but its answer is lost on the way
  // back (a phone walking out of Wi-Fi): the page must send it again, and the room keep one.
  let lostAnswer = null;
  let online = false;
  await page.route("**/api/note*", async (route) => {
    // A retry timed between this route and going online must not reach the room through it.
    if (!online) return route.abort("internetdisconnected");
    if (lostAnswer) return route.continue();
    const reached = await route.fetch();
    lostAnswer = { status: reached.status(), body: await reached.json() };
    return route.abort("connectionreset");
  });
  online = true;
  await context.setOffline(false);
  const item = await itemOf(page, text, "done");
  await until(() => answers.length > 0);  // the answer's body is read after the page has it
  say({ event: "done", text, lane, kept, offlineStatus, item, sent, lostAnswer, answers, outbox: await outboxOf(page) });
}

(async () => {
  let browser;
  try {
    browser = await chromium.launch({ executablePath: kChromium, timeout: 30000 });
  } catch (error) {
    process.stdout.write(`SKIP: chromium cannot start here (${kChromium}): ${error.message.split("\n")[0]}\n`);
    process.exit(77);
  }
  try {
    say({ event: "ready", version: browser.version() });
    const url = (await nextLine()).trim();
    const context = await browser.newContext(kPhone);
    const cases = { send: sendCase, offline: offlineCase };
    if (!cases[caseName]) throw new Error(`no case ${caseName}`);
    await cases[caseName](context, url);
  } catch (error) {
    say({ event: "error", message: String(error && error.stack || error) });
    process.exitCode = 1;
  } finally {
    await browser.close();
    lines.close();
  }
})();
