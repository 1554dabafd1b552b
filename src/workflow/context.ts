// What the workflow needs from the outside: the mail service port, configuration and a clock.
// No React, no Office, no Graph: the same code runs in the pane, the demo and the tests.
import type { PregonConfig } from "../config/schema";
import type { WorkCalendar } from "../domain/types";
import type { MailboxId, MailService } from "../ports/mailService";
import { DEFAULT_URGENT } from "../domain/policy/urgent";
import type { UrgentTiming } from "../domain/policy/urgent";

export interface WorkflowContext {
  mail: MailService;
  config: PregonConfig;
  /**
   * SMTP address of the person who acts (recorded as `by` in history entries). People sign in as themselves and
   * work in shared mailboxes as delegates; the mailbox they act for is the item's, see `actorIn`.
   */
  user: string;
  now(): Date;
  sanitizeHtml(html: string): string;
  /**
   * Lets the page run what is waiting (input, paint) before a long piece of work goes on: the pane passes one so
   * that opening a large request is several short tasks; without it (Node, tests) the work runs in one go.
   */
  pause?(): Promise<void>;
}

export function calendarOf(config: PregonConfig): WorkCalendar {
  return { closedDays: config.closedDays, timeZone: config.institution.timeZone };
}

/** The urgent lane's hours (issue 13): the configured ones, else the defaults of domain/policy/urgent.ts. */
export function urgentTimingOf(config: PregonConfig): UrgentTiming {
  return config.urgent ?? DEFAULT_URGENT;
}

export function nowIso(ctx: WorkflowContext): string {
  return ctx.now().toISOString();
}

/**
 * Who acts, for a history entry or IT's record: the person, and the mailbox they act for when it is not their
 * own ("me"). E.g. `{ by: "carlos.perez@…", for: "tic@…" }` for an IT operator working as a delegate of tic@.
 */
export function actorIn(ctx: WorkflowContext, mailbox: MailboxId): { by: string; for?: string } {
  const isOwn = mailbox === "me" || mailbox.toLowerCase() === ctx.user.toLowerCase();
  return isOwn ? { by: ctx.user } : { by: ctx.user, for: mailbox };
}

/**
 * Runs `run`, whose reads started before its first pause go to the server in one round trip (MailService
 * `readTogether`; as they are when the adapter cannot). Only for reads that do not depend on one another.
 */
export function readTogether<T>(ctx: WorkflowContext, run: () => Promise<T>): Promise<T> {
  return ctx.mail.readTogether ? ctx.mail.readTogether(run) : run();
}

/**
 * A read started ahead of where its answer is awaited: its failure is not reported as unhandled in between, and
 * is seen, unchanged, by whoever awaits it.
 */
export function started<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}
