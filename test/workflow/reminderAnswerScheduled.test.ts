// IT's answer to a reminder states the time the mass mail leaves when it is scheduled (issue 12, small debt): a
// scheduled send Exchange still holds is "scheduled for <date and time>", not "sent on <when IT pressed Schedule>";
// a prepared one waiting for the requested date names the requested date at the institution's send time.
import type { CaseSummary } from "../../src/domain/caseHeader";
import type { ItRecord } from "../../src/domain/itRecord";
import { itStatusOf } from "../../src/domain/itStatus";
import { itStatusSentence } from "../../src/domain/templates";
import { formatInstant } from "../../src/domain/templates/format";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { updateAfterForward } from "../../src/workflow/actions/updateAfterForward";
import { answerReminder } from "../../src/workflow/it/answerReminder";
import { sendMassMail } from "../../src/workflow/it/itActions";
import { openItItem } from "../../src/workflow/it/openItCase";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, OPERATOR, setupWorld } from "../support/world";

const DUE = "2026-12-15T13:00:00.000Z"; // Tue 15 Dec 2026 08:00 in Bogotá (the demo's scheduledSendTime)
const ZONE = "America/Bogota";

const summary = { fields: { requestedDate: "2026-12-15" }, dueDate: "2026-12-15" } as unknown as CaseSummary;
const scheduled: ItRecord = {
  v: 1,
  caseId: "CM-2612-AAAA",
  state: "sent",
  groups: [{ address: "docentes@universidad.example", count: 1387 }],
  sent: { at: "2026-12-04T14:00:00.000Z", by: OPERATOR, scheduledFor: DUE },
};

describe("itStatusOf with the clock", () => {
  it("a send Exchange still holds is 'scheduled' at the time it leaves, stated to the minute", () => {
    const status = itStatusOf(scheduled, summary, "2026-12-04", { now: new Date("2026-12-04T15:00:00Z") });
    expect(status).toEqual({ status: "scheduled", at: DUE, on: "2026-12-15" });
    expect(itStatusSentence("es", status, ZONE)).toBe(
      `Programado para el ${formatInstant(DUE, "es", ZONE)}.`,
    );
    expect(itStatusSentence("en", status, ZONE)).toContain("8:00");
  });

  it("once it left, 'sent' at the time it left, not the time it was scheduled", () => {
    const status = itStatusOf(scheduled, summary, "2026-12-15", { now: new Date("2026-12-15T14:00:00Z") });
    expect(status).toMatchObject({ status: "sent", at: DUE });
  });
});

const world = setupWorld();

async function reminderOf(w: World, caseId: string) {
  const reminder = w.tenant
    .storedMessages(IT, "inbox")
    .filter((m) => m.subject.includes(`[${caseId}]`) && /recordatorio|reminder/i.test(m.subject))
    .at(-1);
  if (!reminder) throw new Error("no reminder in IT's inbox");
  const opened = await openItItem(w.it.ctx, w.it.select(reminder.id, reminder.subject));
  if (opened.kind !== "itCase") throw new Error(`expected an IT case, got ${opened.kind}`);
  return opened;
}

/** A case IT prepared, with the requested date moved ahead to 15 Dec, and a reminder from Communications. */
async function preparedAheadWithReminder(w: World) {
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  await updateAfterForward(w.comms.ctx, COMMUNICATIONS, created.messageId, { requestedDate: "2026-12-15" });
  await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
  const forward = await openForward(w, created.case.id);
  await prepareForCase(w, forward);
  return { caseId: created.case.id, forward };
}

function answerBody(w: World, caseId: string): string {
  const answer = w.tenant
    .storedMessages(COMMUNICATIONS, "inbox")
    .find(
      (m) =>
        m.subject.includes(`[${caseId}]`) &&
        m.internetMessageHeaders.some((h) => h.name.toLowerCase() === "x-pregon-it-status"),
    );
  return answer?.body.content ?? "";
}

it("a scheduled mass mail: the answer says 'scheduled for' the date and time it leaves", async () => {
  const w = world();
  const { caseId, forward } = await preparedAheadWithReminder(w);
  const sent = await sendMassMail(w.it.ctx, forward, { when: { mode: "scheduled" } });
  expect(sent.sent?.scheduledFor).toBe(DUE);

  const answer = await answerReminder(w.it.ctx, await reminderOf(w, caseId));
  expect(answer.answered?.status).toBe("scheduled");
  const body = answerBody(w, caseId);
  expect(body).toContain(`Programado para el ${formatInstant(DUE, "es", ZONE)}.`);
  expect(body).not.toContain("Enviado el");
});

it("a prepared mass mail waiting for the requested date: the answer names the time it will be scheduled for", async () => {
  const w = world();
  const { caseId } = await preparedAheadWithReminder(w);
  const answer = await answerReminder(w.it.ctx, await reminderOf(w, caseId));
  expect(answer.answered?.status).toBe("scheduled");
  expect(answerBody(w, caseId)).toContain(`Programado para el ${formatInstant(DUE, "es", ZONE)}.`);
});
