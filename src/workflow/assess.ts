// What the request form shows beside the fields: the due date and the policy warnings, recomputed from the
// fields as the professional edits them.
import { computeDueDate, policyWarnings } from "../domain/policy";
import type { DueDate, PolicyWarning } from "../domain/policy";
import type { CaseFields, RequestMessage } from "../domain/types";
import type { WorkflowContext } from "./context";
import { calendarOf } from "./context";

export interface Assessment {
  due: DueDate;
  warnings: PolicyWarning[];
}

export interface AssessInput {
  request: RequestMessage;
  fields: Pick<CaseFields, "requestedDate" | "urgency">;
  /** Required fields still empty in the form. */
  missingFields: readonly string[];
  /** The message HTML that will be mass-mailed. */
  messageHtml: string;
  /** The mass mail's subject as the form has it (checked for capitals); not checked when absent. */
  subject?: string;
  /** How many people the mass mail will reach, when known (the weight of its attachments is judged on it). */
  recipients?: number;
}

export function assessRequest(ctx: WorkflowContext, input: AssessInput): Assessment {
  const calendar = calendarOf(ctx.config);
  const leadTimeDays = ctx.config.leadTimeDays;
  const due = computeDueDate(
    {
      receivedAt: input.request.receivedAt,
      requestedDate: input.fields.requestedDate,
      urgency: input.fields.urgency,
      leadTimeDays,
      urgentDueHours: ctx.config.urgent?.dueHours,
    },
    calendar,
  );
  const warnings = policyWarnings(
    {
      receivedAt: input.request.receivedAt,
      requestedDate: input.fields.requestedDate,
      missingFields: input.missingFields,
      message: { body: input.messageHtml, bodyType: "html", attachments: input.request.attachments },
      subject: input.subject,
      recipients: input.recipients,
    },
    calendar,
    ctx.now(),
    { leadTimeDays },
  );
  return { due, warnings };
}
