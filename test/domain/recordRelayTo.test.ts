// Issue 12, points 5 and 9, in the stored record: who gets the confirmation (`relayTo`), the typed message text
// (`messageText`) and the "asked" entry are optional additions to version 1 — a record written before them reads
// as it did, one with them survives a write and a read unchanged, and the ask is a once-per-case event of a
// received case.
import { decodeCase, encodeCase } from "../../src/domain/codec";
import { AppError } from "../../src/domain/errors";
import {
  createCase,
  forwardCase,
  recordAsk,
  recordSentAsk,
  setMessageText,
} from "../../src/domain/lifecycle";
import type { NewCase } from "../../src/domain/lifecycle";

const AT = "2026-12-04T14:00:00Z";
const BASE: NewCase = {
  id: "CM-2612-7F3K",
  at: AT,
  by: "ana.rodriguez@universidad.example",
  for: "comunicaciones@universidad.example",
  requester: { name: "Comité Electoral", address: "comite.electoral@universidad.example" },
  fields: {
    requestingUnit: "Comité Electoral",
    desiredSender: "Secretaría General",
    subject: "Calendario electoral",
    audiences: ["estudiantes"],
    urgency: "normal",
    attachmentIds: [],
  },
  dueDate: "2026-12-09",
};

describe("the record's relay recipient, typed text and ask", () => {
  it("reads a record written before relayTo and messageText existed exactly as before", () => {
    const json = encodeCase(createCase(BASE));
    const stored = JSON.parse(json) as Record<string, unknown>;
    expect(stored).not.toHaveProperty("relayTo");
    expect(stored).not.toHaveProperty("messageText");
    const decoded = decodeCase(json);
    expect(decoded.ok && decoded.case.relayTo).toBe(undefined);
    expect(decoded.ok && decoded.case.messageText).toBe(undefined);
  });

  it("keeps the chosen recipient and the typed text through a write and a read", () => {
    const c = createCase({
      ...BASE,
      relayTo: { name: "Secretaría General", address: " secretaria.general@universidad.example " },
      messageText: "  Inscripciones del 1 al 10 de diciembre.\n\nVote.  ",
    });
    expect(c.relayTo).toEqual({
      name: "Secretaría General",
      address: "secretaria.general@universidad.example",
    });
    expect(c.messageText).toBe("Inscripciones del 1 al 10 de diciembre.\n\nVote.");
    const decoded = decodeCase(encodeCase(c));
    expect(decoded).toEqual({ ok: true, case: c });
  });

  it("refuses a relay recipient without a usable address", () => {
    expect(() => createCase({ ...BASE, relayTo: { address: "secretaria.general" } })).toThrow(AppError);
  });

  it("records one ask on a received case and refuses a second or one after the forward", () => {
    const created = createCase(BASE);
    const asked = recordAsk(created, { at: AT, by: BASE.by, note: "message" });
    expect(asked.state).toBe("received");
    expect(asked.history.map((h) => h.action)).toEqual(["created", "asked"]);
    expect(decodeCase(encodeCase(asked))).toEqual({ ok: true, case: asked });
    expect(() => recordAsk(asked, { at: AT, by: BASE.by })).toThrow(/already asked/);
    const forwarded = forwardCase(created, { at: AT, by: BASE.by });
    expect(() => recordAsk(forwarded, { at: AT, by: BASE.by })).toThrow(AppError);
    // A mail that went out is a fact: recorded whatever the state now is, never twice.
    const late = recordSentAsk(forwarded, { at: AT, by: BASE.by, evidence: { internetMessageId: "<a@b>" } });
    expect(late.history.filter((h) => h.action === "asked")).toHaveLength(1);
    expect(recordSentAsk(late, { at: AT, by: BASE.by, evidence: {} })).toBe(late);
  });

  it("a record with an 'asked' entry is not readable as a record of an unknown action", () => {
    const json = encodeCase(recordAsk(createCase(BASE), { at: AT, by: BASE.by }));
    const broken = json.replace('"a":"asked"', '"a":"askedd"');
    expect(decodeCase(broken).ok).toBe(false);
  });

  it("sets the message text of a received case only, trimmed, within the limit; empty clears it", () => {
    const created = createCase(BASE);
    const withText = setMessageText(created, "  Inscripciones abiertas.  ");
    expect(withText.messageText).toBe("Inscripciones abiertas.");
    expect(decodeCase(encodeCase(withText))).toEqual({ ok: true, case: withText });
    expect(setMessageText(withText, "  ")).not.toHaveProperty("messageText");
    expect(() => setMessageText(created, "x".repeat(3001))).toThrow(/3001 characters/);
    expect(() => setMessageText(forwardCase(created, { at: AT, by: BASE.by }), "Texto")).toThrow(AppError);
  });
});
