// The panes of the fault matrix: the first pane uses the modules as loaded; a second pane (another person's
// Outlook) loads its own copy of the workflow and Graph adapter (jest's isolated registry), so nothing in memory
// — the single-flight map in particular — is shared between the two. Only the tenant is common.
import type { GraphMailService } from "../../src/graph";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { createCaseFromRequest } from "../../src/workflow/actions/createCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import type { WorkflowContext } from "../../src/workflow/context";
import { confirmToCommunications, prepareMassMail, sendMassMail } from "../../src/workflow/it/itActions";
import type { World } from "../support/world";

export interface PaneActions {
  createCaseFromRequest: typeof createCaseFromRequest;
  forwardToIt: typeof forwardToIt;
  sendReminder: typeof sendReminder;
  relayToRequester: typeof relayToRequester;
  prepareMassMail: typeof prepareMassMail;
  sendMassMail: typeof sendMassMail;
  confirmToCommunications: typeof confirmToCommunications;
}

export interface Pane {
  ctx: WorkflowContext;
  act: PaneActions;
}

const FIRST: PaneActions = {
  createCaseFromRequest,
  forwardToIt,
  sendReminder,
  relayToRequester,
  prepareMassMail,
  sendMassMail,
  confirmToCommunications,
};

/** The world's own pane for `user` (Ana in comunicaciones@ or Carlos in tic@). */
export function firstPane(world: World, user: string): Pane {
  const ctx = user === world.it.ctx.user ? world.it.ctx : world.comms.ctx;
  return { ctx, act: FIRST };
}

/** Another person's pane: its own module copies and Graph client, the same tenant and clock. */
export async function otherPane(world: World, user: string): Promise<Pane> {
  let loaded: (PaneActions & { Graph: typeof GraphMailService }) | undefined;
  await jest.isolateModulesAsync(async () => {
    const graph = await import("../../src/graph");
    const create = await import("../../src/workflow/actions/createCase");
    const forward = await import("../../src/workflow/actions/forwardToIt");
    const remind = await import("../../src/workflow/actions/sendReminder");
    const relay = await import("../../src/workflow/actions/relayToRequester");
    const it = await import("../../src/workflow/it/itActions");
    loaded = {
      Graph: graph.GraphMailService,
      createCaseFromRequest: create.createCaseFromRequest,
      forwardToIt: forward.forwardToIt,
      sendReminder: remind.sendReminder,
      relayToRequester: relay.relayToRequester,
      prepareMassMail: it.prepareMassMail,
      sendMassMail: it.sendMassMail,
      confirmToCommunications: it.confirmToCommunications,
    };
  });
  if (!loaded) throw new Error("The second pane's modules did not load");
  const { Graph, ...act } = loaded;
  const mail = new Graph(
    { getAccessToken: async () => world.tenant.issueToken(user) },
    { clock: { sleep: () => new Promise((resolve) => setTimeout(resolve, 0)), random: () => 0.5 } },
  );
  const ctx: WorkflowContext = {
    mail,
    config: world.config,
    user,
    now: () => world.clock.now(),
    sanitizeHtml,
  };
  return { ctx, act };
}
