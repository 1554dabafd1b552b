// A case from arrival to IT, through the public entry points of policy and templates.
import { computeDueDate, policyWarnings } from "../../../src/domain/policy";
import { forwardToItTemplate, reminderTemplate } from "../../../src/domain/templates";
import type { CaseFields, WorkCalendar } from "../../../src/domain/types";
import { inspectHtml } from "./htmlInspect";

const calendar: WorkCalendar = { closedDays: [], timeZone: "America/Bogota" };

describe("a request with no date, received on the Friday before a holiday Monday", () => {
  const receivedAt = "2026-11-13T21:00:00Z"; // Friday 13 Nov, 16:00 in Bogotá
  const fields: CaseFields = {
    requestingUnit: "Bienestar Universitario",
    desiredSender: "bienestar@universidad.example",
    subject: "Feria de salud",
    audiences: ["estudiantes"],
    urgency: "normal",
    attachmentIds: [],
  };

  it("is due three business days later and IT is told that date", () => {
    const due = computeDueDate({ receivedAt, urgency: fields.urgency, leadTimeDays: 3 }, calendar);
    expect(due).toEqual({ date: "2026-11-19", reason: "leadTime" });
    expect(policyWarnings({ receivedAt }, calendar, receivedAt, { leadTimeDays: 3 })).toEqual([]);

    const mail = forwardToItTemplate({
      lang: "es",
      caseId: "CM-2611-7F3K",
      fields,
      requester: { address: "bienestar@universidad.example" },
      dueDate: due.date,
      audienceLabels: [{ key: "estudiantes", labelEs: "Estudiantes", labelEn: "Students" }],
    });
    expect(inspectHtml(mail.html).text).toContain("Fecha límite jueves, 19 de noviembre de 2026");

    const reminder = reminderTemplate({
      lang: "es",
      caseId: "CM-2611-7F3K",
      subject: fields.subject,
      requestingUnit: fields.requestingUnit,
      dueDate: due.date,
      overdueDays: 2,
      timeZone: calendar.timeZone,
    });
    expect(reminder.subject.startsWith("[CM-2611-7F3K] ")).toBe(true);
    expect(inspectHtml(reminder.html).text).toContain("lleva 2 días de retraso");
  });
});
