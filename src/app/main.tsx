// Entry point of the deployed taskpane: wait for Outlook, read pregon.config.json (beside this page), and show
// the pane, the configuration error screen, or a start-up failure. All decisions are in startup.ts.
//
// This script is kept small so that a slow laptop parses and runs it quickly: the pane's frame is the "pane"
// chunk, requested here at once so that it downloads while Office.js starts and the configuration (already
// requested by taskpane.html's preload) arrives. The role's pane (workflow, intake, views), the Graph side, zod,
// MSAL, the dashboard, the menu, IT's views, Diagnostics and English are further chunks, fetched after the first
// screen or only when used. `npm run bench` measures what the first screen fetches (budget: 165 KiB gzip). The start-up failure screen stays in this
// script: it must show even when no further chunk can be fetched (offline).
import { createRoot } from "react-dom/client";
import type { Root } from "react-dom/client";
import { fetchTextWith } from "../config/fetchText";
import { DEFAULT_CONFIG_URL, loadStartConfig } from "../config/startConfig";
import { toAppError } from "../domain/errors";
import type { Lang } from "../domain/types";
import { isLanguageLoaded, loadLanguage } from "../i18n/languages";
import { pickLanguage } from "../i18n/translate";
import { OfficeMailHost, whenOutlookReady } from "../office";
import { isOfficeScriptLoaded } from "../office/requirementSets";
import { themeFromMediaQuery } from "../office/theme";
import { startUp } from "./startup";
import type { StartupOutcome } from "./startup";
import { StartupErrorScreen } from "./StartupErrorScreen";

const pane = import(/* webpackChunkName: "pane" */ "./pane");
// A chunk that cannot be fetched is reported through startUp (createServices) or below; not as unhandled.
pane.catch(() => undefined);

/** Fetches the catalogue for `lang`; Spanish (always present) if it cannot be fetched. */
async function withLanguage(lang: Lang): Promise<Lang> {
  return loadLanguage(lang).then(
    () => lang,
    () => "es" as const,
  );
}

function renderFailure(root: Root, outcome: Extract<StartupOutcome, { kind: "failed" }>, lang: Lang): void {
  root.render(
    <StartupErrorScreen
      reason={outcome.reason}
      code={outcome.error.code}
      lang={lang}
      theme={outcome.theme}
      onReload={() => window.location.reload()}
    />,
  );
}

async function render(root: Root, outcome: StartupOutcome): Promise<void> {
  if (outcome.kind === "failed") {
    renderFailure(root, outcome, await withLanguage(outcome.lang));
    return;
  }
  const lang =
    outcome.kind === "ready"
      ? pickLanguage(
          outcome.services.host.displayLanguage,
          outcome.services.config.institution.defaultLanguage,
        )
      : outcome.lang;
  const [{ App, ConfigErrorScreen }] = await Promise.all([pane, withLanguage(lang)]);
  if (outcome.kind === "ready") root.render(<App services={outcome.services} />);
  else
    root.render(<ConfigErrorScreen problems={outcome.problems} lang={outcome.lang} theme={outcome.theme} />);
}

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const outcome = await startUp({
    whenOutlookReady,
    isOfficeLoaded: isOfficeScriptLoaded,
    // taskpane.html preloads the file; the preloaded response is taken as it is (see fetchTextWith).
    loadConfig: () =>
      loadStartConfig(fetchTextWith(window.fetch.bind(window), { preloaded: true }), DEFAULT_CONFIG_URL),
    createHost: () => new OfficeMailHost(),
    createServices: async (config, host) => (await pane).createOfficeServices(config, host),
    browserLanguage: () => navigator.language,
    browserTheme: themeFromMediaQuery,
  });
  if (outcome.kind === "failed") console.error("Pregón could not start", outcome.error);
  const root = createRoot(container);
  try {
    await render(root, outcome);
  } catch (e) {
    // Only the configuration error screen can fail here: its chunk could not be fetched (offline).
    console.error("Pregón could not show its start-up screen", e);
    const theme = outcome.kind === "ready" ? outcome.services.host.getTheme() : outcome.theme;
    const lang = outcome.kind !== "ready" && isLanguageLoaded(outcome.lang) ? outcome.lang : "es";
    renderFailure(root, { kind: "failed", reason: "unexpected", error: toAppError(e), lang, theme }, lang);
  }
}

void main();
