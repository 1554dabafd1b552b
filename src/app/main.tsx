// Entry point of the deployed taskpane: wait for Outlook, read pregon.config.json (beside this page), and show
// the pane, the configuration error screen, or a start-up failure. All decisions are in startup.ts.
import "../domain/zodConfig";
import { createRoot } from "react-dom/client";
import { fetchTextWith } from "../config/fetchText";
import { DEFAULT_CONFIG_URL, loadConfig } from "../config/load";
import { OfficeMailHost, whenOutlookReady } from "../office";
import { isOfficeScriptLoaded } from "../office/requirementSets";
import { themeFromMediaQuery } from "../office/theme";
import { App } from "../taskpane/App";
import { ConfigErrorScreen } from "../taskpane/ConfigErrorScreen";
import { createOfficeServices } from "./officeServices";
import { startUp } from "./startup";
import type { StartupOutcome } from "./startup";
import { StartupErrorScreen } from "./StartupErrorScreen";

function view(outcome: StartupOutcome) {
  switch (outcome.kind) {
    case "ready":
      return <App services={outcome.services} />;
    case "configProblems":
      return <ConfigErrorScreen problems={outcome.problems} lang={outcome.lang} theme={outcome.theme} />;
    case "failed":
      return (
        <StartupErrorScreen
          reason={outcome.reason}
          code={outcome.error.code}
          lang={outcome.lang}
          theme={outcome.theme}
          onReload={() => window.location.reload()}
        />
      );
  }
}

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const outcome = await startUp({
    whenOutlookReady,
    isOfficeLoaded: isOfficeScriptLoaded,
    loadConfig: () => loadConfig(fetchTextWith(window.fetch.bind(window)), DEFAULT_CONFIG_URL),
    createHost: () => new OfficeMailHost(),
    createServices: createOfficeServices,
    browserLanguage: () => navigator.language,
    browserTheme: themeFromMediaQuery,
  });
  if (outcome.kind === "failed") console.error("Pregón could not start", outcome.error);
  createRoot(container).render(view(outcome));
}

void main();
