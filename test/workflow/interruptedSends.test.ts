// Issue 15, point 4: every kind of send is repaired on reopening. For each kind — Communications' forward, ask to
// the requester, reminder, relay, cancellation and update notices; IT's mass mail, confirmation and answer to a
// reminder — the mail goes out and the step's record write is lost (the pane closed between the two). Reopening the
// pane records the step once, from the claim whose draft left Drafts (before Exchange has even filed the Sent Items
// copy), and pressing the action again never sends a second mail.
import { AppError } from "../../src/domain/errors";
import type { ItRecord } from "../../src/domain/itRecord";
import type { Case, HistoryAction } from "../../src/domain/types";
import type { MessageKind } from "../../src/ports/mailService";
import { askRequester } from "../../src/workflow/actions/askRequester";
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { updateAfterForward } from "../../src/workflow/actions/updateAfterForward";
import type { WorkflowContext } from "../../src/workflow/context";
import { answerRecordOf, answerReminder } from "../../src/workflow/it/answerReminder";
import { confirmToCommunications, sendMassMail } from "../../src/workflow/it/itActions";
import { openItItem } from "../../src/workflow/it/openItCase";
import { newCase, openCase } from "../support/cases";
import { losingStepWrite } from "../support/gates";
import { itSendsAndConfirms, openForward, prepareForCase, storedOfKind } from "../support/procedure";
import type { ItCase } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

const world = setupWorld();

const DAY = 24 * 60 * 60_000;

interface Setup {
  caseId: string;
  requestId: string;
  /** The IT pane the IT actions run in (opened on the forward, or on the reminder to answer). */
  it?: ItCase;
}

interface Row {
  kind: MessageKind;
  /** The mailbox that sends it. */
  from: typeof COMMUNICATIONS | typeof IT;
  setup: (w: World) => Promise<Setup>;
  press: (w: World, ctx: WorkflowContext, s: Setup) => Promise<unknown>;
  /** Reopens the pane and returns how many times the record shows the step, and whether a claim is left. */
  reopen: (w: World, s: Setup) => Promise<{ times: number; claimed: boolean }>;
}

async function forwarded(w: World): Promise<Setup> {
  const { messageId, case: created } = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  w.afterSentItemsDelay();
  w.clock.advance(60 * 60_000);
  return { caseId: created.id, requestId: messageId };
}

function timesIn(c: Case, action: HistoryAction): number {
  return c.history.filter((h) => h.action === action).length;
}

function commsReopen(action: HistoryAction) {
  return async (w: World, s: Setup) => {
    const opened = await openCase(w.comms, s.requestId);
    return { times: timesIn(opened.case, action), claimed: opened.case.claim !== undefined };
  };
}

function itReopen(done: (r: ItRecord) => boolean) {
  return async (w: World, s: Setup) => {
    const opened = await openForward(w, s.caseId);
    return { times: done(opened.record) ? 1 : 0, claimed: opened.record.claim !== undefined };
  };
}

async function openReminder(w: World, caseId: string): Promise<ItCase> {
  const reminder = w.tenant
    .storedMessages(IT, "inbox")
    .filter((m) => m.subject.includes(`[${caseId}]`) && /recordatorio|reminder/i.test(m.subject))
    .at(-1);
  if (!reminder) throw new Error("no reminder in IT's inbox");
  const opened = await openItItem(w.it.ctx, w.it.select(reminder.id, reminder.subject));
  if (opened.kind !== "itCase") throw new Error(`expected an IT case, got ${opened.kind}`);
  return opened;
}

const ROWS: Row[] = [
  {
    kind: "forward",
    from: COMMUNICATIONS,
    setup: async (w) => {
      const { messageId, case: created } = await newCase(w, "06-english.json");
      return { caseId: created.id, requestId: messageId };
    },
    press: (_w, ctx, s) => forwardToIt(ctx, COMMUNICATIONS, s.requestId),
    reopen: commsReopen("forwarded"),
  },
  {
    kind: "ask",
    from: COMMUNICATIONS,
    setup: async (w) => {
      const { messageId, case: created } = await newCase(w, "05-missing-fields.json");
      return { caseId: created.id, requestId: messageId };
    },
    press: (_w, ctx, s) =>
      askRequester(ctx, COMMUNICATIONS, s.requestId, {
        lang: "es",
        missing: ["message"],
        requestSubject: "correo masivo",
      }),
    reopen: commsReopen("asked"),
  },
  {
    kind: "reminder",
    from: COMMUNICATIONS,
    setup: async (w) => {
      const s = await forwarded(w);
      w.clock.advance(5 * DAY);
      return s;
    },
    press: (_w, ctx, s) => sendReminder(ctx, COMMUNICATIONS, s.requestId),
    reopen: commsReopen("reminded"),
  },
  {
    kind: "relay",
    from: COMMUNICATIONS,
    setup: async (w) => {
      const s = await forwarded(w);
      await itSendsAndConfirms(w, s.caseId);
      w.afterSentItemsDelay();
      expect((await openCase(w.comms, s.requestId)).case.state).toBe("confirmed");
      return s;
    },
    press: (_w, ctx, s) => relayToRequester(ctx, COMMUNICATIONS, s.requestId),
    reopen: commsReopen("relayed"),
  },
  {
    kind: "cancellation",
    from: COMMUNICATIONS,
    setup: forwarded,
    press: (_w, ctx, s) => cancelCase(ctx, COMMUNICATIONS, s.requestId, "La unidad retiró la solicitud"),
    reopen: commsReopen("cancelled"),
  },
  {
    kind: "update",
    from: COMMUNICATIONS,
    setup: forwarded,
    press: (_w, ctx, s) =>
      updateAfterForward(ctx, COMMUNICATIONS, s.requestId, { subject: "Asunto corregido por la unidad" }),
    reopen: commsReopen("updated"),
  },
  {
    kind: "massMail",
    from: IT,
    setup: async (w) => {
      const s = await forwarded(w);
      const it = await openForward(w, s.caseId);
      await prepareForCase(w, it);
      return { ...s, it };
    },
    press: (_w, ctx, s) => sendMassMail(ctx, itOf(s)),
    reopen: itReopen((r) => r.state === "sent" && !!r.sent),
  },
  {
    kind: "confirmation",
    from: IT,
    setup: async (w) => {
      const s = await forwarded(w);
      const it = await openForward(w, s.caseId);
      await prepareForCase(w, it);
      await sendMassMail(w.it.ctx, it);
      w.afterSentItemsDelay();
      return { ...s, it };
    },
    press: (_w, ctx, s) => confirmToCommunications(ctx, itOf(s)),
    reopen: itReopen((r) => r.state === "confirmed" && !!r.confirmed),
  },
  {
    kind: "reminderAnswer",
    from: IT,
    setup: async (w) => {
      const s = await forwarded(w);
      w.clock.advance(5 * DAY);
      await sendReminder(w.comms.ctx, COMMUNICATIONS, s.requestId);
      w.afterSentItemsDelay();
      return { ...s, it: await openReminder(w, s.caseId) };
    },
    press: (_w, ctx, s) => answerReminder(ctx, itOf(s)),
    reopen: async (w, s) => {
      const opened = await openReminder(w, s.caseId);
      const answer = answerRecordOf({ ...opened.message, caseProps: opened.openedCaseProps ?? {} }, s.caseId);
      return { times: answer.answered ? 1 : 0, claimed: answer.claim !== undefined };
    },
  },
];

function itOf(s: Setup): ItCase {
  if (!s.it) throw new Error("no IT pane in this row");
  return s.it;
}

/** Pressing again either does nothing or is refused by the domain (e.g. a second reminder the same day). */
async function pressAgain(row: Row, w: World, s: Setup): Promise<void> {
  const ctx = row.from === IT ? w.it.ctx : w.comms.ctx;
  try {
    await row.press(w, ctx, s);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "reminderAlreadySentToday") throw e;
  }
}

describe("an interrupted send is repaired on reopening and never sent twice", () => {
  it.each(ROWS.map((row) => [row.kind, row] as const))(
    "%s: sent, record write lost, reopened, pressed again: recorded once, one mail",
    async (_kind, row) => {
      const w = world();
      const s = await row.setup(w);
      const ctx = row.from === IT ? w.it.ctx : w.comms.ctx;
      const before = storedOfKind(w, row.from, "sentitems", s.caseId, row.kind).length;

      await expect(row.press(w, losingStepWrite(ctx, w.tenant.faults), s)).rejects.toMatchObject({
        code: "unavailable",
      });
      expect(w.tenant.faults.list()).toEqual([]);

      // Reopened at once: Exchange has not filed the Sent Items copy yet; the claim's draft has left Drafts.
      expect(storedOfKind(w, row.from, "sentitems", s.caseId, row.kind)).toHaveLength(before);
      const reopened = await row.reopen(w, s);
      expect(reopened).toEqual({ times: 1, claimed: false });

      await pressAgain(row, w, s);
      w.afterSentItemsDelay();
      expect(storedOfKind(w, row.from, "sentitems", s.caseId, row.kind)).toHaveLength(before + 1);
      expect(await row.reopen(w, s)).toEqual({ times: 1, claimed: false });
      expect(storedOfKind(w, row.from, "drafts", s.caseId, row.kind)).toHaveLength(0);
    },
  );
});
