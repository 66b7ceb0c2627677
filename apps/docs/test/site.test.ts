// The reference site in a real browser: Debian's Chromium driven by playwright-core, the page
// opened from the file system (file://), as a reader who downloaded it would.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { explain, listCodes } from "@transfer-errors/core";
import { deriveServerTexts, serverReplies } from "@transfer-errors/server-replies/server-texts";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const indexFile = join(appDir, "dist", "index.html");
const outputDir = join(appDir, "test-output");
const CHROMIUM = "/usr/bin/chromium";

const serverTexts = deriveServerTexts(serverReplies());

function skipWithoutChromium(): boolean {
  if (existsSync(CHROMIUM)) return false;
  // Under CI the browser tests must run: fail rather than skip.
  if (process.env.CI === "true") return false;
  console.warn(
    `skipping the site's browser tests: ${CHROMIUM} is missing (apps/docs/scripts/install-chromium.sh)`,
  );
  return true;
}

describe.skipIf(skipWithoutChromium())("reference site in Chromium", () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];
  const url = pathToFileURL(indexFile).href;

  beforeAll(async () => {
    if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: run "pnpm build" first`);
    mkdirSync(outputDir, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), "te-docs-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1280, height: 900 },
    });
  });

  // A fresh page per test: a same-document navigation (url → url#x) would keep the last state.
  beforeEach(async () => {
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
  });
  afterEach(async () => {
    await page?.close();
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const visibleCodes = () =>
    page.$$eval("article.code", (list) =>
      list.filter((a) => !(a as HTMLElement).hidden).map((a) => a.id),
    );

  it("loads from the file system with one section per code", async () => {
    await page.goto(url);
    await expect(page.title()).resolves.toMatch(/FTP and SFTP error codes/);
    const ids = await visibleCodes();
    expect(ids).toHaveLength(listCodes().length);
    expect(ids).toContain("ftp-550");
    expect(ids).toContain("sftp-SSH_FX_FAILURE");
    // FTP and SFTP apart, each in its own section.
    expect(await page.$$eval("#ftp article.code", (a) => a.length)).toBe(listCodes("ftp").length);
    expect(await page.$$eval("#sftp article.code", (a) => a.length)).toBe(listCodes("sftp").length);
  });

  it("finds 550 with the search box, and says how many codes match", async () => {
    await page.goto(url);
    const box = page.getByLabel("Search codes, names and texts");
    await box.fill("550");
    const shown = await visibleCodes();
    expect(shown).toContain("ftp-550");
    expect(shown).not.toContain("ftp-230");
    expect(await page.locator("#ftp-550").isVisible()).toBe(true);
    const status = await page.locator("#results").textContent();
    expect(status).toBe(`${shown.length} of ${listCodes().length} codes match`);
    const entry = await page.locator("#ftp-550").textContent();
    expect(entry).toContain(explain(550)!.text);
    expect(entry).toContain("RFC 959");
    await page.screenshot({ path: join(outputDir, "search-550.png") });
  });

  it("searches names and words of the texts too", async () => {
    await page.goto(url);
    const box = page.getByLabel("Search codes, names and texts");
    await box.fill("ssh_fx_failure");
    expect(await visibleCodes()).toEqual(["sftp-SSH_FX_FAILURE"]);
    await box.fill("does not exist");
    const shown = await visibleCodes();
    expect(shown).toContain("sftp-SSH_FX_NO_SUCH_FILE");
    await box.fill("no code has these words xyzzy");
    expect(await visibleCodes()).toEqual([]);
    expect(await page.locator("#no-results").isVisible()).toBe(true);
  });

  it("follows deep links, by name and by number, even while a search hides the entry", async () => {
    await page.goto(`${url}#sftp-SSH_FX_FAILURE`);
    expect(await inViewport(page, "#sftp-SSH_FX_FAILURE")).toBe(true);
    await page.goto(`${url}#sftp-4`);
    expect(await inViewport(page, "#sftp-SSH_FX_FAILURE")).toBe(true);
    await page.getByLabel("Search codes, names and texts").fill("SSH_FX_FAILURE");
    await page.evaluate(() => {
      location.hash = "#ftp-550";
    });
    await page.waitForFunction(() => !(document.getElementById("ftp-550") as HTMLElement).hidden);
    expect(await inViewport(page, "#ftp-550")).toBe(true);
  });

  it("links what an SFTP user meets instead of FTP 550, from the corpus, not SSH_FX_NO_MEDIA", async () => {
    await page.goto(`${url}#ftp-550`);
    const row = page.locator("#ftp-550 dt", { hasText: "Same reason in SFTP" }).locator("+ dd");
    const links = await row.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(
      expect.arrayContaining([
        "#sftp-SSH_FX_NO_SUCH_FILE",
        "#sftp-SSH_FX_PERMISSION_DENIED",
        "#sftp-SSH_FX_FAILURE",
      ]),
    );
    expect(links).not.toContain("#sftp-SSH_FX_NO_MEDIA");
    // Derived from the corpus: each link is the status its servers send most for a reason that
    // 550 carries, and the row says which.
    const text = await row.textContent();
    expect(text).toContain("SSH_FX_NO_SUCH_FILE (2) for not-found");
    expect(text).toContain("SSH_FX_PERMISSION_DENIED (3) for permission-denied");
    for (const href of links) {
      const name = href!.replace("#sftp-", "");
      const reasonsOf = serverTexts.met
        .filter((m) => m.protocol === "sftp" && explain(m.code, "sftp")!.name === name)
        .map((m) => m.reason);
      const of550 = serverTexts.met.filter((m) => m.protocol === "ftp" && m.code === 550);
      expect(
        of550.some((m) => reasonsOf.includes(m.reason)),
        name,
      ).toBe(true);
    }
    // The reason's row of the reference table still links every code of 550's own reason.
    const reason = explain(550)!.reason!;
    const reasonRow = await page.$$eval(`#reason-${reason} a`, (as) =>
      as.map((a) => a.getAttribute("href")),
    );
    expect(reasonRow).toContain("#ftp-550");
  });

  it("links back from an SFTP status to the FTP reply its users meet", async () => {
    await page.goto(`${url}#sftp-SSH_FX_NO_SUCH_FILE`);
    const row = page
      .locator("#sftp-SSH_FX_NO_SUCH_FILE dt", { hasText: "Same reason in FTP" })
      .locator("+ dd");
    expect(
      await row.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
    ).toContain("#ftp-550");
  });

  it("shows what servers send with each ambiguous code", async () => {
    await page.goto(url);
    expect(serverTexts.codes.length).toBeGreaterThan(0);
    for (const code of serverTexts.codes) {
      const info = explain(code.code, code.protocol as "ftp" | "sftp")!;
      const id = code.protocol === "ftp" ? `ftp-${code.code}` : `sftp-${info.name}`;
      const details = page.locator(`#${id} details.servers`);
      await details.locator("summary").click();
      const text = await details.textContent();
      for (const t of code.texts.slice(0, 5)) expect(text).toContain(t.text);
    }
  });

  it("does not scroll sideways on a 375 px phone, every server text open", async () => {
    for (const width of [375, 320]) {
      await page.setViewportSize({ width, height: 812 });
      await page.goto(url);
      await page.$$eval("details", (all) => {
        for (const d of all) (d as HTMLDetailsElement).open = true;
      });
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(innerWidth).toBe(width);
      expect(scrollWidth, `${width} px`).toBe(width);
      // The longest names are single words: one in an entry must wrap, not widen the page (the
      // 6 px of the issue came from SSH_FX_NO_MATCHING_BYTE_RANGE_LOCK in a row of links).
      const longest = listCodes().reduce((a, b) => (b.name.length > a.name.length ? b : a)).name;
      await page.$eval("#ftp-550 dd", (dd, word) => dd.append(` ${word}${word}`), longest);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${width} px, a long name`,
      ).toBe(width);
    }
  });

  it("is usable on a phone: no sideways scrolling, a full-width search box", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}#ftp-550`);
    await page.locator("#ftp-550 details.servers summary").click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.getByLabel("Search codes, names and texts").boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    const table = page.locator("#ftp-550 details.servers table").first();
    const tableBox = await table.boundingBox();
    // Wide tables scroll inside their own box, never the page.
    expect(tableBox!.x + tableBox!.width).toBeLessThanOrEqual(390);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outputDir, "phone-server-texts.png") });
    await page.getByLabel("Search codes, names and texts").fill("550");
    await page.locator("#ftp-550").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(outputDir, "phone-550.png") });
  });

  it("is accessible: language, labels, heading order, contrast", async () => {
    await page.goto(url);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    const unlabelled = await page.$$eval(
      "input",
      (inputs) => inputs.filter((i) => !i.labels?.length && !i.getAttribute("aria-label")).length,
    );
    expect(unlabelled).toBe(0);
    const levels = await page.$$eval("h1, h2, h3, h4", (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    const ratios = await page.evaluate(contrastRatios);
    for (const [what, ratio] of Object.entries(ratios))
      expect(ratio, what).toBeGreaterThanOrEqual(4.5);
  });

  it("runs without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});

/** Whether the element's top is inside the viewport (below the sticky search bar is fine). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight && !(el as HTMLElement).hidden;
  });
}

/** WCAG contrast of the page's text styles against their backgrounds, computed in the page. */
function contrastRatios(): Record<string, number> {
  const rgb = (color: string) => (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const luminance = (color: string) => {
    const [r, g, b] = rgb(color).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const background = (el: Element): string => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && !bg.startsWith("rgba(0, 0, 0, 0)") && bg !== "transparent") return bg;
    }
    return "rgb(255, 255, 255)";
  };
  const out: Record<string, number> = {};
  const selectors = [
    "body",
    "a",
    "dt",
    "#results",
    ".badge.success",
    ".badge.transient",
    ".badge.permanent",
    "td.source",
    "thead th",
    "footer",
  ];
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    if (!el) continue;
    const [l1, l2] = [luminance(getComputedStyle(el).color), luminance(background(el))].sort(
      (a, b) => b - a,
    );
    out[selector] = (l1! + 0.05) / (l2! + 0.05);
  }
  return out;
}
