// What the workflow needs from the outside: the mail service port, configuration and a clock.
// No React, no Office, no Graph: the same code runs in the pane, the demo and the tests.
import type { PregonConfig } from "../config/schema";
import type { WorkCalendar } from "../domain/types";
import type { MailService } from "../ports/mailService";

export interface WorkflowContext {
  mail: MailService;
  config: PregonConfig;
  /** SMTP address of whoever acts (recorded in history entries). */
  user: string;
  now(): Date;
  sanitizeHtml(html: string): string;
}

export function calendarOf(config: PregonConfig): WorkCalendar {
  return { closedDays: config.closedDays, timeZone: config.institution.timeZone };
}

export function nowIso(ctx: WorkflowContext): string {
  return ctx.now().toISOString();
}
