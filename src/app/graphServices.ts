// The "graph" chunk: what the pane needs to talk to Microsoft 365, fetched on the first Graph call instead of
// before the first screen (officeServices.ts). The Graph adapter with its client library, the token provider
// (MSAL itself is a further chunk, see auth/createTokenProvider.ts), the Office-dialog sign-in fallback and the
// HTML sanitizer (DOMPurify; the pane only sanitizes mail it has just read through Graph).
// Zod's CSP-safe mode before any schema of this chunk is built (the first screen carries no zod).
import "../domain/zodConfig";
import type { PregonConfig } from "../config/schema";
import { createNaaTokenProvider } from "../auth/createTokenProvider";
import { GraphMailService, GraphTenantProbe, quoteHeaderOf } from "../graph";
import type { GraphMailServiceOptions } from "../graph";
import { openDialogAuth } from "../office/dialogAuth";
import { isSetSupported } from "../office/requirementSets";
import type { MailHost } from "../ports/mailHost";
import type { MailService } from "../ports/mailService";
import type { TenantProbe } from "../ports/tenantProbe";
import { sanitizeHtml } from "../sanitize/sanitizeHtml";

export interface GraphServices {
  mail: MailService;
  probe: TenantProbe;
  sanitizeHtml(html: string): string;
}

export function createGraphServices(
  config: PregonConfig,
  host: MailHost,
  graphOptions: GraphMailServiceOptions,
): GraphServices {
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
  return {
    // Exchange writes the quote header of a reply or forward in English and UTC; it is rewritten in the mail's
    // language and the institution's time zone (graph/quoteHeader.ts).
    mail: new GraphMailService(tokens, { ...graphOptions, quoteHeader: quoteHeaderOf(config) }),
    probe: new GraphTenantProbe(tokens, graphOptions),
    sanitizeHtml,
  };
}
