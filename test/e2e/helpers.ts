// Shared helpers of the browser tests: the browser started by globalSetup.mjs, the demo page, the two mailbox
// columns and their taskpanes, and the strings the UI shows (from the taskpane's own catalogue, so the tests
// select by role and accessible name exactly as a person using a screen reader would).
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import type { Tenant } from "../../src/emulator";
import type { StoredMessage } from "../../src/emulator";
import { catalogues } from "../../src/i18n/catalogue";
import type { MessageKey } from "../../src/i18n/catalogue";
import { formatMessage } from "../../src/i18n/message";
import { localeOf } from "../../src/i18n/translate";
import { demoStrings } from "../../src/demo/demoStrings";

export type Lang = "es" | "en";
export type Theme = "light" | "dark";

export const DOMAIN = "universidad.example";
export const COMMUNICATIONS = `comunicaciones@${DOMAIN}`;
export const PROFESSIONAL = `ana.rodriguez@${DOMAIN}`;
export const IT = `tic@${DOMAIN}`;

export const ROOT = join(__dirname, "..", "..");
export const RESULTS = join(ROOT, "test-results");

/** Case ids: CM-YYMM-XXXX with the four symbols from the id alphabet (no 0, 1, I, L, O, U, V). */
export const CASE_ID = /CM-\d{2}(0[1-9]|1[0-2])-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}/;

interface E2eEnv {
  wsEndpoint: string;
  demoUrl: string;
  distUrl: string;
  csp: string;
  distProblem: string;
}

export function e2eEnv(): E2eEnv {
  const raw = process.env.PREGON_E2E;
  if (!raw) throw new Error("PREGON_E2E is not set: run the browser tests with `npm run test:e2e`.");
  return JSON.parse(raw) as E2eEnv;
}

/** One connection per test file to the browser the global setup started. */
let connected: Promise<Browser> | undefined;
export function browser(): Promise<Browser> {
  connected ??= chromium.connect(e2eEnv().wsEndpoint, { timeout: 30_000 });
  return connected;
}

export async function disconnect(): Promise<void> {
  const page = shared;
  shared = undefined;
  if (page) await (await page).context.close();
  const b = connected;
  connected = undefined;
  if (b) await (await b).close();
}

/** The taskpane's string for `key` in `lang`, with {placeholders} filled. */
export function t(lang: Lang, key: MessageKey, values: Record<string, string> = {}): string {
  return formatMessage(localeOf(lang), catalogues[lang][key], values);
}

/** The demo page's own chrome strings. */
export function demoT(lang: Lang) {
  return demoStrings[lang];
}

/** Escapes text for use inside a RegExp. */
export function escapeRe(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
}

export function exact(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
}

export interface DemoOptions {
  lang?: Lang;
  theme?: Theme;
  pane?: 320 | 450;
  viewport?: { width: number; height: number };
}

export interface Demo {
  context: BrowserContext;
  page: Page;
  lang: Lang;
  /** The Communications taskpane (data-testid "pane-communications"). */
  commsPane: Locator;
  /** The IT taskpane (data-testid "pane-it"). */
  itPane: Locator;
  /** The Communications column (message list + pane). */
  comms: Locator;
  /** The IT column. */
  it: Locator;
  /**
   * Problems the page reported since openDemo: uncaught errors, console errors, dialogs opened by a script
   * ("dialog: …") and requests to hosts other than the demo and Graph ("request: …").
   */
  problems: string[];
  close(): Promise<void>;
}

/**
 * One browser context and page per test file, reused by every test: navigating an open page to the demo again
 * takes about a second, a new page several (the bundle is compiled again and the service worker re-installed).
 * Each test still starts from the seed: ?fresh=1 rebuilds the tenant, and the navigation drops all page state.
 */
let shared: Promise<{ context: BrowserContext; page: Page; problems: string[] }> | undefined;

async function sharedPage() {
  shared ??= (async () => {
    const b = await browser();
    const context = await b.newContext({
      viewport: { width: 1600, height: 1100 },
      acceptDownloads: true,
      locale: "es-CO",
      timezoneId: "America/Bogota",
    });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
    });
    // What hostile mail must never cause: a script's dialog, or a request to a host outside the page and Graph.
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.type()} "${dialog.message()}"`);
      void dialog.dismiss();
    });
    page.on("request", (r) => {
      const host = new URL(r.url()).hostname;
      if (
        /^https?:$/.test(new URL(r.url()).protocol) &&
        host !== "127.0.0.1" &&
        host !== "graph.microsoft.com"
      ) {
        problems.push(`request: ${r.url()}`);
      }
    });
    return { context, page, problems };
  })();
  return shared;
}

/** Opens the demo with ?fresh=1 (the seed restored) and waits until both panes are ready. */
export async function openDemo(options: DemoOptions = {}): Promise<Demo> {
  const lang = options.lang ?? "es";
  const { context, page, problems } = await sharedPage();
  problems.length = 0;
  await page.setViewportSize(options.viewport ?? { width: 1600, height: 1100 });
  const params = new URLSearchParams({ fresh: "1", lang });
  if (options.theme) params.set("theme", options.theme);
  if (options.pane) params.set("pane", String(options.pane));
  await page.goto(`${e2eEnv().demoUrl}?${params.toString()}`);
  await page.waitForFunction(() => "__pregonDemo" in window, null, { timeout: 30_000 });
  const commsPane = page.getByTestId("pane-communications");
  const itPane = page.getByTestId("pane-it");
  // Both panes start with nothing selected.
  await commsPane.getByText(t(lang, "empty.noSelection")).waitFor();
  await itPane.getByText(t(lang, "empty.noSelection")).waitFor();
  const s = demoT(lang);
  return {
    context,
    page,
    lang,
    commsPane,
    itPane,
    comms: page.getByRole("region", { name: s.communications, exact: true }),
    it: page.getByRole("region", { name: s.it, exact: true }),
    problems,
    // The page stays open for the file's next test (see sharedPage); leave any open dialog behind with it.
    close: async () => undefined,
  };
}

/**
 * The demo lifecycle of a file whose tests each open the demo: after each test, what the page reported is printed
 * and every demo the test opened is closed; after the file, the browser connection goes. Call it once at the top
 * of the file and open the demo in each test with `demos.open(options)`.
 */
export function demoPerTest(): {
  open(options?: DemoOptions): Promise<Demo>;
  readonly current: Demo | undefined;
} {
  let opened: Demo[] = [];
  afterEach(async () => {
    const these = opened;
    opened = [];
    for (const d of these) {
      if (d.problems.length) console.warn(`The page reported:\n${d.problems.join("\n")}`);
      await d.close();
    }
  });
  afterAll(disconnect);
  return {
    async open(options) {
      const d = await openDemo(options);
      opened.push(d);
      return d;
    },
    get current() {
      return opened.at(-1);
    },
  };
}

/** The message list of a column's current folder. */
export function messageList(
  demo: Demo,
  side: "comms" | "it",
  folder: "inbox" | "sentitems" | "drafts" = "inbox",
) {
  const s = demoT(demo.lang);
  const title = side === "comms" ? s.communications : s.it;
  return demo[side].getByRole("list", { name: `${title}: ${s[folder]}`, exact: true });
}

/** The row of a message in a column's list, found by (part of) its subject. */
export function messageRow(demo: Demo, side: "comms" | "it", subject: string | RegExp, folder?: "inbox") {
  return messageList(demo, side, folder).getByRole("button").filter({ hasText: subject });
}

/** Clicks a message in a column's list, as a person selects it in Outlook. */
export async function selectMessage(
  demo: Demo,
  side: "comms" | "it",
  subject: string | RegExp,
): Promise<void> {
  const row = messageRow(demo, side, subject);
  await row.first().click();
}

/** The seeded case that is on time (forwarded, not overdue): a neutral message to select in between. */
export const ON_TIME_CASE = {
  id: "CM-2611-R4WD",
  subject: "Solicitud envío masivo - convocatoria interna 2027",
};
/** The seeded overdue case. */
export const OVERDUE_CASE = { id: "CM-2611-H7QK", subject: "Solicitud de correo masivo: horario extendido" };

/** Selects another message (the on-time seeded case), then this one again: Outlook's way of reopening an item. */
export async function reopen(demo: Demo, subject: string | RegExp): Promise<void> {
  await selectMessage(demo, "comms", ON_TIME_CASE.subject);
  await caseCard(demo, ON_TIME_CASE.id).waitFor();
  await selectMessage(demo, "comms", subject);
}

/** The request form in the Communications pane. */
export function requestForm(demo: Demo): Locator {
  return demo.commsPane.getByRole("form", { name: t(demo.lang, "request.title") });
}

/** The case card in the Communications pane (named "Caso CM-…"). */
export function caseCard(demo: Demo, caseId?: string): Locator {
  const name = caseId ? t(demo.lang, "case.title", { id: caseId }) : caseTitlePattern(demo.lang);
  return demo.commsPane.getByRole("region", { name });
}

function caseTitlePattern(lang: Lang): RegExp {
  const [before, after] = t(lang, "case.title").split("{id}");
  return new RegExp(`^${before}${CASE_ID.source}${after}$`);
}

/** The case id shown in the card's heading. */
export async function caseIdOf(card: Locator): Promise<string> {
  const heading = await card.getByRole("heading", { level: 2 }).textContent();
  const id = CASE_ID.exec(heading ?? "")?.[0];
  if (!id) throw new Error(`No case id in the case heading "${heading}"`);
  return id;
}

/** The state badge beside the card's heading (the heading's own row, not the history below). */
export function stateBadge(card: Locator, text: string): Locator {
  return card.getByRole("heading", { level: 2 }).locator("xpath=..").getByText(text, { exact: true });
}

/** An entry of the case's history (the timeline list), by what happened. */
export function historyEntry(card: Locator, text: string): Locator {
  return card.getByRole("listitem").filter({ has: card.page().getByText(text, { exact: true }) });
}

/**
 * Waits for `success` to show; when the pane shows an error instead (role "alert"), fails at once with the
 * error's text, so a failing action reads as what the person would see.
 */
export async function outcome(scope: Locator, success: Locator, what: string): Promise<void> {
  const alert = scope.getByRole("alert");
  await success.or(alert).first().waitFor();
  if (!(await success.first().isVisible()) && (await alert.count()) > 0) {
    const shown = (await alert.allInnerTexts()).join(" | ").replace(/\s+/g, " ");
    throw new Error(`${what}: the pane shows an error instead: "${shown}"`);
  }
}

/** Polls `probe` until it returns a truthy value (or throws with `what` after `timeout` ms). */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeout = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what} (last: ${String(last)})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// --- The embedded tenant, from the page (window.__pregonDemo) -------------------------------------------------

interface DemoWindow {
  __pregonDemo: { tenant: Tenant };
}

/** Messages of a mailbox folder as the emulator stores them (newest first). */
export function storedMessages(page: Page, address: string, folder?: "inbox" | "sentitems" | "drafts") {
  return page.evaluate(
    ([a, f]) => (window as unknown as DemoWindow).__pregonDemo.tenant.storedMessages(a, f),
    [address, folder] as const,
  ) as Promise<StoredMessage[]>;
}

/**
 * Makes the demo's message lists re-read the tenant after a test changed it directly (they follow the tenant's
 * request log): one harmless Graph read through the page's emulator.
 */
export async function nudgeLists(page: Page): Promise<void> {
  await page.evaluate(async (user) => {
    const { tenant } = (window as unknown as DemoWindow).__pregonDemo;
    const token = tenant.issueToken(user);
    await fetch("https://graph.microsoft.com/v1.0/me", { headers: { Authorization: `Bearer ${token}` } });
  }, PROFESSIONAL);
}

/** Delivers a message from outside straight into a mailbox's inbox (Graph JSON), then refreshes the lists. */
export async function deliver(page: Page, to: string, message: Record<string, unknown>): Promise<string> {
  const id = await page.evaluate(
    ([address, json]) => (window as unknown as DemoWindow).__pregonDemo.tenant.deliver(address, json),
    [to, message] as const,
  );
  await nudgeLists(page);
  return id;
}

/** A message that is not a request: the pane shows the "other" view for it. */
export const OTHER_MESSAGE = {
  subject: "Almuerzo de integración del viernes",
  from: { emailAddress: { name: "María Docente", address: `maria.docente@${DOMAIN}` } },
  toRecipients: [{ emailAddress: { address: COMMUNICATIONS } }],
  receivedDateTime: "2026-11-29T17:00:00Z",
  body: {
    contentType: "html",
    content: "<p>Hola equipo, ¿nos vemos el viernes a las 12:30 en la cafetería? Confirmen, por favor.</p>",
  },
};

/** A message whose case record cannot be read: the pane shows the "unreadable" view for it. */
export function unreadableMessage(): Record<string, unknown> {
  const set = "String {0bb34ac3-8e10-442d-8039-5a9450954b36} Name";
  return {
    subject: "Solicitud de correo masivo: registro dañado",
    from: { emailAddress: { name: "Rectoría", address: `rectoria@${DOMAIN}` } },
    toRecipients: [{ emailAddress: { address: COMMUNICATIONS } }],
    receivedDateTime: "2026-11-25T15:00:00Z",
    body: { contentType: "html", content: "<p>Registro de prueba.</p>" },
    singleValueExtendedProperties: [
      { id: `${set} pregon.kind`, value: "request" },
      { id: `${set} pregon.caseId`, value: "CM-2611-ZZ22" },
      { id: `${set} pregon.state`, value: "received" },
      { id: `${set} pregon.dueDate`, value: "2026-11-30" },
      { id: `${set} pregon.record`, value: '{"v":1,"id":"CM-2611-ZZ22",' },
    ],
  };
}

// --- Results: screenshots and timings -------------------------------------------------------------------------

export function resultPath(...parts: string[]): string {
  const path = join(RESULTS, ...parts);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/**
 * Appends a measured time to test-results/timings.jsonl, one JSON line per timing; scripts/e2e.mjs prints them
 * after the run. Test files run in two workers at once: each timing is one small append, never a rewrite.
 */
export function recordTiming(name: string, ms: number): void {
  appendFileSync(resultPath("timings.jsonl"), `${JSON.stringify({ name, ms: Math.round(ms) })}\n`);
  console.log(`[timing] ${name}: ${Math.round(ms)} ms`);
}

// --- The taskpane's views, reached as a person would ------------------------------------------------------------

export type View = "request" | "case" | "other" | "unreadable" | "dashboard";
export const VIEWS: readonly View[] = ["request", "case", "other", "unreadable", "dashboard"];

/** Fixture 01's subject in the Communications inbox. */
export const FIXTURE_01_SUBJECT = "Solicitud envío correo masivo - Convocatoria movilidad 2027-1";

/** Brings the Communications pane to `view` (from the demo as openDemo left it) and waits until it shows. */
export async function showView(d: Demo, view: View): Promise<void> {
  const pane = d.commsPane;
  switch (view) {
    case "request":
      await selectMessage(d, "comms", FIXTURE_01_SUBJECT);
      await requestForm(d).waitFor();
      break;
    case "case":
      await selectMessage(d, "comms", ON_TIME_CASE.subject);
      await stateBadge(caseCard(d, ON_TIME_CASE.id), t(d.lang, "state.forwarded")).waitFor();
      break;
    case "other":
      if ((await messageRow(d, "comms", OTHER_MESSAGE.subject).count()) === 0) {
        await deliver(d.page, COMMUNICATIONS, OTHER_MESSAGE);
      }
      await selectMessage(d, "comms", OTHER_MESSAGE.subject);
      await pane.getByRole("heading", { name: t(d.lang, "empty.title") }).waitFor();
      break;
    case "unreadable": {
      const message = unreadableMessage();
      if ((await messageRow(d, "comms", message.subject as string).count()) === 0) {
        await deliver(d.page, COMMUNICATIONS, message);
      }
      await selectMessage(d, "comms", message.subject as string);
      await pane.getByText(t(d.lang, "error.invalidRecord")).waitFor();
      break;
    }
    case "dashboard": {
      await pane
        .getByRole("button", { name: t(d.lang, "nav.dashboard"), exact: true })
        .first()
        .click();
      await pane.getByRole("heading", { name: t(d.lang, "nav.dashboard") }).waitFor();
      await pane
        .getByRole("region", { name: t(d.lang, "dashboard.listLabel"), exact: true })
        .getByRole("listitem")
        .first()
        .waitFor();
      await pane.getByRole("progressbar").waitFor({ state: "detached" });
      break;
    }
  }
  // Nothing still loading in the pane.
  await pane.locator('main[aria-busy="true"]').waitFor({ state: "detached" });
  await pane.getByRole("progressbar").waitFor({ state: "detached" });
}

/**
 * IT's send button: "Programar envío…" while the case's requested date and time is ahead (scheduling is the
 * default then), "Enviar ahora" once it has passed. The demo runs on the real clock, so either can show.
 */
export function sendTrigger(scope: Locator, lang: Lang): Locator {
  const names = [t(lang, "it.scheduleSend"), t(lang, "it.sendNow")].map((n) => escapeRe(n).source);
  return scope.getByRole("button", { name: new RegExp(`^(${names.join("|")})$`) });
}

/**
 * Confirms IT's send dialog so that the mass mail leaves now: when the dialog offers scheduling (the requested
 * time is ahead), it picks "send now" and gives the reason the early send needs.
 */
export async function confirmSendNow(
  dialog: Locator,
  lang: Lang,
  reason = "Prueba: envío inmediato",
): Promise<void> {
  await dialog.waitFor();
  const now = dialog.getByRole("radio", { name: t(lang, "it.sendNowChoice") });
  if ((await now.count()) > 0) {
    await now.check();
    const confirm = dialog.getByRole("button", { name: t(lang, "it.sendConfirm"), exact: true });
    if (!(await confirm.isDisabled()))
      throw new Error("Send now before the requested time did not ask for a reason");
    await dialog.getByRole("textbox", { name: t(lang, "it.earlyReasonLabel") }).fill(reason);
  }
  await dialog.getByRole("button", { name: t(lang, "it.sendConfirm"), exact: true }).click();
}
