// Entry point of the demo: starts the embedded tenant (Graph emulator behind a service worker), wires the real
// taskpane to it through the same ports as production, and renders both mailboxes side by side.
import "../domain/zodConfig";
import "../i18n/bundledLanguages";
import { createRoot } from "react-dom/client";
import { loadConfig } from "../config/load";
import { fetchTextWith } from "../config/fetchText";
import type { Lang } from "../domain/types";
import { GraphMailService, GraphTenantProbe, quoteHeaderOf } from "../graph";
import { sanitizeHtml } from "../sanitize/sanitizeHtml";
import type { ThemeKind } from "../ports/mailHost";
import { WaitNotifier } from "../ports/serverWaits";
import type { Services } from "../taskpane/ServicesContext";
import { ConfigErrorScreen } from "../taskpane/ConfigErrorScreen";
import { DemoApp } from "./DemoApp";
import { DemoMailHost } from "./DemoMailHost";
import { addressAfterOpen, openDemoTenant, persistOnChange, resetDemoTenant } from "./persistence";
import { COMMUNICATIONS, IT, OPERATOR, PROFESSIONAL } from "./tenantSpec";
import { startBrowserEmulator } from "../emulator/browser";

function param(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  const lang: Lang = param("lang") === "en" ? "en" : "es";
  const theme: ThemeKind = param("theme") === "dark" ? "dark" : "light";
  const paneWidth = param("pane") === "320" ? 320 : 450;

  const configResult = await loadConfig(fetchTextWith(window.fetch.bind(window)), "demo.config.json");
  if (!configResult.ok) {
    root.render(<ConfigErrorScreen problems={configResult.problems} lang={lang} theme={theme} />);
    return;
  }
  const config = configResult.config;

  const tenant = openDemoTenant({ fresh: param("fresh") === "1" });
  // `fresh` has done its work: a reload now resumes the saved state instead of discarding it (persistence.ts).
  const address = addressAfterOpen(window.location.href);
  if (address !== window.location.href) window.history.replaceState(window.history.state, "", address);
  await startBrowserEmulator(tenant);
  const stopSaving = persistOnChange(tenant);

  // ?sharedProps=0 plays an Outlook that cannot say which mailbox an item is in (see DemoMailHost).
  const sharedItemProperties = param("sharedProps") !== "0";

  const side = (user: string, mailbox: string): { host: DemoMailHost; services: Services } => {
    const host = new DemoMailHost({
      userAddress: user,
      viewedMailbox: mailbox,
      sharedItemProperties,
      displayLanguage: lang === "es" ? "es-CO" : "en-US",
      theme,
      onOpenDraft: () => undefined,
    });
    const serverWaits = new WaitNotifier();
    const tokens = { getAccessToken: async () => tenant.issueToken(user) };
    const graphOptions = { onServerWait: serverWaits.notify };
    const mail = new GraphMailService(tokens, { ...graphOptions, quoteHeader: quoteHeaderOf(config) });
    // The demo has no Microsoft sign-in, so the self-check reports that check as skipped.
    const probe = new GraphTenantProbe(tokens, graphOptions);
    return {
      host,
      services: { host, mail, probe, config, sanitizeHtml, now: () => new Date(), serverWaits },
    };
  };
  // Both people sign in as themselves and work in the shared mailboxes as delegates.
  const communications = side(PROFESSIONAL, COMMUNICATIONS);
  const it = side(OPERATOR, IT);

  // Hooks for the browser tests and for anyone curious in the console: the tenant is the demo's server.
  Object.assign(window, { __pregonDemo: { tenant, communications, it } });

  root.render(
    <DemoApp
      tenant={tenant}
      communications={communications}
      it={it}
      initial={{ lang, theme, paneWidth }}
      onReset={() => {
        const next = resetDemoTenant(stopSaving, window.location.href);
        // Same address (no `fresh` to drop): a reload; otherwise load the address without it.
        if (next === window.location.href) window.location.reload();
        else window.location.replace(next);
      }}
    />,
  );
}

void main();
