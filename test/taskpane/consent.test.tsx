// Consent by need: GroupMember.Read.All is asked for only when IT counts members. When the person refuses (or
// the administrator never consented), the counts fail with "consentRequired" and the rest of the IT pane works.
import { render, screen } from "@testing-library/react";
import { DemoMailHost } from "../../src/demo/DemoMailHost";
import { toEwsId } from "../../src/demo/officeIds";
import { AppError } from "../../src/domain/errors";
import { GraphMailService } from "../../src/graph";
import type { AccessTokenRequest } from "../../src/graph";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { audienceCounts } from "../../src/workflow/it/groups";
import { itOpenCases } from "../../src/workflow/it/itDashboard";
import { openItItem } from "../../src/workflow/it/openItCase";
import { newCase } from "../support/cases";
import { forwardInItInbox } from "../support/procedure";
import { COMMUNICATIONS, IT, OPERATOR, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();

/** The operator's Graph adapter, whose token provider refuses GroupMember.Read.All as a refused consent would. */
function refusingMail(w: World) {
  const asked: Array<readonly string[]> = [];
  const mail = new GraphMailService({
    getAccessToken: async (request?: AccessTokenRequest) => {
      asked.push(request?.scopes ?? []);
      if (request?.scopes?.includes("GroupMember.Read.All"))
        throw new AppError("consentRequired", "consent refused", {
          details: { scopes: "GroupMember.Read.All" },
        });
      return w.tenant.issueToken(OPERATOR);
    },
  });
  return { mail, asked };
}

async function forwarded(w: World) {
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  return { caseId: created.case.id, forward: forwardInItInbox(w, created.case.id) };
}

describe("GroupMember.Read.All refused", () => {
  it("the counts fail with consentRequired; opening the case and IT's open cases still work", async () => {
    const w = world();
    const { caseId, forward } = await forwarded(w);
    const { mail, asked } = refusingMail(w);
    const ctx = { ...w.it.ctx, mail };

    // Never a rejection: each count is "unavailable", saying why, and preparing does not depend on it.
    const counts = await audienceCounts(ctx);
    expect(counts.map((c) => [c.status, c.error?.code])).toEqual(
      counts.map(() => ["unavailable", "consentRequired"]),
    );
    const opened = await openItItem(ctx, { itemId: forward.id, subject: forward.subject, mailbox: IT });
    expect(opened.kind).toBe("itCase");
    expect((await itOpenCases(ctx, IT)).map((r) => r.caseId)).toContain(caseId);
    // Only the count asked for the extra scope; everything else ran on the mail-only token.
    expect(asked.filter((s) => s.length > 0).every((s) => s.join() === "GroupMember.Read.All")).toBe(true);
    expect(asked.some((s) => s.length === 0)).toBe(true);
  });

  it("the IT pane still shows the case and its actions, with the counts' error in place of the counts", async () => {
    const w = world();
    const { caseId, forward } = await forwarded(w);
    const host = new DemoMailHost({
      userAddress: OPERATOR,
      displayLanguage: "es-CO",
      theme: "light",
      onOpenDraft: () => undefined,
      viewedMailbox: IT,
    });
    host.select({ ewsItemId: toEwsId(forward.id), subject: forward.subject, mailbox: IT });
    const { mail } = refusingMail(w);
    render(<App services={{ host, mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }} />);

    expect(
      await screen.findByRole("heading", { name: `Caso ${caseId} para envío` }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(await screen.findByText(/necesitan el permiso GroupMember.Read.All/)).toBeTruthy();
    expect(
      screen.getAllByRole("button", { name: /Consultar de nuevo el número de miembros/ }).length,
    ).toBeGreaterThan(0);
    expect(screen.getByRole("button", { name: "Preparar correo masivo" })).toBeTruthy();
  });
});
