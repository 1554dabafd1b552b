import {
  MAX_RECORD_BYTES,
  RECORD_VERSION,
  decodeCase,
  encodeCase,
  migrateRecord,
  recordBytes,
} from "../../src/domain/codec";
import type { DecodeResult, Migration } from "../../src/domain/codec";
import { AppError } from "../../src/domain/errors";
import {
  cancelCase,
  createCase,
  forwardCase,
  linkConfirmation,
  recordReminder,
  relayConfirmation,
} from "../../src/domain/lifecycle";
import type { Act } from "../../src/domain/lifecycle";
import type { Case, HistoryEntry } from "../../src/domain/types";

// ---------------------------------------------------------------------------------------------------------
// Realistic material: Graph ids and internetMessageIds shaped like Exchange Online's.
// A Graph message id (~152 characters) is a mailbox part, a folder part and an item part; ids in one mailbox
// share the first two. Here the item part is 56 random characters, more than real ids vary by, to stay honest.

/** Seeded generator (mulberry32) so that every run builds the same "random" material. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const HEX = "0123456789ABCDEF";
const pick = (random: () => number, alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet.charAt(Math.floor(random() * alphabet.length))).join("");

const COMMS = "comunicaciones@universidad.edu.co";
const IT = "tic@universidad.edu.co";
const COMMS_MAILBOX =
  "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAi";
const IT_MAILBOX = "AAMkADQ5ZjU4ZDAwLWZhNjItNDk1Ny1hNzRjLTc3YjAxNTQ1YzE0NwBGAAAAAAC2WQFh5JiYRbjMBbgAo0-nBwCM";

function material(seed: number) {
  const random = seeded(seed);
  const folder = () => pick(random, BASE64URL, 10);
  const folders = { inbox: folder(), sent: folder(), itSent: folder(), itInbox: folder() };
  const graphId = (mailbox: string, folderPart: string) =>
    `${mailbox}${folderPart}${pick(random, BASE64URL, 152 - mailbox.length - folderPart.length - 4)}AAA=`;
  const server = `PH0PR11MB${pick(random, "0123456789", 4)}`;
  return {
    random,
    commsInboxId: () => graphId(COMMS_MAILBOX, folders.inbox),
    commsSentId: () => graphId(COMMS_MAILBOX, folders.sent),
    itSentId: () => graphId(IT_MAILBOX, folders.itSent),
    randomId: () => pick(random, BASE64URL, 152),
    internetMessageId: () => `<${server}${pick(random, HEX, 28)}@${server}.namprd11.prod.outlook.com>`,
    conversationId: () =>
      `AAQkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAQA${pick(random, BASE64URL, 26)}=`,
  };
}

/** A case as the workflow builds it: a real request, forwarded, reminded until it has `entries` entries, and
 * then sent, confirmed and relayed, every step with the evidence the Graph adapter reports. */
function realisticCase(entries: number, seed = 1, ids: "graph" | "random" = "graph"): Case {
  const m = material(seed);
  const commsId = ids === "graph" ? m.commsSentId : m.randomId;
  const requestId = ids === "graph" ? m.commsInboxId() : m.randomId();
  const forwardThread = m.conversationId();
  const evidence = (messageId: string, conversationId = forwardThread) => ({
    messageId,
    internetMessageId: m.internetMessageId(),
    conversationId,
  });
  const day = (n: number) =>
    new Date(Date.UTC(2026, 10, 2) + n * 3_600_000 * 7).toISOString().replace(".000", "");
  let c = createCase({
    id: "CM-2611-7F3K",
    at: day(0),
    by: COMMS,
    requester: {
      name: "Facultad de Ingeniería — Decanatura",
      address: "decanatura.ingenieria@universidad.edu.co",
    },
    fields: {
      requestingUnit: "Facultad de Ingeniería",
      desiredSender: "decanatura.ingenieria@universidad.edu.co",
      subject:
        "Convocatoria abierta: semilleros de investigación 2027 — inscripciones hasta el 15 de diciembre",
      audiences: ["estudiantes", "docentes", "administrativos"],
      requestedDate: "2026-11-10",
      urgency: "urgent",
      attachmentIds: [`${requestId}BEgAQAJ3x`, `${requestId}BEgAQAK9y`, `${requestId}BEgAQAL2z`],
    },
    dueDate: "2026-11-10",
    requestMessageId: requestId,
    evidence: {
      ...evidence(requestId, m.conversationId()),
      internetMessageId: `<CAF${pick(m.random, HEX, 40)}@mail.gmail.com>`,
    },
  });
  c = forwardCase(c, { at: day(1), by: COMMS, evidence: evidence(commsId()) });
  for (let i = 2; c.history.length < entries - 3; i++) {
    c = recordReminder(c, {
      at: day(i),
      by: COMMS,
      note: `Recordatorio ${i - 1}`,
      evidence: evidence(commsId()),
    });
  }
  const massMail = ids === "graph" ? m.itSentId() : m.randomId();
  c = linkConfirmation(c, {
    sent: {
      at: day(entries),
      by: IT,
      evidence: {
        messageId: massMail,
        internetMessageId: m.internetMessageId(),
        sentAt: day(entries),
        groups: [
          "estudiantes@universidad.edu.co",
          "docentes@universidad.edu.co",
          "administrativos@universidad.edu.co",
        ],
        recipientCount: 24_318,
      },
    },
    confirmed: {
      at: day(entries + 1),
      by: IT,
      evidence: evidence(ids === "graph" ? m.commsInboxId() : m.randomId()),
    },
  });
  return relayConfirmation(c, {
    at: day(entries + 2),
    by: COMMS,
    evidence: evidence(commsId(), m.conversationId()),
  });
}

function expectFailure(result: DecodeResult, reason: "corrupt" | "newerVersion" | "invalid"): string {
  if (result.ok) throw new Error(`expected ${reason}, got a case`);
  expect(result.reason).toBe(reason);
  return result.detail;
}

function decoded(json: string): Case {
  const result = decodeCase(json);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.case;
}

/** Re-encodes a record after changing its parsed JSON. */
function tampered(
  c: Case,
  change: (record: Record<string, unknown> & { history: Array<Record<string, unknown>> }) => void,
) {
  const record = JSON.parse(encodeCase(c));
  change(record);
  return JSON.stringify(record);
}

const small = realisticCase(6);

// ---------------------------------------------------------------------------------------------------------

describe("round trip", () => {
  it("gives back the same case for every lifecycle state", () => {
    const received = createCase({
      id: "CM-2611-ABCD",
      at: "2026-11-02T14:00:00Z",
      by: COMMS,
      requester: { address: "bienestar@universidad.edu.co" },
      fields: {
        requestingUnit: "Bienestar",
        desiredSender: "bienestar@universidad.edu.co",
        subject: "Jornada de salud",
        audiences: [],
        urgency: "normal",
        attachmentIds: [],
      },
      dueDate: "2026-11-06",
    });
    const cancelled = cancelCase(received, { at: "2026-11-03T10:00:00Z", by: COMMS, reason: "Duplicada" });
    for (const c of [
      received,
      forwardCase(received, { at: "2026-11-02T15:00:00Z", by: COMMS }),
      cancelled,
      small,
    ]) {
      expect(decoded(encodeCase(c))).toEqual(c);
    }
  });

  it("keeps absent optional fields absent (no undefined keys appear)", () => {
    const c = decoded(encodeCase(createCase({ ...minimalInput(), evidence: {} })));
    expect(Object.keys(c).sort()).toEqual([
      "createdAt",
      "dueDate",
      "fields",
      "history",
      "id",
      "requester",
      "state",
    ]);
    expect(Object.keys(c.history[0] ?? {}).sort()).toEqual(["action", "at", "by"]);
    expect("requestedDate" in c.fields).toBe(false);
    expect("name" in c.requester).toBe(false);
  });

  it("survives strings that look like references, JSON or markup (property over 300 generated cases)", () => {
    const random = seeded(99);
    const nasty = [
      "0",
      "1",
      '[0,"x"]',
      "",
      '"',
      "\\",
      "ñandú 🎉",
      "<b>x</b>",
      "a".repeat(40),
      "a".repeat(41),
      "\u2028",
    ];
    const text = () =>
      random() < 0.4
        ? (nasty[Math.floor(random() * nasty.length)] ?? "")
        : pick(random, BASE64URL + "@.<>", 1 + Math.floor(random() * 60));
    for (let n = 0; n < 300; n++) {
      let c = createCase({ ...minimalInput(), requestMessageId: text(), by: text() });
      const steps = Math.floor(random() * 8);
      for (let i = 0; i < steps; i++) {
        const act: Act = {
          at: `2026-11-0${1 + (i % 9)}T10:00:0${i % 10}Z`,
          by: random() < 0.5 ? COMMS : text(),
        };
        if (random() < 0.5) act.note = text();
        if (random() < 0.7)
          act.evidence = { messageId: text(), conversationId: text(), groups: [text(), text()] };
        c = c.state === "received" ? forwardCase(c, act) : recordReminder(c, act);
      }
      expect(decoded(encodeCase(c))).toEqual(c);
    }
  });
});

function minimalInput() {
  return {
    id: "CM-2611-ABCD",
    at: "2026-11-02T14:00:00Z",
    by: COMMS,
    requester: { address: "bienestar@universidad.edu.co" },
    fields: {
      requestingUnit: "Bienestar",
      desiredSender: "bienestar@universidad.edu.co",
      subject: "Jornada de salud",
      audiences: ["estudiantes" as const],
      urgency: "normal" as const,
      attachmentIds: [],
    },
    dueDate: "2026-11-06",
  };
}

describe("size", () => {
  const fifty = realisticCase(50);

  it("builds the realistic 50-entry case it claims to", () => {
    expect(fifty.history).toHaveLength(50);
    expect(fifty.requestMessageId).toHaveLength(152);
    expect(fifty.history[1]?.evidence?.messageId).toHaveLength(152);
    expect(fifty.history[1]?.evidence?.internetMessageId).toMatch(
      /^<PH0PR11MB\d{4}[0-9A-F]{28}@.+outlook\.com>$/,
    );
  });

  it("keeps a 50-entry case with Graph ids well under 16 KB, and reads it back intact", () => {
    const json = encodeCase(fifty);
    const bytes = recordBytes(json);
    console.info(`50-entry record, Graph-shaped ids: ${bytes} bytes`);
    expect(bytes).toBeLessThan(12 * 1024);
    expect(decoded(json)).toEqual(fifty);
  });

  it("keeps it under 16 KB even when no two ids share anything", () => {
    const worst = realisticCase(50, 2, "random");
    const json = encodeCase(worst);
    console.info(`50-entry record, unrelated random ids: ${recordBytes(json)} bytes`);
    expect(recordBytes(json)).toBeLessThan(MAX_RECORD_BYTES);
    expect(decoded(json)).toEqual(worst);
  });

  it("writes each long shared part once", () => {
    const json = encodeCase(fifty);
    expect(json.split(COMMS).length - 1).toBe(1);
    expect(json.split(COMMS_MAILBOX).length - 1).toBeLessThanOrEqual(2);
    expect(json.split(".namprd11.prod.outlook.com>").length - 1).toBe(1);
  });

  it("measures bytes of UTF-8, not characters", () => {
    expect(recordBytes("ñ")).toBe(2);
    expect(recordBytes("🎉")).toBe(4);
  });

  it("refuses to write a record over the limit", () => {
    const huge = realisticCase(80, 3, "random");
    expect(() => encodeCase(huge)).toThrow(AppError);
    try {
      encodeCase(huge);
    } catch (e) {
      expect(e).toMatchObject({ code: "recordTooLarge", details: { limit: MAX_RECORD_BYTES } });
      expect((e as AppError).details?.bytes).toBeGreaterThan(MAX_RECORD_BYTES);
    }
  });
});

describe("encodeCase refuses what it could not read back", () => {
  it.each<[string, (c: Case) => Case, string]>([
    ["a malformed id", (c) => ({ ...c, id: "CM-2611-7F0K" }), "id"],
    ["a time that is not ISO-8601", (c) => ({ ...c, createdAt: "27/11/2026" }), "createdAt"],
    ["an impossible due date", (c) => ({ ...c, dueDate: "2026-02-30" }), "dueDate"],
    ["a cancelled case without a reason", (c) => ({ ...c, state: "cancelled" }), "cancelReason"],
    ["an empty history", (c) => ({ ...c, history: [] }), "history"],
    [
      "a bad entry time",
      (c) => ({ ...c, history: [...c.history, { ...(c.history[0] as HistoryEntry), at: "yesterday" }] }),
      "history[6].at",
    ],
  ])("%s", (_label, change, path) => {
    try {
      encodeCase(change(small));
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toMatchObject({ code: "invalidRecord" });
      expect(String((e as AppError).details?.detail)).toContain(path);
    }
  });
});

describe("decodeCase", () => {
  it.each(["", "{", "not json", '{"v":1,', "\u0000"])("reports %j as corrupt", (json) => {
    expect(expectFailure(decodeCase(json), "corrupt")).not.toBe("");
  });

  it("reports a newer version with that version, so the UI can refuse to overwrite it", () => {
    const result = decodeCase(tampered(small, (r) => (r.v = RECORD_VERSION + 1)));
    expect(result).toEqual({
      ok: false,
      reason: "newerVersion",
      detail: expect.stringContaining("2"),
      version: 2,
    });
  });

  it("treats a newer version as newer even when its shape is unknown", () => {
    expect(decodeCase('{"v":7,"something":"else"}')).toMatchObject({
      ok: false,
      reason: "newerVersion",
      version: 7,
    });
  });

  it.each([
    ["null", "null"],
    ["an array", "[1,2]"],
    ["a number", "42"],
    ["a string", '"CM-2611-7F3K"'],
  ])("reports %s as invalid", (_label, json) => {
    expect(expectFailure(decodeCase(json), "invalid")).toContain("record");
  });

  it.each([
    ["no version", {}],
    ["a string version", { v: "1" }],
    ["version 0", { v: 0 }],
    ["a fractional version", { v: 1.5 }],
  ])("reports %s as invalid", (_label, record) => {
    expect(expectFailure(decodeCase(JSON.stringify(record)), "invalid")).toMatch(/^v:/);
  });

  it.each<
    [string, (r: Record<string, unknown> & { history: Array<Record<string, unknown>> }) => void, string]
  >([
    [
      "an unknown action",
      (r) => ((r.history[2] as Record<string, unknown>).a = "archived"),
      "history[2].action",
    ],
    ["an unknown state", (r) => (r.state = "lost"), "state"],
    [
      "an unknown audience",
      (r) => ((r.fields as Record<string, unknown>).audiences = ["egresados"]),
      "fields.audiences[0]",
    ],
    [
      "a reference outside the table",
      (r) => ((r.history[1] as Record<string, unknown>).b = 99),
      "history[1].by",
    ],
    ["a prefix reference outside the table", (r) => (r.requestMessageId = [99, "x"]), "requestMessageId"],
    [
      "a suffix reference outside the table",
      (r) => ((r.history[1] as Record<string, unknown>).i = ["<x", 99]),
      "history[1].evidence.internetMessageId",
    ],
    [
      "a negative count",
      (r) => ((r.history[0] as Record<string, unknown>).r = -1),
      "history[0].evidence.recipientCount",
    ],
    ["an unknown key (a change made without a new version)", (r) => (r.priority = "high"), "(record)"],
    ["an unknown entry key", (r) => ((r.history[0] as Record<string, unknown>).x = 1), "history[0]"],
    ["a missing requester", (r) => delete r.requester, "requester"],
  ])("reports %s as invalid, naming the path", (_label, change, path) => {
    const result = decodeCase(tampered(small, change));
    expect(result).toMatchObject({ ok: false, reason: "invalid", version: 1 });
    expect(expectFailure(result, "invalid")).toContain(path);
  });

  it("lists at most three problems and says how many more there are", () => {
    const detail = expectFailure(
      decodeCase(
        tampered(small, (r) => {
          r.state = "x";
          r.dueDate = "x";
          r.createdAt = "x";
          r.id = "x";
          r.history = [];
        }),
      ),
      "invalid",
    );
    expect(detail.split("; ")).toHaveLength(3);
    expect(detail).toMatch(/\(\+2 more\)$/);
  });

  it("reads a version-1 record written by hand (the stored format must not drift without a new version)", () => {
    const json = JSON.stringify({
      v: 1,
      id: "CM-2611-7F3K",
      state: "forwarded",
      createdAt: "2026-11-23T14:00:00Z",
      requester: { address: "ingenieria@universidad.edu.co", name: "Ingeniería" },
      fields: {
        requestingUnit: "Facultad de Ingeniería",
        desiredSender: "ingenieria@universidad.edu.co",
        subject: "Semilleros",
        audiences: ["estudiantes"],
        requestedDate: "2026-11-27",
        urgency: "normal",
        attachmentIds: [[0, "att1"]],
      },
      dueDate: "2026-11-27",
      requestMessageId: [0, "msg"],
      history: [
        { t: "2026-11-23T14:00:00Z", b: 1, a: "created", m: [0, "msg"] },
        {
          t: "2026-11-23T15:00:00Z",
          b: 1,
          a: "forwarded",
          n: "a IT",
          m: "fwd",
          i: ["<abc", 2],
          c: "conv",
          s: "2026-11-23T15:00:01Z",
          g: [],
          r: 0,
        },
      ],
      strings: ["AAMkAGVmMDEzMTM4LTZmYWUt", COMMS, "@PH0PR11MB5000.namprd11.prod.outlook.com>"],
    });
    expect(decoded(json)).toEqual({
      id: "CM-2611-7F3K",
      state: "forwarded",
      createdAt: "2026-11-23T14:00:00Z",
      requester: { address: "ingenieria@universidad.edu.co", name: "Ingeniería" },
      fields: {
        requestingUnit: "Facultad de Ingeniería",
        desiredSender: "ingenieria@universidad.edu.co",
        subject: "Semilleros",
        audiences: ["estudiantes"],
        requestedDate: "2026-11-27",
        urgency: "normal",
        attachmentIds: ["AAMkAGVmMDEzMTM4LTZmYWUtatt1"],
      },
      dueDate: "2026-11-27",
      requestMessageId: "AAMkAGVmMDEzMTM4LTZmYWUtmsg",
      history: [
        {
          at: "2026-11-23T14:00:00Z",
          by: COMMS,
          action: "created",
          evidence: { messageId: "AAMkAGVmMDEzMTM4LTZmYWUtmsg" },
        },
        {
          at: "2026-11-23T15:00:00Z",
          by: COMMS,
          action: "forwarded",
          note: "a IT",
          evidence: {
            messageId: "fwd",
            internetMessageId: "<abc@PH0PR11MB5000.namprd11.prod.outlook.com>",
            conversationId: "conv",
            sentAt: "2026-11-23T15:00:01Z",
            groups: [],
            recipientCount: 0,
          },
        },
      ],
    });
  });

  it("never throws, whatever is stored (property over 3,000 damaged records)", () => {
    const random = seeded(5);
    const json = encodeCase(small);
    const outcomes = new Set<string>();
    for (let n = 0; n < 3_000; n++) {
      const at = Math.floor(random() * json.length);
      const damage = Math.floor(random() * 3);
      const broken =
        damage === 0
          ? json.slice(0, at) + json.slice(at + 1)
          : damage === 1
            ? json.slice(0, at) + pick(random, '{}[]":,0129azAZ-', 1) + json.slice(at + 1)
            : json.slice(0, at);
      const result = decodeCase(broken);
      outcomes.add(result.ok ? "ok" : result.reason);
      if (!result.ok) expect(result.detail.length).toBeGreaterThan(0);
    }
    expect([...outcomes]).toEqual(expect.arrayContaining(["corrupt", "invalid"]));
  });
});

describe("migrateRecord (the hook for future versions)", () => {
  const toV2: Migration = (r) => ({ ...r, v: 2, renamed: r.old });
  const toV3: Migration = (r) => ({ ...r, v: 3, extra: true });

  it("has nothing to do for a current record", () => {
    const record = { v: RECORD_VERSION };
    expect(migrateRecord(record, RECORD_VERSION)).toEqual({ ok: true, record });
  });

  it("applies each step in order, one version at a time", () => {
    expect(migrateRecord({ v: 1, old: "x" }, 1, 3, { 1: toV2, 2: toV3 })).toEqual({
      ok: true,
      record: { v: 3, old: "x", renamed: "x", extra: true },
    });
  });

  it("reports a missing step", () => {
    expect(migrateRecord({ v: 1 }, 1, 3, { 1: toV2 })).toEqual({
      ok: false,
      detail: "v: no migration from version 2",
    });
  });

  it("reports a step that fails instead of throwing", () => {
    const failing: Migration = () => {
      throw new Error("boom");
    };
    expect(migrateRecord({ v: 1 }, 1, 2, { 1: failing })).toEqual({
      ok: false,
      detail: expect.stringContaining("boom"),
    });
  });
});

describe("the mailbox acted for (history entries' optional `f`)", () => {
  const ANA = "ana.rodriguez@universidad.edu.co";
  const CARLOS = "carlos.perez@universidad.edu.co";
  const fields = {
    requestingUnit: "Rectoría",
    desiredSender: "rectoria@universidad.edu.co",
    subject: "Ceremonia de grados",
    audiences: ["estudiantes" as const],
    urgency: "normal" as const,
    attachmentIds: [],
  };
  const delegated = (): Case =>
    linkConfirmation(
      forwardCase(
        createCase({
          id: "CM-2611-7F3K",
          at: "2026-11-23T14:00:00Z",
          by: ANA,
          for: COMMS,
          requester: { address: "rectoria@universidad.edu.co" },
          fields,
          dueDate: "2026-11-27",
        }),
        { at: "2026-11-23T15:00:00Z", by: ANA, for: COMMS },
      ),
      {
        sent: { at: "2026-11-24T15:00:00Z", by: CARLOS, for: IT },
        confirmed: { at: "2026-11-24T15:05:00Z", by: CARLOS, for: IT },
      },
    );

  it("keeps the person and the mailbox of every entry through a round trip", () => {
    const c = delegated();
    expect(c.history.map((h) => [h.action, h.by, h.for])).toEqual([
      ["created", ANA, COMMS],
      ["forwarded", ANA, COMMS],
      ["sent", CARLOS, IT],
      ["confirmed", CARLOS, IT],
    ]);
    expect(decoded(encodeCase(c))).toEqual(c);
  });

  it("stores `f` on each delegated entry, through the strings table like `b`", () => {
    const record = JSON.parse(encodeCase(delegated())) as {
      strings?: string[];
      history: Array<{ f?: unknown }>;
    };
    expect(record.history.every((entry) => entry.f !== undefined)).toBe(true);
    // Two mailboxes named on four entries: the shared text is written once, the entries hold references.
    expect(record.strings?.length ?? 0).toBeGreaterThan(0);
  });

  it("leaves `f` out when someone acts in their own mailbox (nothing to say, nothing stored)", () => {
    const own = createCase({
      id: "CM-2611-7F3K",
      at: "2026-11-23T14:00:00Z",
      by: COMMS,
      for: COMMS.toUpperCase(),
      requester: { address: "rectoria@universidad.edu.co" },
      fields,
      dueDate: "2026-11-27",
    });
    expect(own.history[0]).not.toHaveProperty("for");
    expect(encodeCase(own)).not.toContain('"f"');
  });

  it("reads records written before `f` existed exactly as before (no entry gains a `for`)", () => {
    const before = JSON.stringify({
      v: 1,
      id: "CM-2611-7F3K",
      state: "forwarded",
      createdAt: "2026-11-23T14:00:00Z",
      requester: { address: "rectoria@universidad.edu.co" },
      fields: { ...fields, attachmentIds: [] },
      dueDate: "2026-11-27",
      history: [
        { t: "2026-11-23T14:00:00Z", b: COMMS, a: "created" },
        { t: "2026-11-23T15:00:00Z", b: COMMS, a: "forwarded" },
      ],
    });
    const c = decoded(before);
    expect(c.history).toEqual([
      { at: "2026-11-23T14:00:00Z", by: COMMS, action: "created" },
      { at: "2026-11-23T15:00:00Z", by: COMMS, action: "forwarded" },
    ]);
    expect(c.history.some((h) => "for" in h)).toBe(false);
  });

  it("reports an `f` that points outside the strings table, under its own name", () => {
    const json = tampered(delegated(), (record) => {
      record.history[0] = { ...record.history[0], f: 99 };
    });
    const detail = expectFailure(decodeCase(json), "invalid");
    expect(detail).toContain("history[0].for");
  });
});
