// Many cases at once, as a busy Communications mailbox holds them after a few years: the generator the
// dashboard's scale tests and the dashboard bench (test/bench) seed comunicaciones@ with.
import { CASE_ID_ALPHABET } from "../../src/domain/caseId";
import { encodeCase } from "../../src/domain/codec";
import { createCase, forwardCase, linkConfirmation, relayConfirmation } from "../../src/domain/lifecycle";
import type { Case } from "../../src/domain/types";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import { stateCategory } from "../../src/workflow/categories";
import { COMMUNICATIONS, DOMAIN, IT, PROFESSIONAL } from "./world";

/** A distinct canonical case id per index (up to 31^4 of them). */
export function caseIdFor(i: number): string {
  let n = i;
  let symbols = "";
  for (let k = 0; k < 4; k++) {
    symbols = CASE_ID_ALPHABET[n % CASE_ID_ALPHABET.length] + symbols;
    n = Math.floor(n / CASE_ID_ALPHABET.length);
  }
  return `CM-2611-${symbols}`;
}

/** Five kinds of case, in turn: received, forwarded on time, forwarded and overdue, confirmed, closed. */
export function seededCase(i: number): Case {
  const day = String(1 + (i % 28)).padStart(2, "0");
  const at = `2026-11-${day}T14:00:00Z`;
  const base = createCase({
    id: caseIdFor(i),
    at,
    by: PROFESSIONAL,
    requester: { name: `Unidad ${i}`, address: `unidad${i % 50}@${DOMAIN}` },
    fields: {
      requestingUnit: `Unidad ${i}`,
      desiredSender: `Unidad ${i}`,
      subject: `Convocatoria ${i}`,
      audiences: ["estudiantes"],
      urgency: "normal",
      attachmentIds: [],
    },
    dueDate: i % 5 === 2 ? `2026-11-${day}` : "2026-12-15",
  });
  if (i % 5 === 0) return base;
  const forwarded = forwardCase(base, { at, by: PROFESSIONAL });
  if (i % 5 <= 2) return forwarded;
  const confirmed = linkConfirmation(forwarded, {
    sent: { at, by: IT, evidence: { recipientCount: 18_432 } },
    confirmed: { at, by: IT },
  });
  return i % 5 === 3 ? confirmed : relayConfirmation(confirmed, { at, by: PROFESSIONAL });
}

/** The request message of a case as Graph JSON, its case properties set (`record` may be a broken one). */
export function requestJson(c: Case, record: string = encodeCase(c)): Record<string, unknown> {
  return {
    subject: `Solicitud: ${c.fields.subject}`,
    from: { emailAddress: { name: c.requester.name, address: c.requester.address } },
    toRecipients: [{ emailAddress: { address: COMMUNICATIONS } }],
    receivedDateTime: c.createdAt,
    body: { contentType: "html", content: `<p>${c.fields.subject}</p>` },
    categories: [stateCategory(c.state, "es")],
    singleValueExtendedProperties: [
      { id: CASE_PROPERTY_IDS.kind, value: "request" },
      { id: CASE_PROPERTY_IDS.caseId, value: c.id },
      { id: CASE_PROPERTY_IDS.state, value: c.state },
      { id: CASE_PROPERTY_IDS.dueDate, value: c.dueDate },
      { id: CASE_PROPERTY_IDS.record, value: record },
    ],
  };
}
