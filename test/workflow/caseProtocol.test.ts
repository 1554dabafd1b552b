// The case protocol between the mailboxes on the embedded tenant: what Communications changes after the forward
// (a cancellation, an update) reaches IT, IT's pane opened on any message of the case shows it as it now stands,
// and a case cancelled in the meantime is never sent.
import { AppError } from "../../src/domain/errors";
import { cancelCase, recordCorrection } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { updateAfterForward } from "../../src/workflow/actions/updateAfterForward";
import { openItItem } from "../../src/workflow/it/openItCase";
import { sendMassMail } from "../../src/workflow/it/itActions";
import { newCase } from "../support/cases";
import { itSendsAndConfirms, openForward, prepareForCase } from "../support/procedure";
import { countByRoute, logged, sendAttempts } from "../support/requestLog";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, OPERATOR, setupWorld } from "../support/world";

const world = setupWorld();

async function forwardedCase(w: World, fixture = "01-structured-es.json") {
  const { case: created } = await newCase(w, fixture);
  const requestId = created.requestMessageId ?? "";
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, requestId);
  // The forward's Sent Items copy is filed seconds later; notices and reminders reply to that copy.
  w.afterSentItemsDelay();
  return { caseId: created.id, requestId };
}

function inItInbox(w: World, caseId: string, word: RegExp) {
  const found = w.tenant
    .storedMessages(IT, "inbox")
    .filter((m) => m.subject.includes(`[${caseId}]`) && word.test(m.subject));
  const last = found.at(-1);
  if (!last) throw new Error(`No message of ${caseId} matching ${word} in IT's inbox`);
  return last;
}

function memberMailboxes(w: World, audiences: readonly string[]): string[] {
  const groups = w.config.audiences.filter((a) => audiences.includes(a.key)).map((a) => a.group);
  return [...new Set(groups.flatMap((g) => w.tenant.group(g)?.members ?? []))];
}

function figures(label: string, entries: Parameters<typeof countByRoute>[0]) {
  const lines = [...countByRoute(entries)].map(([route, n]) => `  ${n} × ${route}`).join("\n");
  console.log(`${label}: ${entries.length} requests\n${lines}`);
}

describe("cancelling after the forward", () => {
  it("tells IT in the same click; IT opening the forward sees the cancellation, and Prepare is refused", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);

    const { result: cancelled, entries } = await logged(w.tenant, () =>
      cancelCase(w.comms.ctx, COMMUNICATIONS, requestId, "La unidad retiró la solicitud"),
    );
    figures("cancel notice", entries);

    expect(cancelled.state).toBe("cancelled");
    expect(cancelled.itVersion).toBe(2);
    expect(cancelled.claim).toBeUndefined();
    const notice = inItInbox(w, caseId, /cancel/i);
    expect(notice.internetMessageHeaders.some((h) => h.name.toLowerCase() === "x-pregon-case")).toBe(true);

    const opened = await openForward(w, caseId);
    expect(opened.cancelled).toMatchObject({ reason: "La unidad retiró la solicitud" });
    expect(opened.cancelled?.by).toBe(w.comms.ctx.user);
    expect(opened.summary.version).toBe(2);
    await expect(prepareForCase(w, opened)).rejects.toMatchObject({ code: "caseCancelled" });
    expect(w.tenant.storedMessages(IT, "drafts")).toHaveLength(0);
  });

  it("IT opening the cancellation notice itself shows the case, cancelled, with IT's record on the forward", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    await cancelCase(w.comms.ctx, COMMUNICATIONS, requestId, "Duplicada");
    const notice = inItInbox(w, caseId, /cancel/i);

    const { result: opened, entries } = await logged(w.tenant, () =>
      openItItem(w.it.ctx, w.it.select(notice.id, notice.subject)),
    );
    figures("IT opens the cancellation notice", entries);

    expect(opened.kind).toBe("itCase");
    if (opened.kind !== "itCase") return;
    expect(opened.openedId).toBe(notice.id);
    expect(opened.message.id).not.toBe(notice.id);
    expect(opened.cancelled?.reason).toBe("Duplicada");
    // Exactly one filtered list of the case's messages.
    expect(countByRoute(entries).get("GET mailFolders/inbox/messages?filter")).toBe(1);
  });

  it("cancelled between Prepare and Send: the send is refused and nothing reaches the groups' members", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    const opened = await openForward(w, caseId);
    await prepareForCase(w, opened);

    await cancelCase(w.comms.ctx, COMMUNICATIONS, requestId, "La fecha ya pasó");
    const { entries } = await logged(w.tenant, () =>
      sendMassMail(w.it.ctx, opened).catch((e: unknown) => e),
    ).then(async (r) => {
      expect(r.result).toBeInstanceOf(AppError);
      expect((r.result as AppError).code).toBe("caseCancelled");
      return r;
    });
    figures("refused send (cancelled meanwhile)", entries);

    expect(sendAttempts(w.tenant, OPERATOR)).toHaveLength(0);
    for (const member of memberMailboxes(w, opened.summary.fields.audiences)) {
      const got = w.tenant
        .storedMessages(member, "inbox")
        .filter((m) => m.subject === opened.summary.fields.subject);
      expect([member, got.length]).toEqual([member, 0]);
    }
    // The draft stays (IT can look at it), and the claim is released.
    const reopened = await openForward(w, caseId);
    expect(reopened.record.claim).toBeUndefined();
    expect(reopened.cancelled?.reason).toBe("La fecha ya pasó");
  });

  it("a case whose mass mail went out cannot be cancelled; a correction is recorded instead", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    await itSendsAndConfirms(w, caseId);
    // Communications learns of the send (the confirmation) when the case is opened; simulate by the domain path:
    const { openItem } = await import("../../src/workflow/openItem");
    w.afterSentItemsDelay();
    await openItem(w.comms.ctx, w.comms.select(requestId));
    const refused = await cancelCase(w.comms.ctx, COMMUNICATIONS, requestId, "x").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).details?.offer).toBe("correction");
    const corrected = await recordCorrection(
      w.comms.ctx,
      COMMUNICATIONS,
      requestId,
      "El asunto tenía un error",
    );
    expect(corrected.history.at(-1)).toMatchObject({ action: "corrected", note: "El asunto tenía un error" });
  });

  it("cancellation and send crossed: IT's pane shows the case sent and cancelled", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    const opened = await openForward(w, caseId);
    await prepareForCase(w, opened);
    await sendMassMail(w.it.ctx, opened);
    // Communications did not know yet.
    await cancelCase(w.comms.ctx, COMMUNICATIONS, requestId, "Tarde");
    const again = await openForward(w, caseId);
    expect(again.record.state).toBe("sent");
    expect(again.cancelled?.reason).toBe("Tarde");
  });
});

describe("changes after the forward", () => {
  it("IT sees the new date, audiences and subject, and the mass mail uses the latest subject", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);

    const { result: updated, entries } = await logged(w.tenant, () =>
      updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, {
        requestedDate: "2026-12-15",
        subject: "Convocatoria (nueva fecha)",
      }),
    );
    figures("update notice", entries);
    expect(updated.itVersion).toBe(2);
    expect(updated.history.at(-1)?.action).toBe("updated");

    const opened = await openForward(w, caseId);
    expect(opened.summary.fields.requestedDate).toBe("2026-12-15");
    expect(opened.summary.fields.subject).toBe("Convocatoria (nueva fecha)");
    expect(opened.changed).toEqual(expect.arrayContaining(["requestedDate", "subject"]));
    expect(opened.forwardSummary.version).toBe(1);

    await prepareForCase(w, opened);
    // The mass mail is scheduled for the new date at the institution's send time (08:00 Bogotá = 13:00 UTC)
    // and held by Exchange until then.
    const sent = await sendMassMail(w.it.ctx, opened);
    expect(sent.sent?.scheduledFor).toBe("2026-12-15T13:00:00.000Z");
    const members = memberMailboxes(w, opened.summary.fields.audiences);
    expect(members.length).toBeGreaterThan(0);
    for (const member of members) {
      const early = w.tenant.storedMessages(member, "inbox").filter((m) => m.subject.includes("nueva fecha"));
      expect([member, early.length]).toEqual([member, 0]);
    }
    w.clock.advance(Date.parse("2026-12-15T13:00:01Z") - w.clock.now().getTime());
    for (const member of members) {
      const got = w.tenant
        .storedMessages(member, "inbox")
        .filter((m) => m.subject === "Convocatoria (nueva fecha)");
      expect([member, got.length]).toEqual([member, 1]);
    }
  });

  it("a second update has a higher version; a repeated click sends nothing more", async () => {
    const w = world();
    const { requestId } = await forwardedCase(w);
    await updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, { requestedDate: "2026-12-15" });
    const twice = await updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, {
      requestedDate: "2026-12-15",
    });
    expect(twice.itVersion).toBe(2);
    const third = await updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, {
      audiences: ["docentes"],
    });
    expect(third.itVersion).toBe(3);
  });
});

describe("a reminder opened in IT's pane", () => {
  it("shows the case (not 'not a forwarded case')", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    await sendReminder(w.comms.ctx, COMMUNICATIONS, requestId);
    const reminder = inItInbox(w, caseId, /recordatorio|reminder/i);
    const opened = await openItItem(w.it.ctx, w.it.select(reminder.id, reminder.subject));
    expect(opened.kind).toBe("itCase");
    if (opened.kind !== "itCase") return;
    expect(opened.summary.id).toBe(caseId);
    expect(opened.openedId).toBe(reminder.id);
    expect(opened.cancelled).toBeUndefined();
  });
});
