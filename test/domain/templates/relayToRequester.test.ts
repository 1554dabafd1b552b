import { relayToRequesterTemplate } from "../../../src/domain/templates/relayToRequester";
import type { RelayToRequesterInput } from "../../../src/domain/templates/relayToRequester";
import { HOSTILE, TEMPLATE_TAGS, inspectHtml } from "./htmlInspect";

const input: RelayToRequesterInput = {
  lang: "es",
  caseId: "CM-2611-7F3K",
  requestingUnit: "Oficina de Relaciones Internacionales",
  subject: "Convocatoria movilidad 2027",
  sentAt: "2026-11-26T15:05:00Z",
  timeZone: "America/Bogota",
  audiences: ["estudiantes", "docentes", "administrativos"],
  audienceLabels: [
    { key: "estudiantes", labelEs: "estudiantes", labelEn: "students" },
    { key: "docentes", labelEs: "docentes", labelEn: "faculty" },
    { key: "administrativos", labelEs: "personal administrativo", labelEn: "administrative staff" },
  ],
  totalRecipients: 14210,
};

describe("relayToRequesterTemplate", () => {
  it("tells the unit when and to whom their mass mail went", () => {
    const mail = relayToRequesterTemplate(input);
    expect(mail.subject).toBe("[CM-2611-7F3K] Su envío masivo fue realizado: Convocatoria movilidad 2027");
    const text = inspectHtml(mail.html).text.replace(/\s/g, " ");
    expect(text).toMatch(
      /^Cordial saludo: Le informamos que el envío masivo «Convocatoria movilidad 2027» solicitado por Oficina de Relaciones Internacionales se realizó el jueves, 26 de noviembre de 2026/,
    );
    expect(text).toContain("dirigido a estudiantes, docentes y personal administrativo.");
    expect(text).toContain("Destinatarios 14.210");
    expect(text).toContain("Quedamos atentos a cualquier inquietud.");
  });

  it("writes English and leaves out an unknown total", () => {
    const mail = relayToRequesterTemplate({
      ...input,
      lang: "en",
      totalRecipients: undefined,
      note: "Thank you.",
    });
    expect(mail.subject).toBe("[CM-2611-7F3K] Your mass mail was sent: Convocatoria movilidad 2027");
    const { text } = inspectHtml(mail.html);
    expect(text).toContain("to students, faculty, and administrative staff.");
    expect(text).not.toContain("Recipients");
    expect(text).toContain("Note: Thank you.");
  });

  it("escapes the unit, subject and note", () => {
    const parsed = inspectHtml(
      relayToRequesterTemplate({ ...input, requestingUnit: HOSTILE, subject: HOSTILE, note: HOSTILE }).html,
    );
    expect([...parsed.tags].filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([]);
    expect(parsed.text).toContain(`solicitado por ${HOSTILE}`);
  });
});
