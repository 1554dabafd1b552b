// The office's signature closes the relay and IT's confirmation: plain text, escaped, its lines kept; nothing
// when none is configured.
import { itConfirmationTemplate } from "../../../src/domain/templates/itConfirmation";
import { relayToRequesterTemplate } from "../../../src/domain/templates/relayToRequester";
import { HOSTILE, TEMPLATE_TAGS, inspectHtml } from "./htmlInspect";

const relay = {
  lang: "es" as const,
  caseId: "CM-2611-7F3K",
  requestingUnit: "Facultad",
  subject: "Convocatoria",
  sentAt: "2026-11-26T15:05:00Z",
  timeZone: "America/Bogota",
  audiences: ["estudiantes" as const],
  audienceLabels: [{ key: "estudiantes" as const, labelEs: "estudiantes", labelEn: "students" }],
};
const confirmation = {
  lang: "es" as const,
  caseId: "CM-2611-7F3K",
  subject: "Convocatoria",
  sentAt: "2026-11-26T15:05:00Z",
  timeZone: "America/Bogota",
  groups: [{ address: "estudiantes@universidad.example", recipientCount: 3 }],
  internetMessageId: "<mass@universidad.example>",
};
const SIGNATURE = "Centro de Comunicaciones\nUniversidad Ejemplo\r\nExt. 1234";

describe.each([
  ["relay to the requester", (signature?: string) => relayToRequesterTemplate({ ...relay, signature }).html],
  ["IT's confirmation", (signature?: string) => itConfirmationTemplate({ ...confirmation, signature }).html],
])("the %s", (_name, html) => {
  it("ends with the signature, one line per line", () => {
    const out = html(SIGNATURE);
    expect(out).toContain("Centro de Comunicaciones<br>Universidad Ejemplo<br>Ext. 1234</p>");
    expect(inspectHtml(out).text.trimEnd().endsWith("Ext. 1234")).toBe(true);
  });

  it("shows markup in the signature as text, never as markup", () => {
    const inspection = inspectHtml(html(HOSTILE));
    expect(inspection.text).toContain(HOSTILE);
    expect([...inspection.tags].filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([]);
  });

  it("adds nothing without a signature, or with a blank one", () => {
    expect(html(undefined)).toBe(html("  \n "));
    expect(html(undefined)).not.toContain("margin:16px 0 0");
  });
});
