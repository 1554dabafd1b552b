// The case protocol between the mailboxes, in the domain: the header's version and what changed, its
// compatibility with headers written before versions, the correction that replaces a cancellation once the mass
// mail went out, and changes to a forwarded case.
import {
  changedBetween,
  decodeCaseHeader,
  encodeCaseHeader,
  latestSummary,
  nextVersion,
} from "../../src/domain/caseHeader";
import type { CaseSummary } from "../../src/domain/caseHeader";
import { decodeCase, encodeCase } from "../../src/domain/codec";
import { AppError } from "../../src/domain/errors";
import {
  cancelCase,
  createCase,
  forwardCase,
  markConfirmed,
  markSent,
  recordCorrection,
  relayConfirmation,
  updateForwardedCase,
  withItVersion,
} from "../../src/domain/lifecycle";
import type { Case } from "../../src/domain/types";

const COMMS = "comunicaciones@universidad.edu.co";
const act = (at: string) => ({ at, by: COMMS });

const received = createCase({
  ...act("2026-11-20T14:00:00Z"),
  id: "CM-2611-7F3K",
  requester: { name: "Facultad de Ingeniería", address: "ingenieria@universidad.edu.co" },
  fields: {
    requestingUnit: "Facultad de Ingeniería",
    desiredSender: "Facultad de Ingeniería",
    subject: "Semana de la ingeniería",
    audiences: ["estudiantes"],
    requestedDate: "2026-11-27",
    urgency: "normal",
    attachmentIds: [],
  },
  dueDate: "2026-11-27",
});
const forwarded = withItVersion(forwardCase(received, act("2026-11-20T15:00:00Z")), 1);
const sent = markSent(forwarded, act("2026-11-25T13:00:00Z"));
const confirmed = markConfirmed(sent, act("2026-11-25T13:10:00Z"));
const closed = relayConfirmation(confirmed, act("2026-11-25T14:00:00Z"));

function header(c: Case, extra: Parameters<typeof encodeCaseHeader>[0] extends infer T ? Partial<T> : never) {
  return encodeCaseHeader({
    id: c.id,
    fields: c.fields,
    dueDate: c.dueDate,
    requester: c.requester,
    ...extra,
  });
}

describe("the case header", () => {
  it("reads a header written before versions as version 1 of a forward", () => {
    const old = JSON.stringify({
      v: 1,
      id: "CM-2611-7F3K",
      unit: "Facultad",
      sender: "Facultad",
      subject: "Asunto",
      audiences: ["docentes"],
      dueDate: "2026-11-27",
      urgent: false,
      requester: { address: "a@universidad.edu.co" },
    });
    expect(decodeCaseHeader(old)).toMatchObject({
      id: "CM-2611-7F3K",
      version: 1,
      message: "forward",
      changed: [],
    });
  });

  it("carries the version, the message kind, what changed and the cancellation", () => {
    const decoded = decodeCaseHeader(
      header(forwarded, {
        version: 3,
        message: "cancel",
        changed: ["requestedDate", "requestedDate"],
        cancelled: { reason: "La unidad retiró la solicitud", by: COMMS, at: "2026-11-21T10:00:00Z" },
      }),
    );
    expect(decoded).toMatchObject({
      version: 3,
      message: "cancel",
      changed: ["requestedDate"],
      cancelled: { reason: "La unidad retiró la solicitud", by: COMMS, at: "2026-11-21T10:00:00Z" },
    });
  });

  it("still has v: 1, so a build from before versions reads it as the case it describes", () => {
    const raw = JSON.parse(header(forwarded, { version: 2, message: "update", changed: ["subject"] })) as {
      v: number;
    };
    expect(raw.v).toBe(1);
  });

  it("the latest version wins, whatever the order the messages are listed in", () => {
    const at = (version: number) =>
      ({ summary: { ...(decodeCaseHeader(header(forwarded, {})) as CaseSummary), version } }) as const;
    expect(latestSummary([at(1), at(3), at(2)])?.summary.version).toBe(3);
    expect(latestSummary([])).toBeUndefined();
  });

  it("nextVersion always grows, also from a record without a version (forwarded before versions)", () => {
    expect(nextVersion(undefined)).toBe(2);
    expect(nextVersion(1)).toBe(2);
    expect(nextVersion(7)).toBe(8);
  });

  it("says what changed between the forward and the latest version", () => {
    const before = decodeCaseHeader(header(forwarded, {})) as CaseSummary;
    const after = decodeCaseHeader(
      header(
        {
          ...forwarded,
          fields: { ...forwarded.fields, requestedDate: "2026-12-01", audiences: ["docentes"] },
        },
        {
          version: 2,
        },
      ),
    ) as CaseSummary;
    expect(changedBetween(before, after)).toEqual(["requestedDate", "audiences"]);
    expect(changedBetween(before, before)).toEqual([]);
  });
});

describe("the version recorded on the case", () => {
  it("only grows", () => {
    expect(withItVersion(forwarded, 2).itVersion).toBe(2);
    expect(() => withItVersion(forwarded, 1)).toThrow(AppError);
    expect(() => withItVersion(withItVersion(forwarded, 3), 2)).toThrow(AppError);
  });

  it("round-trips through the stored record, and a record without it still reads", () => {
    const decoded = decodeCase(encodeCase(withItVersion(forwarded, 4)));
    expect(decoded.ok && decoded.case.itVersion).toBe(4);
    const { itVersion: _dropped, ...old } = forwarded;
    const again = decodeCase(encodeCase(old));
    expect(again.ok && again.case.itVersion).toBeUndefined();
    expect(again.ok && again.case.state).toBe("forwarded");
  });
});

describe("cancellation and correction", () => {
  it.each([
    ["sent", sent],
    ["confirmed", confirmed],
    ["closed", closed],
  ] as const)("a %s case cannot be cancelled: the refusal offers a correction", (_state, c) => {
    try {
      cancelCase(c, { ...act("2026-11-26T09:00:00Z"), reason: "Duplicada" });
      throw new Error("cancelled");
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("illegalTransition");
      expect((e as AppError).details?.offer).toBe("correction");
    }
  });

  it.each([
    ["sent", sent],
    ["confirmed", confirmed],
    ["closed", closed],
  ] as const)("a %s case takes a correction: a history entry, the state unchanged", (_state, c) => {
    const corrected = recordCorrection(c, { ...act("2026-11-26T09:00:00Z"), note: "  Fecha mal escrita " });
    expect(corrected.state).toBe(c.state);
    expect(corrected.history.at(-1)).toMatchObject({ action: "corrected", note: "Fecha mal escrita" });
    const stored = decodeCase(encodeCase(corrected));
    expect(stored.ok && stored.case.history.at(-1)?.action).toBe("corrected");
  });

  it("refuses a correction without a note, and on a case that can still be cancelled or changed", () => {
    expect(() => recordCorrection(sent, { ...act("2026-11-26T09:00:00Z"), note: " " })).toThrow(AppError);
    expect(() => recordCorrection(forwarded, { ...act("2026-11-26T09:00:00Z"), note: "x" })).toThrow(
      AppError,
    );
    expect(() => recordCorrection(received, { ...act("2026-11-26T09:00:00Z"), note: "x" })).toThrow(AppError);
  });
});

describe("changes after the forward", () => {
  it("changes the date, audiences and subject of a forwarded case and says what changed", () => {
    const { case: next, changed } = updateForwardedCase(
      forwarded,
      { requestedDate: "2026-12-02", audiences: ["docentes", "estudiantes"], subject: "Nueva fecha" },
      act("2026-11-21T09:00:00Z"),
    );
    expect(changed).toEqual(["requestedDate", "audiences", "subject"]);
    expect(next.fields).toMatchObject({ requestedDate: "2026-12-02", subject: "Nueva fecha" });
    expect(next.state).toBe("forwarded");
    expect(next.history.at(-1)).toMatchObject({ action: "updated" });
  });

  it("refuses nothing changed, and any state but forwarded", () => {
    expect(() =>
      updateForwardedCase(forwarded, { subject: forwarded.fields.subject }, act("2026-11-21T09:00:00Z")),
    ).toThrow(AppError);
    for (const c of [received, sent, confirmed, closed]) {
      expect(() => updateForwardedCase(c, { subject: "x" }, act("2026-11-21T09:00:00Z"))).toThrow(AppError);
    }
  });
});
