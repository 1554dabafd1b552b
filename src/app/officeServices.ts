// Production wiring of the pane's services: Outlook through Office.js, Graph with a token from nested app
// authentication (or the Office-dialog fallback). The demo wires the same ports to the embedded tenant instead.
//
// The Graph side is the "graph" chunk (graphServices.ts), fetched by the first call of the mail service or the
// tenant probe — right after the first screen, for the selected message — rather than before that screen.
import type { PregonConfig } from "../config/schema";
import type { MailHost } from "../ports/mailHost";
import type { MailService } from "../ports/mailService";
import { WaitNotifier } from "../ports/serverWaits";
import type { TenantProbe } from "../ports/tenantProbe";
import type { Services } from "../taskpane/ServicesContext";
import { lazy, lazyPort, notLoaded } from "./lazyPort";
import type { Lazy, PortShape } from "./lazyPort";
import type { GraphServices } from "./graphServices";

const MAIL_SHAPE: PortShape<MailService> = {
  getMessage: "async",
  writeCaseProps: "async",
  listCases: "async",
  nextPage: "async",
  forward: "async",
  reply: "async",
  createDraft: "async",
  // Checks the attachments of a message the same service has just read.
  assertAttachmentsCopyable: "sync",
  copyAttachments: "async",
  readAttachment: "async",
  sendDraft: "async",
  setDeferredSendTime: "async",
  findScheduled: "async",
  deleteDraft: "async",
  setDraftSender: "async",
  groupMemberCount: "async",
  groupMemberCounts: "async",
  readTogether: "async",
  readAfterWrite: "async",
};

const PROBE_SHAPE: PortShape<TenantProbe> = {
  openItem: "async",
  createDraft: "async",
  findMessages: "async",
  patchWithStaleEtag: "async",
  uploadSession: "async",
  deleteMessage: "async",
  messageExists: "async",
  groupMemberCount: "async",
  signIn: "async",
};

/** The services over one lazily fetched Graph side (exported for its test). */
export function servicesOver(
  config: PregonConfig,
  host: MailHost,
  serverWaits: WaitNotifier,
  graph: Lazy<GraphServices>,
): Services {
  const part = <K extends "mail" | "probe">(key: K): Lazy<GraphServices[K]> => ({
    load: () => graph.load().then((g) => g[key]),
    current: () => graph.current()?.[key],
  });
  return {
    host,
    mail: lazyPort(part("mail"), MAIL_SHAPE),
    probe: lazyPort(part("probe"), PROBE_SHAPE),
    config,
    // Only mail read through `mail` is sanitized, so the chunk is there by then.
    sanitizeHtml: (html) => {
      const loaded = graph.current();
      if (!loaded) throw notLoaded("sanitizeHtml");
      return loaded.sanitizeHtml(html);
    },
    now: () => new Date(),
    serverWaits,
  };
}

export function createOfficeServices(config: PregonConfig, host: MailHost): Services {
  const serverWaits = new WaitNotifier();
  const graphOptions = { onServerWait: serverWaits.notify };
  const graph = lazy(() =>
    import(/* webpackChunkName: "graph" */ "./graphServices").then((m) =>
      m.createGraphServices(config, host, graphOptions),
    ),
  );
  return servicesOver(config, host, serverWaits, graph);
}
