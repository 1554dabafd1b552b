// The production start-up decision with fakes for Office, the config file and the services: what the pane shows
// in each case, and that nothing is ever left blank.
import type { ConfigResult } from "../../src/config/load";
import { parseConfig } from "../../src/config/load";
import type { PregonConfig } from "../../src/config/schema";
import { AppError } from "../../src/domain/errors";
import type { MailHost } from "../../src/ports/mailHost";
import { startUp, withTimeout } from "../../src/app/startup";
import type { StartupDeps } from "../../src/app/startup";
import type { Services } from "../../src/taskpane/ServicesContext";
import template from "../../src/config/pregon.config.json";

const validConfig = (() => {
  const result = parseConfig(template);
  if (!result.ok) throw new Error("the shipped template must validate");
  return result.config;
})();

function fakeHost(overrides: Partial<MailHost> = {}): MailHost {
  return {
    userAddress: "ana.perez@uni.example.edu.co",
    displayLanguage: "en-US",
    getTheme: () => "dark",
    getSelectedItem: async () => null,
    onSelectionChanged: () => () => undefined,
    onThemeChanged: () => () => undefined,
    canOpenDraft: () => false,
    openDraft: async () => undefined,
    ...overrides,
  };
}

function deps(overrides: Partial<StartupDeps> = {}): StartupDeps & { built: jest.Mock } {
  const built = jest.fn((config: PregonConfig, host: MailHost): Services => ({
    host,
    config,
    mail: {} as Services["mail"],
    sanitizeHtml: (html) => html,
    now: () => new Date(),
  }));
  return {
    whenOutlookReady: async () => undefined,
    isOfficeLoaded: () => true,
    loadConfig: async (): Promise<ConfigResult> => ({ ok: true, config: validConfig }),
    createHost: () => fakeHost(),
    createServices: built,
    browserLanguage: () => "es-CO",
    browserTheme: () => "light",
    built,
    ...overrides,
  };
}

describe("startUp", () => {
  it("builds the services from a valid configuration once Outlook is ready", async () => {
    const d = deps();
    const outcome = await startUp(d);
    expect(outcome.kind).toBe("ready");
    expect(d.built).toHaveBeenCalledTimes(1);
    expect(d.built.mock.calls[0]?.[0]).toBe(validConfig);
    if (outcome.kind === "ready") expect(outcome.services.config).toBe(validConfig);
  });

  it("shows the configuration problems in Outlook's language and theme, without building services", async () => {
    const problems = [
      { path: "itMailbox", kind: "invalidEmail" as const, message: "itMailbox: not an e-mail" },
    ];
    const d = deps({ loadConfig: async () => ({ ok: false, problems }) });
    const outcome = await startUp(d);
    expect(outcome).toEqual({ kind: "configProblems", problems, lang: "en", theme: "dark" });
    expect(d.built).not.toHaveBeenCalled();
  });

  it("reads the configuration while Office starts, not after", async () => {
    const order: string[] = [];
    let ready: () => void = () => undefined;
    const d = deps({
      whenOutlookReady: () =>
        new Promise<void>((resolve) => {
          order.push("office");
          ready = resolve;
        }),
      loadConfig: async () => {
        order.push("config");
        return { ok: true, config: validConfig };
      },
    });
    const outcome = startUp(d);
    await Promise.resolve();
    expect(order).toEqual(["config", "office"]);
    ready();
    await expect(outcome).resolves.toMatchObject({ kind: "ready" });
  });

  it("explains a page opened outside Outlook, in the browser's language", async () => {
    const d = deps({
      whenOutlookReady: async () => {
        throw new AppError("officeUnsupported", "Pregón runs in Outlook only", { details: { host: "null" } });
      },
    });
    await expect(startUp(d)).resolves.toMatchObject({
      kind: "failed",
      reason: "notOutlook",
      lang: "es",
      theme: "light",
      error: { code: "officeUnsupported" },
    });
  });

  it("tells a missing Office.js (offline, blocked CDN) from a page outside Outlook", async () => {
    const d = deps({
      isOfficeLoaded: () => false,
      whenOutlookReady: async () => {
        throw new AppError("officeUnsupported", "Office.js is not loaded");
      },
      browserLanguage: () => "en-GB",
    });
    await expect(startUp(d)).resolves.toMatchObject({
      kind: "failed",
      reason: "officeNotLoaded",
      lang: "en",
    });
  });

  it("gives up waiting for Office after the timeout", async () => {
    jest.useFakeTimers();
    try {
      const d = deps({ whenOutlookReady: () => new Promise<void>(() => undefined), timeoutMs: 10_000 });
      const outcome = startUp(d);
      await jest.advanceTimersByTimeAsync(9_999);
      let settled = false;
      void outcome.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await expect(outcome).resolves.toMatchObject({ kind: "failed", reason: "officeTimeout" });
      expect(d.built).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });

  it("reports a failure while building the services instead of throwing", async () => {
    const d = deps({
      createServices: () => {
        throw new Error("MSAL exploded");
      },
    });
    await expect(startUp(d)).resolves.toMatchObject({
      kind: "failed",
      reason: "unexpected",
      lang: "en",
      theme: "dark",
      error: { code: "unknown" },
    });
  });

  it("reports a host that fails on first use, and a config loader that rejects", async () => {
    const brokenHost = deps({
      createHost: () => {
        throw new AppError("officeFailed", "no mailbox");
      },
    });
    await expect(startUp(brokenHost)).resolves.toMatchObject({
      kind: "failed",
      reason: "unexpected",
      lang: "es",
    });
    const brokenLoader = deps({ loadConfig: () => Promise.reject(new Error("bug")) });
    await expect(startUp(brokenLoader)).resolves.toMatchObject({ kind: "failed", reason: "unexpected" });
  });
});

describe("withTimeout", () => {
  it("passes the value through and clears its timer", async () => {
    jest.useFakeTimers();
    try {
      await expect(withTimeout(Promise.resolve(7), 1000)).resolves.toBe(7);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
