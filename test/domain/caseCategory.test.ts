// Outlook categories are shared mailbox data: one language (the institution's), whatever was there before.
import { isPregonCategory, stateCategory, withStateCategory } from "../../src/domain/caseCategory";
import { CASE_STATES } from "../../src/domain/types";

describe("case categories", () => {
  it("writing a state leaves one Pregón category, in the language asked for, and keeps the user's own", () => {
    const mixed = ["Pregón: With IT", "Pregón: Recibido", "Urgente", "Pregón: Cancelled"];
    expect(withStateCategory(mixed, "cancelled", "es")).toEqual(["Urgente", "Pregón: Cancelado"]);
    expect(withStateCategory(["Pregón: En TIC", "VIP"], "sent", "en")).toEqual(["VIP", "Pregón: Sent"]);
  });

  it("every label of both languages is recognised as Pregón's, and the two languages never share a label", () => {
    for (const state of CASE_STATES) {
      expect(isPregonCategory(stateCategory(state, "es"))).toBe(true);
      expect(isPregonCategory(stateCategory(state, "en"))).toBe(true);
    }
    const es = CASE_STATES.map((s) => stateCategory(s, "es"));
    const en = CASE_STATES.map((s) => stateCategory(s, "en"));
    expect(new Set(es).size).toBe(CASE_STATES.length);
    expect(new Set(en).size).toBe(CASE_STATES.length);
    expect(isPregonCategory("Urgente")).toBe(false);
  });
});
