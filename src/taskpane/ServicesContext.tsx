// What the pane was given at start-up. The pane never knows whether these are Office.js + Graph or the
// embedded tenant: production and the demo wire different implementations of the same ports.
import { createContext, useContext } from "react";
import type { PregonConfig } from "../config/schema";
import type { MailHost } from "../ports/mailHost";
import type { MailService } from "../ports/mailService";
import type { ServerWaits } from "../ports/serverWaits";
import type { TenantProbe } from "../ports/tenantProbe";

export interface Services {
  host: MailHost;
  mail: MailService;
  config: PregonConfig;
  /** Sanitizes untrusted mail HTML before it is shown or sent (DOMPurify in the browser). */
  sanitizeHtml(html: string): string;
  /** The current time; injectable so the demo and tests can move it. */
  now(): Date;
  /** Announces the adapter's Retry-After waits, so the pane can say it is waiting (optional). */
  serverWaits?: ServerWaits;
  /** The tenant self-check's Graph calls (Diagnostics in the pane's menu); the menu entry needs it. */
  probe?: TenantProbe;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices outside ServicesContext");
  return services;
}
