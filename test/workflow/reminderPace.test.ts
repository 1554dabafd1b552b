// At most one reminder per case per business day against the embedded tenant: a second one the same business day
// is refused before anything is claimed or sent, unless the person confirms it.
import { AppError } from "../../src/domain/errors";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { newCase } from "../support/cases";
import { storedOfKind } from "../support/procedure";
import { COMMUNICATIONS, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();
const HOUR = 60 * 60_000;

async function forwarded(w: World) {
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  return created;
}

function remindersSent(w: World, caseId: string) {
  w.afterSentItemsDelay();
  return storedOfKind(w, COMMUNICATIONS, "sentitems", caseId, "reminder").length;
}

describe("reminder pace", () => {
  it("refuses a second reminder the same business day with reminderAlreadySentToday, and sends nothing", async () => {
    const w = world();
    const created = await forwarded(w);
    w.clock.advance(HOUR);
    const first = await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
    const firstAt = first.history.filter((h) => h.action === "reminded").at(-1)?.at;
    w.clock.advance(2 * HOUR);
    const before = w.tenant.log.entries().length;

    const refusal = await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("reminderAlreadySentToday");
    expect((refusal as AppError).details).toEqual({ at: firstAt });
    // Only the record was read: no claim written, no draft, no send.
    const requests = w.tenant.log.entries().slice(before);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((e) => e.method !== "GET")).toEqual([]);
    expect(remindersSent(w, created.case.id)).toBe(1);
  });

  it("sends the second one when the person confirms it, and records both", async () => {
    const w = world();
    const created = await forwarded(w);
    w.clock.advance(HOUR);
    await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
    w.clock.advance(2 * HOUR);
    const after = await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId, undefined, {
      confirmSecond: true,
    });
    expect(after.history.filter((h) => h.action === "reminded")).toHaveLength(2);
    expect(remindersSent(w, created.case.id)).toBe(2);
  });

  it("lets the next business day's reminder through unasked; a weekend one counts for Monday", async () => {
    const w = world();
    // The world starts on Friday 4 December 2026, 09:00 in Bogotá.
    const created = await forwarded(w);
    w.afterSentItemsDelay();
    await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
    w.clock.advance(24 * HOUR); // Saturday: counts for Monday, not Friday.
    await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
    w.clock.advance(48 * HOUR); // Monday: Saturday's reminder already counts for it.
    const refusal = await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId).catch(
      (e: unknown) => e,
    );
    expect((refusal as AppError).code).toBe("reminderAlreadySentToday");
    w.clock.advance(48 * HOUR); // Wednesday (Tuesday 8 December is a holiday).
    await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
    expect(remindersSent(w, created.case.id)).toBe(3);
  });
});
