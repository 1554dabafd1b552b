// Production wiring of the pane's services: Outlook through Office.js, Graph with a token from nested app
// authentication (or the Office-dialog fallback). The demo wires the same ports to the embedded tenant instead.
import type { PregonConfig } from "../config/schema";
import { createNaaTokenProvider } from "../auth/createTokenProvider";
import { GraphMailService, GraphTenantProbe, quoteHeaderOf } from "../graph";
import { openDialogAuth } from "../office/dialogAuth";
import { isSetSupported } from "../office/requirementSets";
import type { MailHost } from "../ports/mailHost";
import { WaitNotifier } from "../ports/serverWaits";
import { sanitizeHtml } from "../sanitize/sanitizeHtml";
import type { Services } from "../taskpane/ServicesContext";

export function createOfficeServices(config: PregonConfig, host: MailHost): Services {
  const tokens = createNaaTokenProvider(config.auth, {
    isSetSupported,
    openDialogAuth,
    loginHint: () => {
      try {
        return host.userAddress || undefined;
      } catch {
        return undefined; // only a hint: sign-in works without it
      }
    },
  });
  const serverWaits = new WaitNotifier();
  const graphOptions = { onServerWait: serverWaits.notify };
  return {
    host,
    mail: new GraphMailService(tokens, { ...graphOptions, quoteHeader: quoteHeaderOf(config) }),
    probe: new GraphTenantProbe(tokens, graphOptions),
    config,
    sanitizeHtml,
    now: () => new Date(),
    serverWaits,
  };
}
