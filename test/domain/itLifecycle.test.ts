// IT's lifecycle: every legal step moves the record and leaves one history entry (who, for which mailbox, when);
// every illegal one — a table over all states × steps — is refused with a typed error and changes nothing.
import { AppError } from "../../src/domain/errors";
import {
  IT_STEPS,
  canItTransition,
  cancelIt,
  changeItSender,
  guardItStep,
  isItOpen,
  itMassMailWentOut,
  itNextStates,
  markItConfirmed,
  markItSent,
  itStageOf,
  newItRecord,
  prepareIt,
  refuseIt,
  withdrawItSend,
  itScheduledPending,
} from "../../src/domain/itLifecycle";
import type { ItStep } from "../../src/domain/itLifecycle";
import { IT_STATES, decodeItRecord, encodeItRecord } from "../../src/domain/itRecord";
import type { ItRecord, ItState } from "../../src/domain/itRecord";

const CASE = "CM-2611-7F3K";
const CARLOS = "carlos.perez@universidad.example";
const IT = "tic@universidad.example";
const ANA = "ana.rodriguez@universidad.example";
const COMMS = "comunicaciones@universidad.example";
const GROUPS = [{ address: "estudiantes@universidad.example", count: 18_432 }];
const AT = "2026-11-24T15:00:00Z";

function frozen<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

/** Runs `step` on `r` the way the workflow does, with the actor carlos for tic@ (or ana for comunicaciones@). */
function apply(step: ItStep, r: ItRecord): ItRecord {
  switch (step) {
    case "prepare":
      return prepareIt(r, { draftId: "draft-1", sender: { address: "rectoria@x" }, groups: GROUPS }, act());
    case "changeSender":
      return changeItSender(r, { address: "comunicaciones@x" }, true);
    case "send":
      return markItSent(r, { at: AT, by: CARLOS, for: IT, internetMessageId: "<mass@x>" });
    case "confirm":
      return markItConfirmed(r, { at: AT, by: CARLOS, for: IT, messageId: "AAMk=" });
    case "refuse":
      return refuseIt(r, { ...act(), reason: "Contenido no institucional" });
    case "cancel":
      return cancelIt(r, { at: AT, by: ANA, for: COMMS, reason: "La unidad retiró la solicitud" });
    case "withdraw":
      return withdrawItSend(r, act());
  }
}

function act() {
  return { at: AT, by: CARLOS, for: IT };
}

/** A record in `state`, reached through the lifecycle itself (so its history is a real one). */
function recordIn(state: ItState): ItRecord {
  const received = newItRecord(CASE);
  const paths: Record<ItState, ItStep[]> = {
    received: [],
    prepared: ["prepare"],
    sent: ["prepare", "send"],
    confirmed: ["prepare", "send", "confirm"],
    refused: ["refuse"],
    cancelled: ["prepare", "cancel"],
  };
  return frozen(paths[state].reduce((r, step) => apply(step, r), received));
}

const LEGAL: Record<ItState, readonly ItStep[]> = {
  received: ["prepare", "send", "refuse", "cancel"],
  prepared: ["changeSender", "send", "refuse", "cancel"],
  sent: ["confirm"],
  confirmed: [],
  refused: [],
  cancelled: [],
};

const TARGET: Record<ItStep, ItState | "same"> = {
  prepare: "prepared",
  changeSender: "same",
  send: "sent",
  confirm: "confirmed",
  refuse: "refused",
  cancel: "cancelled",
  withdraw: "received",
};

const pairs = IT_STATES.flatMap((state) => IT_STEPS.map((step) => [state, step] as const));
const legalPairs = pairs.filter(([state, step]) => LEGAL[state].includes(step));
const illegalPairs = pairs.filter(([state, step]) => !LEGAL[state].includes(step));

describe("IT's lifecycle", () => {
  it("covers every state × step pair, legal or not", () => {
    expect(legalPairs.length + illegalPairs.length).toBe(IT_STATES.length * IT_STEPS.length);
    expect(legalPairs).toHaveLength(9);
  });

  it("says which states follow which, and which are final", () => {
    expect(itNextStates("received")).toEqual(["prepared", "sent", "refused", "cancelled"]);
    expect(itNextStates("prepared")).toEqual(["sent", "refused", "cancelled"]);
    expect(itNextStates("sent")).toEqual(["confirmed"]);
    for (const final of ["confirmed", "refused", "cancelled"] as const) {
      expect(itNextStates(final)).toEqual([]);
      expect(isItOpen(final)).toBe(false);
    }
    expect(canItTransition("sent", "cancelled")).toBe(false);
    expect(itMassMailWentOut({ state: "sent" })).toBe(true);
    expect(itMassMailWentOut({ state: "prepared" })).toBe(false);
  });

  it.each(legalPairs)(
    "%s → %s is legal and leaves one history entry naming who, for whom and when",
    (state, step) => {
      const before = recordIn(state);
      expect(() => guardItStep(before, step)).not.toThrow();
      const after = apply(step, before);
      const target = TARGET[step];
      expect(after.state).toBe(target === "same" ? state : target);
      const history = after.history ?? [];
      if (target === "same") {
        expect(history).toEqual(before.history ?? []);
        return;
      }
      expect(history).toHaveLength((before.history?.length ?? 0) + 1);
      const entry = history[history.length - 1];
      expect(entry?.action).toBe(target);
      expect(entry?.at).toBe(AT);
      expect(entry?.by).toBe(step === "cancel" ? ANA : CARLOS);
      expect(entry?.for).toBe(step === "cancel" ? COMMS : IT);
      // The record with its history is still a record every reader accepts.
      expect(decodeItRecord(encodeItRecord(after))).toEqual({ ok: true, record: after });
    },
  );

  it.each(illegalPairs)("%s → %s is refused, by the guard and by the step itself", (state, step) => {
    const before = recordIn(state);
    const expected = state === "cancelled" && step !== "cancel" ? "caseCancelled" : "illegalTransition";
    for (const run of [() => guardItStep(before, step), () => apply(step, before)]) {
      let thrown: unknown;
      try {
        run();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe(expected);
      expect((thrown as AppError).details?.from).toBe(state);
    }
  });

  it("records the prepared draft, the send's and the confirmation's facts", () => {
    const confirmed = recordIn("confirmed");
    expect(confirmed).toMatchObject({
      draftId: "draft-1",
      groups: GROUPS,
      sent: { at: AT, by: CARLOS, for: IT, internetMessageId: "<mass@x>" },
      confirmed: { at: AT, by: CARLOS, for: IT, messageId: "AAMk=" },
    });
    expect(confirmed.history?.map((h) => h.action)).toEqual(["prepared", "sent", "confirmed"]);
  });

  it("keeps why IT refused and why Communications cancelled", () => {
    expect(recordIn("refused").refused).toEqual({
      at: AT,
      by: CARLOS,
      for: IT,
      reason: "Contenido no institucional",
    });
    expect(recordIn("cancelled").cancelled).toEqual({
      at: AT,
      by: ANA,
      for: COMMS,
      reason: "La unidad retiró la solicitud",
    });
    expect(recordIn("refused").history?.[0]?.note).toBe("Contenido no institucional");
  });

  it("refuses a refusal or a cancellation without a reason", () => {
    const prepared = recordIn("prepared");
    expect(() => refuseIt(prepared, { ...act(), reason: "  " })).toThrow(
      expect.objectContaining({ code: "illegalTransition" }),
    );
    expect(() => cancelIt(prepared, { ...act(), reason: "" })).toThrow(
      expect.objectContaining({ code: "illegalTransition" }),
    );
  });

  it("refuses a draft with no group, and a confirmation of a send with no facts", () => {
    expect(() => prepareIt(newItRecord(CASE), { draftId: "d", groups: [] }, act())).toThrow(
      expect.objectContaining({ code: "badRequest" }),
    );
    const sentWithoutFacts: ItRecord = { ...newItRecord(CASE), state: "sent" };
    expect(() => guardItStep(sentWithoutFacts, "confirm")).toThrow(
      expect.objectContaining({ code: "illegalTransition" }),
    );
  });

  it("names Communications' reason when work on a cancelled case is refused", () => {
    expect(() => apply("send", recordIn("cancelled"))).toThrow(
      expect.objectContaining({ code: "caseCancelled", details: expect.objectContaining({ by: ANA }) }),
    );
  });

  it("drops the mailbox acted for when it is the person's own, and never changes the record it was given", () => {
    const received = frozen(newItRecord(CASE));
    const sent = markItSent(received, { at: AT, by: IT, for: IT });
    expect(sent.history).toEqual([{ at: AT, by: IT, action: "sent" }]);
    expect(received.state).toBe("received");
    expect(received.history).toBeUndefined();
  });

  it("reads a record written before IT's history existed", () => {
    const old = JSON.stringify({ v: 1, caseId: CASE, state: "prepared", draftId: "d", groups: GROUPS });
    const decoded = decodeItRecord(old);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(markItSent(decoded.record, { at: AT, by: CARLOS }).history).toHaveLength(1);
  });
});

describe("a scheduled send (deferred delivery)", () => {
  const DUE = "2026-12-04T13:00:00.000Z";
  const BEFORE = "2026-12-01T15:00:00.000Z";
  const prepared = () => recordIn("prepared");
  const scheduled = () =>
    frozen(markItSent(prepared(), { at: BEFORE, by: CARLOS, for: IT, scheduledFor: DUE }, DUE));

  it("records when it leaves, and is pending (withdrawable) until then", () => {
    const r = scheduled();
    expect(r.state).toBe("sent");
    expect(r.sent?.scheduledFor).toBe(DUE);
    expect(itScheduledPending(r, new Date(BEFORE))).toBe(true);
    expect(itScheduledPending(r, new Date("2026-12-04T13:00:01Z"))).toBe(false);
  });

  it("sending before the requested time needs a reason, which the history keeps", () => {
    const now = { at: BEFORE, by: CARLOS, for: IT };
    expect(() => markItSent(prepared(), now, DUE)).toThrow(AppError);
    expect(() => markItSent(prepared(), { ...now, earlyReason: "  " }, DUE)).toThrow(/reason/);
    const early = markItSent(prepared(), { ...now, earlyReason: "Rectoría lo pidió hoy" }, DUE);
    expect(early.sent?.earlyReason).toBe("Rectoría lo pidió hoy");
    expect(early.history?.at(-1)).toMatchObject({ action: "sent", note: "Rectoría lo pidió hoy" });
    expect(markItSent(prepared(), { at: DUE, by: CARLOS }, DUE).sent?.earlyReason).toBeUndefined();
  });

  it("can be withdrawn before it leaves, back to received with no draft, from sent or confirmed", () => {
    for (const r of [scheduled(), markItConfirmed(scheduled(), { at: BEFORE, by: CARLOS, for: IT })]) {
      const back = withdrawItSend(r, { at: BEFORE, by: CARLOS, for: IT, reason: "Fecha equivocada" });
      expect(back.state).toBe("received");
      expect(back.draftId).toBeUndefined();
      expect(back.sent).toBeUndefined();
      expect(back.withdrawn).toMatchObject({ scheduledFor: DUE, reason: "Fecha equivocada", by: CARLOS });
      expect(back.history?.at(-1)).toMatchObject({ action: "withdrawn", note: "Fecha equivocada" });
      expect(decodeItRecord(encodeItRecord(back)).ok).toBe(true);
    }
  });

  it("withdrawn on a cancelled case ends cancelled with Communications' reason", () => {
    const r = withdrawItSend(scheduled(), {
      at: BEFORE,
      by: CARLOS,
      for: IT,
      cancelled: { reason: "La unidad retiró la solicitud", at: BEFORE, by: ANA },
    });
    expect(r.state).toBe("cancelled");
    expect(r.cancelled?.reason).toBe("La unidad retiró la solicitud");
    expect(r.history?.map((e) => e.action)).toEqual(["prepared", "sent", "withdrawn", "cancelled"]);
  });

  it("cannot be withdrawn once its time has passed, nor can a send that left at once", () => {
    expect(() => withdrawItSend(scheduled(), { at: "2026-12-04T13:05:00Z", by: CARLOS })).toThrow(
      /already left/,
    );
    expect(() => withdrawItSend(recordIn("sent"), { at: BEFORE, by: CARLOS })).toThrow(/No scheduled/);
  });
});

describe("itStageOf", () => {
  it("is the state, or for a stopped record the step it stopped at (prepared with a draft, received without)", () => {
    const base = newItRecord("CM-2612-ABCD");
    expect(itStageOf(base)).toBe("received");
    expect(itStageOf({ state: "sent", draftId: "d" })).toBe("sent");
    expect(itStageOf({ state: "cancelled" })).toBe("received");
    expect(itStageOf({ state: "cancelled", draftId: "d" })).toBe("prepared");
    expect(itStageOf({ state: "refused", draftId: "d" })).toBe("prepared");
  });
});
