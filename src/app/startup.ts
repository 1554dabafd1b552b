// The start-up decision, apart from React and Office so that it can be tested with fakes: wait for Outlook (at
// most START_TIMEOUT_MS), read the configuration meanwhile, and answer with what to show: the pane with its
// services, the configuration error screen, or a start-up failure. It never throws and never leaves a blank page.
import type { ConfigProblem } from "../config/problems";
import type { ConfigResult } from "../config/load";
import type { PregonConfig } from "../config/schema";
import { AppError, isAppError, toAppError } from "../domain/errors";
import type { Lang } from "../domain/types";
import { pickLanguage } from "../i18n/translate";
import type { MailHost, ThemeKind } from "../ports/mailHost";
import type { Services } from "../taskpane/ServicesContext";
import type { StartupFailureReason } from "./startupStrings";

/** How long Office.js may take to say it is ready before the pane says something instead. */
export const START_TIMEOUT_MS = 10_000;

export type StartupOutcome =
  | { kind: "ready"; services: Services }
  | { kind: "configProblems"; problems: readonly ConfigProblem[]; lang: Lang; theme: ThemeKind }
  | { kind: "failed"; reason: StartupFailureReason; error: AppError; lang: Lang; theme: ThemeKind };

export interface StartupDeps<H extends MailHost = MailHost> {
  /** Resolves when Office.js is ready in Outlook (whenOutlookReady); rejects with an AppError otherwise. */
  whenOutlookReady(): Promise<void>;
  /** Whether the Office.js script loaded at all, to tell "offline" from "not in Outlook". */
  isOfficeLoaded(): boolean;
  /** Reads and validates pregon.config.json; never rejects (problems are data). */
  loadConfig(): Promise<ConfigResult>;
  /** The mail host; called only once Outlook is ready. */
  createHost(): H;
  /** Everything the pane needs, for a valid configuration (async where the pane's code is still arriving). */
  createServices(config: PregonConfig, host: H): Services | Promise<Services>;
  /** The browser's language and colour scheme, for a failure shown before Outlook could say its own. */
  browserLanguage(): string | undefined;
  browserTheme(): ThemeKind;
  timeoutMs?: number;
}

class StartTimeout extends Error {
  constructor(ms: number) {
    super(`Office.js was not ready after ${ms} ms`);
    this.name = "StartTimeout";
  }
}

/** `promise`, or a StartTimeout rejection after `ms`; the timer never outlives the race. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartTimeout(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function classify(e: unknown, officeLoaded: boolean): { reason: StartupFailureReason; error: AppError } {
  if (e instanceof StartTimeout) {
    return { reason: "officeTimeout", error: new AppError("officeUnsupported", e.message, { cause: e }) };
  }
  if (isAppError(e) && e.code === "officeUnsupported") {
    return { reason: officeLoaded ? "notOutlook" : "officeNotLoaded", error: e };
  }
  return { reason: "unexpected", error: toAppError(e) };
}

export async function startUp<H extends MailHost>(deps: StartupDeps<H>): Promise<StartupOutcome> {
  const failed = (e: unknown, lang: Lang, theme: ThemeKind): StartupOutcome => ({
    kind: "failed",
    ...classify(e, deps.isOfficeLoaded()),
    lang,
    theme,
  });
  const browserLang = (): Lang => pickLanguage(deps.browserLanguage(), "es");

  // The file is fetched while Office starts; a rejection (which loadConfig does not do) is kept for later.
  const config = deps.loadConfig().then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );

  try {
    await withTimeout(deps.whenOutlookReady(), deps.timeoutMs ?? START_TIMEOUT_MS);
  } catch (e) {
    return failed(e, browserLang(), deps.browserTheme());
  }

  let host: H;
  let lang: Lang;
  let theme: ThemeKind;
  try {
    host = deps.createHost();
    lang = pickLanguage(host.displayLanguage, "es");
    theme = host.getTheme();
  } catch (e) {
    return failed(e, browserLang(), deps.browserTheme());
  }

  const loaded = await config;
  if ("error" in loaded) return failed(loaded.error, lang, theme);
  if (!loaded.result.ok) return { kind: "configProblems", problems: loaded.result.problems, lang, theme };

  try {
    return { kind: "ready", services: await deps.createServices(loaded.result.config, host) };
  } catch (e) {
    return failed(e, lang, theme);
  }
}
