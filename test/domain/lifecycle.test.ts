import { AppError } from "../../src/domain/errors";
import {
  canTransition,
  cancelCase,
  closeCase,
  createCase,
  forwardCase,
  hasAction,
  isOpen,
  isOverdue,
  linkConfirmation,
  markConfirmed,
  markSent,
  mergeHistories,
  nextStates,
  recordReminder,
  recordSentReminder,
  relayConfirmation,
} from "../../src/domain/lifecycle";
import type { Act, NewCase } from "../../src/domain/lifecycle";
import { CASE_STATES } from "../../src/domain/types";
import type { Case, CaseState, WorkCalendar } from "../../src/domain/types";

const COMMS = "comunicaciones@universidad.edu.co";
const IT = "tic@universidad.edu.co";
const CALENDAR: WorkCalendar = { timeZone: "America/Bogota", closedDays: [] };

const newCase: NewCase = {
  id: "CM-2611-7F3K",
  at: "2026-11-23T14:00:00Z",
  by: COMMS,
  requester: { name: "Facultad de Ingeniería", address: "ingenieria@universidad.edu.co" },
  fields: {
    requestingUnit: "Facultad de Ingeniería",
    desiredSender: "ingenieria@universidad.edu.co",
    subject: "Convocatoria de semilleros 2027",
    audiences: ["estudiantes", "docentes"],
    requestedDate: "2026-11-27",
    urgency: "normal",
    attachmentIds: ["att-1"],
  },
  dueDate: "2026-11-27",
  requestMessageId: "msg-request",
  evidence: { messageId: "msg-request", internetMessageId: "<request@universidad.edu.co>" },
};

const act = (at: string, by = COMMS, messageId?: string): Act =>
  messageId === undefined ? { at, by } : { at, by, evidence: { messageId } };

/** Deep-freezes a case so that any mutation by the code under test throws. */
function frozen<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

const received = frozen(createCase(newCase));
const forwarded = frozen(forwardCase(received, act("2026-11-23T15:00:00Z", COMMS, "msg-forward")));
const sent = frozen(markSent(forwarded, act("2026-11-25T13:00:00Z", IT, "msg-massmail")));
const confirmed = frozen(markConfirmed(sent, act("2026-11-25T13:10:00Z", IT, "msg-confirm")));
const closed = frozen(relayConfirmation(confirmed, act("2026-11-25T14:00:00Z", COMMS, "msg-relay")));
const cancelled = frozen(cancelCase(received, { ...act("2026-11-23T16:00:00Z"), reason: "Duplicada" }));
const byState: Record<CaseState, Case> = { received, forwarded, sent, confirmed, closed, cancelled };

function expectIllegal(run: () => unknown, from: CaseState, to: CaseState): void {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const error = e as AppError;
    expect(error.code).toBe("illegalTransition");
    expect(error.details).toMatchObject({ from, to });
    return;
  }
  throw new Error(`expected an illegal transition from ${from} to ${to}`);
}

describe("createCase", () => {
  it("starts in received with one created entry carrying the evidence", () => {
    expect(received.state).toBe("received");
    expect(received.createdAt).toBe(newCase.at);
    expect(received.requestMessageId).toBe("msg-request");
    expect(received.history).toEqual([
      {
        at: newCase.at,
        by: COMMS,
        action: "created",
        evidence: { messageId: "msg-request", internetMessageId: "<request@universidad.edu.co>" },
      },
    ]);
  });

  it("copies its inputs so that later changes to them do not leak into the case", () => {
    const input = structuredClone(newCase);
    const c = createCase(input);
    input.fields.audiences.push("administrativos");
    input.requester.address = "otro@universidad.edu.co";
    expect(c.fields.audiences).toEqual(["estudiantes", "docentes"]);
    expect(c.requester.address).toBe("ingenieria@universidad.edu.co");
  });

  it("leaves out what was not given", () => {
    const { requestMessageId: _id, evidence: _evidence, ...minimal } = newCase;
    const c = createCase(minimal);
    expect("requestMessageId" in c).toBe(false);
    expect(c.history[0]).toEqual({ at: newCase.at, by: COMMS, action: "created" });
  });

  it("refuses an id that is not a case id", () => {
    expect(() => createCase({ ...newCase, id: "CM-2611-0000" })).toThrow(
      expect.objectContaining({ code: "invalidCaseId" }),
    );
  });
});

describe("the transition table", () => {
  it("follows received → forwarded → sent → confirmed → closed", () => {
    expect(nextStates("received")).toContain("forwarded");
    expect(nextStates("forwarded")).toContain("sent");
    expect(nextStates("sent")).toContain("confirmed");
    expect(nextStates("confirmed")).toContain("closed");
  });

  it("lets only cases whose mass mail has not gone out be cancelled", () => {
    const cancellable = CASE_STATES.filter((s) => canTransition(s, "cancelled"));
    expect(cancellable).toEqual(["received", "forwarded"]);
    expect(CASE_STATES.filter(isOpen)).toEqual(["received", "forwarded", "sent", "confirmed"]);
  });

  it("allows exactly 6 transitions among the 36 pairs, and none back or skipping", () => {
    const legal = CASE_STATES.flatMap((from) =>
      CASE_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(legal).toHaveLength(6);
    expect(canTransition("sent", "forwarded")).toBe(false);
    expect(canTransition("received", "sent")).toBe(false);
    expect(canTransition("forwarded", "forwarded")).toBe(false);
  });
});

describe("the happy path", () => {
  it("appends one entry per step, in order, with who and the evidence", () => {
    expect(closed.state).toBe("closed");
    expect(closed.history.map((e) => [e.action, e.by, e.evidence?.messageId])).toEqual([
      ["created", COMMS, "msg-request"],
      ["forwarded", COMMS, "msg-forward"],
      ["sent", IT, "msg-massmail"],
      ["confirmed", IT, "msg-confirm"],
      ["relayed", COMMS, "msg-relay"],
    ]);
  });

  it("never changes the case it was given", () => {
    // Every fixture is deep-frozen; building the chain above would have thrown on any mutation.
    expect(received.state).toBe("received");
    expect(received.history).toHaveLength(1);
    expect(forwarded.history).toHaveLength(2);
  });

  it("closeCase closes a confirmed case with a closed entry (no relay needed)", () => {
    const c = closeCase(confirmed, { ...act("2026-11-26T10:00:00Z"), note: "IT copied the requester" });
    expect(c.state).toBe("closed");
    expect(c.history.at(-1)).toEqual({
      at: "2026-11-26T10:00:00Z",
      by: COMMS,
      action: "closed",
      note: "IT copied the requester",
    });
  });

  it("drops an empty evidence object rather than storing proof of nothing", () => {
    const c = forwardCase(received, { ...act("2026-11-23T15:00:00Z"), evidence: { messageId: undefined } });
    expect(c.history.at(-1)).toEqual({ at: "2026-11-23T15:00:00Z", by: COMMS, action: "forwarded" });
  });

  it("copies every evidence field it is given", () => {
    const evidence = {
      messageId: "m",
      internetMessageId: "<i@x>",
      conversationId: "c",
      sentAt: "2026-11-25T13:00:00Z",
      groups: ["estudiantes@universidad.edu.co"],
      recipientCount: 18250,
    };
    const c = markSent(forwarded, { ...act("2026-11-25T13:00:00Z", IT), evidence });
    expect(c.history.at(-1)?.evidence).toEqual(evidence);
    expect(c.history.at(-1)?.evidence?.groups).not.toBe(evidence.groups);
  });
});

describe("illegal transitions", () => {
  const steps: Array<[string, (c: Case) => Case, CaseState]> = [
    ["forwardCase", (c) => forwardCase(c, act("2026-11-30T10:00:00Z")), "forwarded"],
    ["markSent", (c) => markSent(c, act("2026-11-30T10:00:00Z")), "sent"],
    ["markConfirmed", (c) => markConfirmed(c, act("2026-11-30T10:00:00Z")), "confirmed"],
    ["relayConfirmation", (c) => relayConfirmation(c, act("2026-11-30T10:00:00Z")), "closed"],
    ["closeCase", (c) => closeCase(c, act("2026-11-30T10:00:00Z")), "closed"],
    ["cancelCase", (c) => cancelCase(c, { ...act("2026-11-30T10:00:00Z"), reason: "x" }), "cancelled"],
  ];

  it.each(steps)("%s is refused from every state that does not lead to its target", (_name, step, to) => {
    for (const from of CASE_STATES) {
      if (canTransition(from, to)) {
        expect(step(byState[from]).state).toBe(to);
      } else {
        expectIllegal(() => step(byState[from]), from, to);
      }
    }
  });

  it("closed and cancelled cases accept nothing", () => {
    for (const [, step] of steps) {
      expect(() => step(closed)).toThrow(AppError);
      expect(() => step(cancelled)).toThrow(AppError);
    }
  });
});

describe("cancelCase", () => {
  it.each(["received", "forwarded"] as const)("cancels a %s case and keeps the reason", (from) => {
    const c = cancelCase(byState[from], {
      ...act("2026-11-26T09:00:00Z"),
      reason: "  La unidad retiró la solicitud ",
    });
    expect(c.state).toBe("cancelled");
    expect(c.cancelReason).toBe("La unidad retiró la solicitud");
    expect(c.history.at(-1)).toMatchObject({ action: "cancelled", note: "La unidad retiró la solicitud" });
  });

  it("keeps an explicit note beside the reason", () => {
    const c = cancelCase(received, {
      ...act("2026-11-26T09:00:00Z"),
      reason: "Duplicada",
      note: "see CM-2611-ABCD",
    });
    expect(c.cancelReason).toBe("Duplicada");
    expect(c.history.at(-1)?.note).toBe("see CM-2611-ABCD");
  });

  it.each(["", "   "])("refuses an empty reason %j", (reason) => {
    expectIllegal(
      () => cancelCase(forwarded, { ...act("2026-11-26T09:00:00Z"), reason }),
      "forwarded",
      "cancelled",
    );
  });

  it("reports the state, not the reason, when the case is already final", () => {
    expectIllegal(
      () => cancelCase(closed, { ...act("2026-11-26T09:00:00Z"), reason: "" }),
      "closed",
      "cancelled",
    );
  });
});

describe("recordReminder", () => {
  it("adds a reminded entry to a forwarded case and keeps its state", () => {
    const once = recordReminder(forwarded, act("2026-11-28T14:00:00Z", COMMS, "msg-reminder-1"));
    const twice = recordReminder(once, act("2026-12-01T14:00:00Z", COMMS, "msg-reminder-2"));
    expect(twice.state).toBe("forwarded");
    expect(twice.history.filter((e) => e.action === "reminded").map((e) => e.evidence?.messageId)).toEqual([
      "msg-reminder-1",
      "msg-reminder-2",
    ]);
  });

  it.each(["received", "sent", "confirmed", "closed", "cancelled"] as const)(
    "refuses a reminder on a %s case",
    (state) => {
      expectIllegal(() => recordReminder(byState[state], act("2026-11-28T14:00:00Z")), state, state);
    },
  );
});

describe("recordSentReminder", () => {
  it("keeps a reminder that went out while the case was cancelled, without changing the state", () => {
    const after = recordSentReminder(byState.cancelled, {
      ...act("2026-11-28T14:00:00Z"),
      evidence: { messageId: "msg-reminder-9" },
    });
    expect(after.state).toBe("cancelled");
    expect(after.history.at(-1)).toMatchObject({
      action: "reminded",
      evidence: { messageId: "msg-reminder-9" },
    });
    expect(after.history).toHaveLength(byState.cancelled.history.length + 1);
  });

  it("refuses a case that never went to IT", () => {
    expect(() =>
      recordSentReminder(byState.received, { ...act("2026-11-28T14:00:00Z"), evidence: { messageId: "m" } }),
    ).toThrow(AppError);
  });
});

describe("linkConfirmation", () => {
  const link = {
    sent: {
      at: "2026-11-25T13:00:00Z",
      by: IT,
      evidence: {
        internetMessageId: "<massmail@universidad.edu.co>",
        groups: ["estudiantes@universidad.edu.co"],
        recipientCount: 18250,
      },
    },
    confirmed: {
      at: "2026-11-25T13:10:00Z",
      by: IT,
      evidence: { messageId: "msg-confirm", internetMessageId: "<confirm@x>" },
    },
  };

  it("from forwarded records the send and then the confirmation, each with its evidence", () => {
    const c = linkConfirmation(forwarded, link);
    expect(c.state).toBe("confirmed");
    expect(c.history.slice(-2)).toEqual([
      { ...link.sent, action: "sent" },
      { ...link.confirmed, action: "confirmed" },
    ]);
  });

  it("from sent (send already detected) adds only the confirmation", () => {
    const c = linkConfirmation(sent, link);
    expect(c.history.slice(sent.history.length)).toEqual([{ ...link.confirmed, action: "confirmed" }]);
  });

  it.each(["received", "confirmed", "closed", "cancelled"] as const)("is refused on a %s case", (state) => {
    expect(() => linkConfirmation(byState[state], link)).toThrow(
      expect.objectContaining({ code: "illegalTransition" }),
    );
  });
});

describe("isOverdue", () => {
  const due = { ...forwarded, dueDate: "2026-11-27" };

  it("is false on the due date itself, even late in the evening in Bogotá", () => {
    // 04:59 UTC on the 28th is 23:59 on the 27th in Bogotá.
    expect(isOverdue(due, "2026-11-28T04:59:00Z", CALENDAR)).toBe(false);
  });

  it("is true from the next local day", () => {
    expect(isOverdue(due, "2026-11-28T05:00:00Z", CALENDAR)).toBe(true);
    expect(isOverdue(due, new Date("2026-12-15T12:00:00Z"), CALENDAR)).toBe(true);
  });

  it("uses the calendar's time zone, not UTC", () => {
    expect(isOverdue(due, "2026-11-28T04:59:00Z", { ...CALENDAR, timeZone: "UTC" })).toBe(true);
  });

  it.each(["received", "sent", "confirmed", "closed", "cancelled"] as const)(
    "is never true for a %s case",
    (state) => {
      expect(isOverdue({ ...byState[state], dueDate: "2026-01-01" }, "2026-12-15T12:00:00Z", CALENDAR)).toBe(
        false,
      );
    },
  );
});

describe("mergeHistories", () => {
  it("is re-exported here for callers of the lifecycle (tested in history.test.ts)", () => {
    expect(mergeHistories(closed.history, forwarded.history)).toEqual(closed.history);
  });
});

describe("hasAction", () => {
  it("tells which steps already happened", () => {
    expect(hasAction(forwarded, "forwarded")).toBe(true);
    expect(hasAction(forwarded, "sent")).toBe(false);
    expect(hasAction(closed, "relayed")).toBe(true);
    expect(hasAction(cancelled, "cancelled")).toBe(true);
  });
});
