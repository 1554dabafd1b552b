// Issue 13: an urgent case's reminders go by business hours (the demo configuration's urgent.reminderHours = 2),
// not by business days: within two business hours of the last reminder a second one asks first; after them it
// goes out without asking, the same day. The world's clock starts on Friday 4 December 2026 at 09:00 in Bogotá.
import type { AppError } from "../../src/domain/errors";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { newCase } from "../support/cases";
import { storedOfKind } from "../support/procedure";
import { COMMUNICATIONS, setupWorld } from "../support/world";

const world = setupWorld();
const HOUR = 60 * 60_000;

describe("the urgent case's reminder pace", () => {
  it("asks within the reminder hours and lets a second reminder through after them, the same day", async () => {
    const w = world();
    expect(w.config.urgent?.reminderHours).toBe(2);
    const created = await newCase(w, "01-structured-es.json", { urgency: "urgent" });
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    w.clock.advance(HOUR); // 10:00
    const first = await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
    const firstAt = first.history.filter((h) => h.action === "reminded").at(-1)?.at;

    w.clock.advance(HOUR); // 11:00: one business hour since the reminder
    const refusal = await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId).catch(
      (e: unknown) => e,
    );
    expect((refusal as AppError).code).toBe("reminderAlreadySentToday");
    expect((refusal as AppError).details).toEqual({ at: firstAt });

    w.clock.advance(1.5 * HOUR); // 12:30: two and a half business hours, still Friday
    const second = await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
    expect(second.history.filter((h) => h.action === "reminded")).toHaveLength(2);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.case.id, "reminder")).toHaveLength(2);
  });

  it("a normal case still waits for the next business day", async () => {
    const w = world();
    const created = await newCase(w, "01-structured-es.json", { urgency: "normal" });
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    w.clock.advance(HOUR);
    await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
    w.clock.advance(3.5 * HOUR); // 13:30 on the same Friday
    const refusal = await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId).catch(
      (e: unknown) => e,
    );
    expect((refusal as AppError).code).toBe("reminderAlreadySentToday");
  });
});
