import {
  MAX_RECORD_BYTES,
  decodeArchive,
  decodeCase,
  encodeArchive,
  encodeCase,
  recordBytes,
} from "../../src/domain/codec";
import { COMPACT_AT_BYTES, compactForStorage, fullHistory, reminderCount } from "../../src/domain/compaction";
import type { Case, HistoryEntry } from "../../src/domain/types";

const ID = "CM-2611-ABCD";
/** A Graph-shaped id whose tail shares nothing with the others (the worst case for the strings table). */
function randomId(n: number): string {
  let s = "AAMkAGI2TG93AAA=";
  let x = n * 2654435761;
  while (s.length < 152) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"[x % 62];
  }
  return s;
}

function forwarded(): Case {
  return {
    id: ID,
    state: "forwarded",
    createdAt: "2026-11-02T14:00:00Z",
    requester: { address: "bienestar@universidad.edu.co" },
    fields: {
      requestingUnit: "Bienestar",
      desiredSender: "bienestar@universidad.edu.co",
      subject: "Jornada de salud",
      audiences: ["estudiantes"],
      urgency: "normal",
      attachmentIds: [],
    },
    dueDate: "2026-11-06",
    history: [
      { at: "2026-11-02T14:00:00Z", by: "ana@universidad.edu.co", action: "created" },
      {
        at: "2026-11-02T15:00:00Z",
        by: "ana@universidad.edu.co",
        action: "forwarded",
        evidence: { messageId: randomId(0) },
      },
    ],
  };
}

function reminder(i: number): HistoryEntry {
  return {
    at: new Date(Date.parse("2026-11-03T14:00:00Z") + i * 86_400_000).toISOString(),
    by: "ana@universidad.edu.co",
    action: "reminded",
    note: `reminder ${i + 1}`,
    evidence: {
      messageId: randomId(i + 1),
      internetMessageId: `<${randomId(i + 1000).slice(20, 60)}@mail.example>`,
    },
  };
}

/** Adds reminders one write at a time, as the workflow does, returning what is stored after each. */
function remind(times: number) {
  let stored = forwarded();
  let archived: HistoryEntry[] = [];
  const sizes: number[] = [];
  let archiveBytes = 0;
  for (let i = 0; i < times; i++) {
    const compacted = compactForStorage({ ...stored, history: [...stored.history, reminder(i)] }, archived);
    const json = encodeCase(compacted.case);
    sizes.push(recordBytes(json));
    const decoded = decodeCase(json);
    if (!decoded.ok) throw new Error(decoded.detail);
    stored = decoded.case;
    if (compacted.archive) {
      const archiveJson = encodeArchive(ID, compacted.archive);
      archiveBytes = recordBytes(archiveJson);
      const read = decodeArchive(archiveJson);
      if (!read.ok) throw new Error(read.detail);
      archived = read.history;
    }
  }
  return { stored, archived, sizes, archiveBytes };
}

describe("history compaction", () => {
  it("keeps a case with 60 reminders with unrelated Graph ids under the limit at every write, counting all 60", () => {
    const { stored, archived, sizes, archiveBytes } = remind(60);
    console.info(
      `60 reminders, random ids: largest record ${Math.max(...sizes)} bytes, archive ${archiveBytes} bytes`,
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(COMPACT_AT_BYTES + 1024);
    expect(reminderCount(stored.history)).toBe(60);
    const all = fullHistory(stored.history, archived).filter((h) => h.action === "reminded");
    expect(all.map((h) => h.note)).toEqual(Array.from({ length: 60 }, (_, i) => `reminder ${i + 1}`));
    expect(stored.history.slice(0, 2).map((h) => h.action)).toEqual(["created", "forwarded"]);
  });

  it("never loses the count, even with 400 reminders (the archive keeps within its own bound)", () => {
    const { stored, archived, sizes, archiveBytes } = remind(400);
    console.info(`400 reminders: largest record ${Math.max(...sizes)} bytes, archive ${archiveBytes} bytes`);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    expect(archiveBytes).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    expect(reminderCount(stored.history)).toBe(400);
    expect(reminderCount(fullHistory(stored.history, archived))).toBe(400);
  });

  it("leaves a small record as it is, and old records without the new keys decode unchanged", () => {
    const c = { ...forwarded(), history: [...forwarded().history, reminder(0)] };
    expect(compactForStorage(c, [])).toEqual({ case: c });
    const decoded = decodeCase(encodeCase(c));
    expect(decoded).toEqual({ ok: true, case: c });
  });

  it("keeps a reminder still waiting for its Sent Items copy in the record", () => {
    const many = Array.from({ length: 60 }, (_, i) => reminder(i));
    const waiting = {
      ...(many[5] as HistoryEntry),
      evidence: { internetMessageId: "<waiting@mail.example>" },
    };
    many[5] = waiting;
    const compacted = compactForStorage({ ...forwarded(), history: [...forwarded().history, ...many] }, []);
    expect(compacted.case.history).toContainEqual(waiting);
    expect(reminderCount(compacted.case.history)).toBe(60);
  });
});
