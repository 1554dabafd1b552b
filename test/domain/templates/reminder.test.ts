import { reminderTemplate } from "../../../src/domain/templates/reminder";
import type { ReminderInput } from "../../../src/domain/templates/reminder";
import { HOSTILE, TEMPLATE_TAGS, inspectHtml } from "./htmlInspect";

const input: ReminderInput = {
  lang: "es",
  caseId: "CM-2611-7F3K",
  subject: "Feria de salud",
  requestingUnit: "Bienestar Universitario",
  dueDate: "2026-11-20",
  overdueDays: 3,
  forwardedAt: "2026-11-17T14:00:00Z",
  timeZone: "America/Bogota",
};

describe("reminderTemplate", () => {
  it("tells IT how late an overdue case is", () => {
    const mail = reminderTemplate(input);
    expect(mail.subject).toBe("[CM-2611-7F3K] Recordatorio de envío masivo: Feria de salud");
    const { text } = inspectHtml(mail.html);
    expect(text).toContain(
      "La solicitud de envío masivo «Feria de salud» de Bienestar Universitario debía enviarse a más tardar el " +
        "viernes, 20 de noviembre de 2026 y lleva 3 días de retraso.",
    );
    expect(text).toContain("Retraso 3 días");
    expect(text).toMatch(/Enviada a TIC martes, 17 de noviembre de 2026/);
  });

  it("uses the singular for one day, in English", () => {
    const { text } = inspectHtml(reminderTemplate({ ...input, lang: "en", overdueDays: 1 }).html);
    expect(text).toContain("is 1 day overdue.");
    expect(text).toContain("Overdue by 1 day");
  });

  it("writes an on-demand reminder without an overdue line", () => {
    const mail = reminderTemplate({
      ...input,
      lang: "en",
      overdueDays: undefined,
      forwardedAt: undefined,
      note: "Thanks!",
    });
    expect(mail.subject).toBe("[CM-2611-7F3K] Mass mail reminder: Feria de salud");
    const { text } = inspectHtml(mail.html);
    expect(text).toContain(
      "This is a reminder of the mass mail request “Feria de salud” from Bienestar Universitario",
    );
    expect(text).not.toContain("Overdue by");
    expect(text).not.toContain("Sent to IT");
    expect(text).toContain("Note: Thanks!");
  });

  it("refuses a negative or fractional delay", () => {
    expect(() => reminderTemplate({ ...input, overdueDays: -2 })).toThrow(RangeError);
    expect(() => reminderTemplate({ ...input, overdueDays: 1.5 })).toThrow(RangeError);
  });

  it("escapes request content", () => {
    const parsed = inspectHtml(
      reminderTemplate({ ...input, subject: HOSTILE, requestingUnit: HOSTILE, note: HOSTILE }).html,
    );
    expect([...parsed.tags].filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([]);
    expect(parsed.text).toContain(`Asunto ${HOSTILE}`);
  });
});
