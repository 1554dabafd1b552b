import { itConfirmationTemplate, totalRecipients } from "../../../src/domain/templates/itConfirmation";
import type { ItConfirmationInput } from "../../../src/domain/templates/itConfirmation";
import { HOSTILE, TEMPLATE_ATTRIBUTES, TEMPLATE_TAGS, inspectHtml } from "./htmlInspect";

const input: ItConfirmationInput = {
  lang: "es",
  caseId: "CM-2611-7F3K",
  subject: "Convocatoria movilidad 2027",
  sentAt: "2026-11-26T15:05:00Z",
  timeZone: "America/Bogota",
  groups: [
    { address: "estudiantes@universidad.example", label: "Estudiantes", recipientCount: 12480 },
    { address: "docentes@universidad.example", recipientCount: 1312 },
  ],
  internetMessageId: "<AM0PR01MB1234.abcd@universidad.example>",
  sentFrom: "internacional@universidad.example",
};

describe("totalRecipients", () => {
  it("adds the groups' counts", () => {
    expect(totalRecipients(input.groups)).toBe(13792);
    expect(totalRecipients([])).toBe(0);
  });

  it("refuses an impossible count", () => {
    expect(() => totalRecipients([{ address: "x@u.example", recipientCount: -1 }])).toThrow(RangeError);
  });
});

describe("itConfirmationTemplate", () => {
  it("carries the evidence: time, groups with counts, total and internetMessageId", () => {
    const mail = itConfirmationTemplate(input);
    expect(mail.subject).toBe("[CM-2611-7F3K] Envío masivo realizado: Convocatoria movilidad 2027");
    const text = inspectHtml(mail.html).text.replace(/\s/g, " ");
    expect(text).toContain(
      "El envío masivo «Convocatoria movilidad 2027» se realizó el jueves, 26 de noviembre de 2026",
    );
    expect(text).toContain("10:05");
    expect(text).toContain("Grupo Destinatarios");
    expect(text).toContain("Estudiantes <estudiantes@universidad.example> 12.480");
    expect(text).toContain("docentes@universidad.example 1.312");
    expect(text).toContain("Total 13.792");
    expect(text).toContain("Enviado desde: internacional@universidad.example");
    expect(text).toContain("internetMessageId: <AM0PR01MB1234.abcd@universidad.example>");
  });

  it("writes English with English number grouping", () => {
    const text = inspectHtml(
      itConfirmationTemplate({ ...input, lang: "en", sentFrom: undefined, note: "Sent in two batches." })
        .html,
    ).text;
    expect(text).toContain("Group Recipients");
    expect(text).toContain("Total 13,792");
    expect(text).not.toContain("Sent from");
    expect(text).toContain("Note: Sent in two batches.");
  });

  it("escapes the message id, labels and subject", () => {
    const html = itConfirmationTemplate({
      ...input,
      subject: HOSTILE,
      groups: [{ address: HOSTILE, label: HOSTILE, recipientCount: 1 }],
      internetMessageId: HOSTILE,
    }).html;
    const parsed = inspectHtml(html);
    expect([...parsed.tags].filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([]);
    expect([...parsed.attributes].filter((a) => !TEMPLATE_ATTRIBUTES.has(a))).toEqual([]);
    expect(parsed.text).toContain(`internetMessageId: ${HOSTILE}`);
  });
});

describe("a scheduled mass mail's confirmation", () => {
  it("says scheduled for the deferred time, not sent on, in both languages", () => {
    const scheduledFor = "2026-12-04T13:00:00Z";
    const es = inspectHtml(itConfirmationTemplate({ ...input, lang: "es", scheduledFor }).html).text;
    expect(es).toContain("quedó programado para el");
    expect(es).not.toContain("se realizó el");
    const en = inspectHtml(itConfirmationTemplate({ ...input, lang: "en", scheduledFor }).html).text;
    expect(en).toContain("is scheduled for");
    expect(en).not.toContain("was sent on");
  });
});
