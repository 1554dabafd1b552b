// IT's lifecycle and the test send: only a prepared mass mail that has not gone out is tested; the test and the
// requester's answer are history entries without changing the state; the same reply is recorded once. Rounds:
// a later test replaces the earlier one, each round is recorded once, and only an answer to the latest round
// counts (an approval of an earlier draft does not approve the corrected one).
import {
  markItSent,
  markTestSent,
  newItRecord,
  prepareIt,
  recordTestReply,
  testApproved,
  testRound,
} from "../../src/domain/itLifecycle";
import type { ItRecord, ItTestReply } from "../../src/domain/itRecord";

const CARLOS = "carlos.perez@universidad.example";
const IT = "tic@universidad.example";
const REQUESTER = "decanatura@universidad.example";
const TEST = {
  at: "2026-12-04T15:00:00Z",
  by: CARLOS,
  for: IT,
  to: [REQUESTER, "comunicaciones@universidad.example"],
};

function prepared(): ItRecord {
  return prepareIt(
    newItRecord("CM-2612-7F3K"),
    { draftId: "d1", groups: [{ address: "estudiantes@universidad.example", count: 10 }] },
    { at: "2026-12-04T14:00:00Z", by: CARLOS, for: IT },
  );
}

function reply(verdict: ItTestReply["verdict"], messageId: string, at: string, round?: number): ItTestReply {
  return {
    at,
    ...(round !== undefined ? { round } : {}),
    from: REQUESTER,
    verdict,
    text: verdict === "approved" ? "Aprobado" : "Cambien el logo",
    messageId,
  };
}

describe("IT's test send in the lifecycle", () => {
  it("is refused before the draft exists and after the mass mail went out", () => {
    expect(() => markTestSent(newItRecord("CM-2612-7F3K"), TEST)).toThrow(
      expect.objectContaining({ code: "illegalTransition" }),
    );
    const sent = markItSent(prepared(), { at: "2026-12-04T16:00:00Z", by: CARLOS });
    expect(() => markTestSent(sent, TEST)).toThrow(expect.objectContaining({ code: "illegalTransition" }));
  });

  it("keeps the state, adds one history entry, and is recorded once", () => {
    const once = markTestSent(prepared(), TEST);
    expect(once.state).toBe("prepared");
    expect(once.history?.at(-1)).toEqual({ at: TEST.at, by: CARLOS, for: IT, action: "testSent" });
    expect(markTestSent(once, { ...TEST, at: "2026-12-04T15:30:00Z" })).toBe(once);
  });

  it("records the answer once per reply, the latest reply wins, and only an approval approves", () => {
    const tested = markTestSent(prepared(), TEST);
    expect(recordTestReply(prepared(), reply("approved", "r1", "2026-12-04T15:10:00Z"))).toEqual(prepared());
    const asked = recordTestReply(tested, reply("changesAsked", "r1", "2026-12-04T15:10:00Z"));
    expect(testApproved(asked)).toBe(false);
    expect(asked.history?.at(-1)).toMatchObject({
      action: "testChangesAsked",
      by: REQUESTER,
      note: "Cambien el logo",
    });
    expect(recordTestReply(asked, reply("changesAsked", "r1", "2026-12-04T15:10:00Z"))).toBe(asked);
    expect(recordTestReply(asked, reply("approved", "r0", "2026-12-04T15:05:00Z"))).toBe(asked);
    const approved = recordTestReply(asked, reply("approved", "r2", "2026-12-04T15:20:00Z"));
    expect(testApproved(approved)).toBe(true);
    expect(approved.history?.at(-1)).toEqual({
      at: "2026-12-04T15:20:00Z",
      by: REQUESTER,
      action: "testApproved",
    });
  });
});

describe("test rounds in the lifecycle", () => {
  const SECOND = { ...TEST, round: 2, at: "2026-12-04T16:00:00Z" };

  it("records each round once, in turn, the latest replacing the earlier one as the record's test", () => {
    const first = markTestSent(prepared(), TEST);
    expect(testRound(prepared())).toBe(0);
    expect(testRound(first)).toBe(1);
    expect(() => markTestSent(first, { ...TEST, round: 3 })).toThrow(
      expect.objectContaining({ code: "conflict" }),
    );
    const second = markTestSent(first, SECOND);
    expect(testRound(second)).toBe(2);
    expect(second.testSend?.at).toBe(SECOND.at);
    expect(second.history?.filter((h) => h.action === "testSent")).toHaveLength(2);
    // The same round again, or an earlier one, changes nothing.
    expect(markTestSent(second, { ...SECOND, at: "2026-12-04T16:30:00Z" })).toBe(second);
    expect(markTestSent(second, TEST)).toBe(second);
  });

  it("counts only the answer to the latest round", () => {
    const asked = recordTestReply(
      markTestSent(prepared(), TEST),
      reply("changesAsked", "r1", "2026-12-04T15:10:00Z", 1),
    );
    const second = markTestSent(asked, SECOND);
    // The first round's answer stays on the record (the pane shows it) but approves nothing.
    expect(second.testReply?.messageId).toBe("r1");
    expect(testApproved(second)).toBe(false);
    // A late approval of round 1, received after round 2 went out, is not recorded.
    expect(recordTestReply(second, reply("approved", "late", "2026-12-04T16:10:00Z", 1))).toBe(second);
    const approved = recordTestReply(second, reply("approved", "r2", "2026-12-04T16:20:00Z", 2));
    expect(testApproved(approved)).toBe(true);
    expect(approved.history?.at(-1)).toMatchObject({ action: "testApproved", at: "2026-12-04T16:20:00Z" });
  });

  it("an approval of round 1 no longer approves once round 2 went out", () => {
    const approved = recordTestReply(
      markTestSent(prepared(), TEST),
      reply("approved", "r1", "2026-12-04T15:10:00Z"),
    );
    expect(testApproved(approved)).toBe(true);
    expect(testApproved(markTestSent(approved, SECOND))).toBe(false);
  });
});
