import { forwardToItTemplate } from "../../../src/domain/templates/forwardToIt";
import type { ForwardToItInput } from "../../../src/domain/templates/forwardToIt";
import type { AudienceLabel } from "../../../src/domain/templates/types";
import { HOSTILE, TEMPLATE_ATTRIBUTES, TEMPLATE_TAGS, inspectHtml } from "./htmlInspect";

const audienceLabels: AudienceLabel[] = [
  { key: "estudiantes", labelEs: "Estudiantes", labelEn: "Students" },
  { key: "docentes", labelEs: "Docentes", labelEn: "Faculty" },
  { key: "administrativos", labelEs: "Administrativos", labelEn: "Staff" },
];

const input: ForwardToItInput = {
  lang: "es",
  caseId: "CM-2611-7F3K",
  fields: {
    requestingUnit: "Oficina de Relaciones Internacionales",
    desiredSender: "internacional@universidad.example",
    subject: "Convocatoria movilidad 2027",
    audiences: ["estudiantes", "docentes"],
    requestedDate: "2026-11-27",
    urgency: "normal",
    attachmentIds: ["a1", "a2"],
  },
  requester: { name: "Ana Pérez", address: "ana.perez@universidad.example" },
  dueDate: "2026-11-27",
  audienceLabels,
};

describe("forwardToItTemplate", () => {
  it("tags the subject with the case id", () => {
    expect(forwardToItTemplate(input).subject).toBe(
      "[CM-2611-7F3K] Solicitud de envío masivo: Convocatoria movilidad 2027",
    );
  });

  it("summarises the case in Spanish, label by label", () => {
    const { text } = inspectHtml(forwardToItTemplate(input).html);
    expect(text).toContain("Caso CM-2611-7F3K");
    expect(text).toContain("Unidad solicitante Oficina de Relaciones Internacionales");
    expect(text).toContain("Remitente deseado internacional@universidad.example");
    expect(text).toContain("Audiencias Estudiantes y Docentes");
    expect(text).toContain("Fecha solicitada viernes, 27 de noviembre de 2026");
    expect(text).toContain("Fecha límite viernes, 27 de noviembre de 2026");
    expect(text).toContain("Urgencia Normal");
    expect(text).toContain("Adjuntos 2");
    expect(text).toContain("Solicitante Ana Pérez <ana.perez@universidad.example>");
    expect(text).toContain("conservando [CM-2611-7F3K] en el asunto");
    expect(text).not.toContain("URGENTE");
  });

  it("puts an urgency banner first for urgent cases and says when no date was requested", () => {
    const html = forwardToItTemplate({
      ...input,
      lang: "en",
      fields: { ...input.fields, urgency: "urgent", requestedDate: undefined },
      dueDate: "2026-11-25",
      note: "Please check the sender permission.",
    }).html;
    const { text } = inspectHtml(html);
    expect(text).toMatch(
      /^Mass mail request \[CM-2611-7F3K\] URGENT: send by Wednesday, November 25, 2026 Case/,
    );
    expect(text).toContain("Requested date No date requested");
    expect(text).toContain("Audiences Students and Faculty");
    expect(text).toContain("Note for IT: Please check the sender permission.");
    expect(text).toContain("The original request follows.");
  });

  it("never lets request content become markup", () => {
    const html = forwardToItTemplate({
      ...input,
      fields: { ...input.fields, requestingUnit: HOSTILE, desiredSender: HOSTILE, subject: HOSTILE },
      requester: { name: HOSTILE, address: "a@b.example" },
      note: `${HOSTILE}\nsegunda línea`,
    }).html;
    const parsed = inspectHtml(html);
    expect([...parsed.tags].filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([]);
    expect([...parsed.attributes].filter((a) => !TEMPLATE_ATTRIBUTES.has(a))).toEqual([]);
    expect(parsed.text).toContain(`Unidad solicitante ${HOSTILE}`);
    expect(parsed.text).toContain(`Nota para TIC: ${HOSTILE} segunda línea`);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Tom&#39;s&quot;");
  });
});
