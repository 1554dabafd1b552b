// What the workflow needs from the outside: the mail service port, configuration and a clock.
// No React, no Office, no Graph: the same code runs in the pane, the demo and the tests.
import type { PregonConfig } from "../config/schema";
import { notRunError } from "../domain/errors";
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
 * Starts a record write and a read that must see it: in one round trip where the adapter can (MailService
 * `readAfterWrite`: the read runs after the write, and only if it succeeded), else the read once the write is
 * done. When the write fails the read fails unrun (domain/errors `isNotRun`); its failure is seen only where it is awaited.
 */
export function writeThenRead<W, R>(
  ctx: WorkflowContext,
  write: () => Promise<W>,
  read: () => Promise<R>,
): { written: Promise<W>; read: Promise<R> } {
  if (!ctx.mail.readAfterWrite) {
    const written = write();
    const after = written.then(read, () => {
      throw notRunError();
    });
    return { written, read: started(after) };
  }
  // The adapter may call `run` later (a lazily loaded port): the read is whatever `run` starts, whenever.
  let settle: { resolve: (r: R) => void; reject: (e: unknown) => void } | undefined;
  const after = started(new Promise<R>((resolve, reject) => (settle = { resolve, reject })));
  const written = ctx.mail.readAfterWrite(() => {
    const w = write();
    read().then(settle?.resolve, settle?.reject);
    return w;
  });
  // A write that failed before `run` started anything (the adapter could not load): the read never ran.
  written.catch(() => settle?.reject(notRunError()));
  return { written, read: after };
}

/**
 * A read started ahead of where its answer is awaited: its failure is not reported as unhandled in between, and
 * is seen, unchanged, by whoever awaits it.
 */
export function started<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}
