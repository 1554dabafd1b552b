// The production build (dist/) under its own Content-Security-Policy: taskpane.html carries the policy in a meta
// tag, and the global setup's server also sends it as a header. The page must start without a single CSP
// violation (no inline script, no eval, no style or connection the policy does not allow).
//
// Offline, Office.js cannot come from Microsoft's CDN, so that one request is blocked here on purpose and the
// taskpane shows its "Office.js did not load" start-up screen, which is itself React + Fluent UI (Griffel's
// run-time styles included). Console messages about that missing script are expected; the assertion is about
// CSP violations only.
import type { Browser } from "playwright-core";
import { catalogues } from "../../src/i18n/catalogue";
import { browser, disconnect, e2eEnv } from "./helpers";

afterAll(disconnect);

const OFFICE_CDN = "https://appsforoffice.microsoft.com/**";

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

test("production taskpane.html starts under its CSP (meta tag and header) with no violation", async () => {
  const env = e2eEnv();
  if (!env.distUrl) throw new Error(env.distProblem || "The production build was not served.");

  const b: Browser = await browser();
  const context = await b.newContext({ locale: "es-CO" });
  try {
    // Every violation the document reports, from before any of its own scripts run.
    await context.addInitScript(() => {
      const seen: unknown[] = [];
      Object.assign(window, { __cspViolations: seen });
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
          sample: e.sample,
        }),
      );
    });
    const page = await context.newPage();
    const blocked: string[] = [];
    await page.route(OFFICE_CDN, (route) => {
      blocked.push(route.request().url());
      return route.abort("blockedbyclient");
    });
    const outside: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith("http") && url.hostname !== "127.0.0.1") outside.push(r.url());
    });
    const messages: string[] = [];
    page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => messages.push(`pageerror: ${e.message}`));

    const response = await page.goto(`${env.distUrl}taskpane.html`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toBe(env.csp);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(meta).toBe(env.csp);

    // The bundle ran and rendered its start-up screen (the Office.js script was blocked above).
    const titles = Object.values(catalogues).map((c) => c["startup.title"]);
    await page
      .getByText(new RegExp(titles.join("|")))
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(blocked.length).toBeGreaterThan(0);

    const violations = (await page.evaluate(
      () => (window as unknown as { __cspViolations: unknown[] }).__cspViolations,
    )) as Violation[];
    const cspMessages = messages.filter((m) => /Content.Security.Policy|Refused to/i.test(m));
    console.log(
      [
        `CSP test: Office.js request blocked on purpose (${blocked.join(", ")}).`,
        `Requests outside 127.0.0.1: ${outside.join(", ") || "none"}.`,
        `Console (${messages.length}):`,
        ...messages.map((m) => `  ${m}`),
      ].join("\n"),
    );
    expect({ violations, cspMessages }).toEqual({ violations: [], cspMessages: [] });

    // The probe itself works: an inline script, which the policy forbids, is reported.
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true;";
      document.head.append(s);
    });
    const after = await page.evaluate(() => ({
      count: (window as unknown as { __cspViolations: unknown[] }).__cspViolations.length,
      ran: "__inlineRan" in window,
    }));
    // The policy is in force twice (meta tag and header), and each policy reports its own violation.
    expect(after).toEqual({ count: 2, ran: false });
  } finally {
    await context.close();
  }
});
