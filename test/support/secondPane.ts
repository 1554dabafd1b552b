// A second task pane, as a second person's Outlook would run it: its own copy of the workflow and Graph adapter
// modules (jest's isolated module registry), so that nothing in memory — the single-flight map in particular —
// is shared with the first pane. Only the tenant is common, as it is between two real computers.
import type { GraphMailService } from "../../src/graph";
import type { MailboxId } from "../../src/ports/mailService";
import type { cancelCase } from "../../src/workflow/actions/cancelCase";
import type { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import type { sendReminder } from "../../src/workflow/actions/sendReminder";
import type { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import type { confirmToCommunications, prepareMassMail, sendMassMail } from "../../src/workflow/it/itActions";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import type { WorkflowContext } from "../../src/workflow/context";
import type { World } from "./world";

interface Actions {
  sendReminder: typeof sendReminder;
  cancelCase: typeof cancelCase;
  forwardToIt: typeof forwardToIt;
  relayToRequester: typeof relayToRequester;
  prepareMassMail: typeof prepareMassMail;
  sendMassMail: typeof sendMassMail;
  confirmToCommunications: typeof confirmToCommunications;
}

export interface SecondPane extends Actions {
  ctx: WorkflowContext;
  mailbox: MailboxId;
}

export async function secondPane(world: World, user: string, mailbox: MailboxId): Promise<SecondPane> {
  let loaded: (Actions & { Graph: typeof GraphMailService }) | undefined;
  await jest.isolateModulesAsync(async () => {
    const graph = await import("../../src/graph");
    const remind = await import("../../src/workflow/actions/sendReminder");
    const cancel = await import("../../src/workflow/actions/cancelCase");
    const forward = await import("../../src/workflow/actions/forwardToIt");
    const relay = await import("../../src/workflow/actions/relayToRequester");
    const it = await import("../../src/workflow/it/itActions");
    loaded = {
      relayToRequester: relay.relayToRequester,
      prepareMassMail: it.prepareMassMail,
      sendMassMail: it.sendMassMail,
      confirmToCommunications: it.confirmToCommunications,
      Graph: graph.GraphMailService,
      sendReminder: remind.sendReminder,
      cancelCase: cancel.cancelCase,
      forwardToIt: forward.forwardToIt,
    };
  });
  if (!loaded) throw new Error("The second pane's modules did not load");
  const mail = new loaded.Graph(
    { getAccessToken: async () => world.tenant.issueToken(user) },
    {
      clock: { sleep: () => new Promise((resolve) => setTimeout(resolve, 0)), random: () => 0.5 },
    },
  );
  const ctx: WorkflowContext = {
    mail,
    config: world.config,
    user,
    now: () => world.clock.now(),
    sanitizeHtml,
  };
  return {
    ctx,
    mailbox,
    sendReminder: loaded.sendReminder,
    cancelCase: loaded.cancelCase,
    forwardToIt: loaded.forwardToIt,
    relayToRequester: loaded.relayToRequester,
    prepareMassMail: loaded.prepareMassMail,
    sendMassMail: loaded.sendMassMail,
    confirmToCommunications: loaded.confirmToCommunications,
  };
}
