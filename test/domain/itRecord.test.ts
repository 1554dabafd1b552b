// IT's own record: who sent and confirmed, and for which mailbox; records from before `for` still read.
import { decodeItRecord, encodeItRecord } from "../../src/domain/itRecord";
import type { ItRecord } from "../../src/domain/itRecord";

const CARLOS = "carlos.perez@universidad.example";
const IT = "tic@universidad.example";

describe("IT's record", () => {
  it("keeps the operator and the mailbox acted for, for the send and the confirmation", () => {
    const record: ItRecord = {
      v: 1,
      caseId: "CM-2611-7F3K",
      state: "confirmed",
      groups: [{ address: "estudiantes@universidad.example", count: 18_432 }],
      sent: { at: "2026-11-24T15:00:00Z", by: CARLOS, for: IT, internetMessageId: "<m@x>" },
      confirmed: { at: "2026-11-24T15:05:00Z", by: CARLOS, for: IT, messageId: "AAMk=" },
    };
    expect(decodeItRecord(encodeItRecord(record))).toEqual({ ok: true, record });
  });

  it("reads a record written before the test send existed, and keeps a test send and its answer", () => {
    const before = { v: 1, caseId: "CM-2611-7F3K", state: "prepared", draftId: "d1", groups: [] };
    expect(decodeItRecord(JSON.stringify(before))).toEqual({ ok: true, record: before });
    const record: ItRecord = {
      ...(before as ItRecord),
      testSend: { at: "2026-11-24T15:00:00Z", by: CARLOS, for: IT, to: ["a@universidad.example", IT] },
      testReply: {
        at: "2026-11-24T16:00:00Z",
        from: "a@universidad.example",
        verdict: "changesAsked",
        text: "Cambien el logo",
        messageId: "AAMk=",
      },
      history: [
        {
          at: "2026-11-24T16:00:00Z",
          by: "a@universidad.example",
          action: "testChangesAsked",
          note: "Cambien el logo",
        },
      ],
    };
    expect(decodeItRecord(encodeItRecord(record))).toEqual({ ok: true, record });
  });

  it("reads a record written before `for` existed, without inventing one", () => {
    const before = JSON.stringify({
      v: 1,
      caseId: "CM-2611-7F3K",
      state: "sent",
      groups: [],
      sent: { at: "2026-11-24T15:00:00Z", by: IT },
    });
    const decoded = decodeItRecord(before);
    expect(decoded).toEqual({
      ok: true,
      record: {
        v: 1,
        caseId: "CM-2611-7F3K",
        state: "sent",
        groups: [],
        sent: { at: "2026-11-24T15:00:00Z", by: IT },
      },
    });
  });

  it("refuses a `for` that is not an address-sized string", () => {
    const bad = JSON.stringify({
      v: 1,
      caseId: "CM-2611-7F3K",
      state: "sent",
      groups: [],
      sent: { at: "2026-11-24T15:00:00Z", by: CARLOS, for: 42 },
    });
    expect(decodeItRecord(bad)).toMatchObject({ ok: false, detail: expect.stringContaining("sent.for") });
  });
});
