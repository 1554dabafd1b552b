// The seven actions of the procedure, each with the stage it starts from (a fresh world brought to the moment
// before the action, by the real workflow), what the pane calls when the person presses the button, and what
// the fault matrix measures afterwards: the action's effect (the mail it sends, counted where it landed after
// the Sent Items delay; for "create case", the case record), the drafts left behind in the acting mailbox, and
// the history: every entry of the case record and every stamp of IT's record that existed before must still be
// there, and the action's own entry must have been written.
import { decodeCase } from "../../src/domain/codec";
import { decodeItRecord } from "../../src/domain/itRecord";
import type { MessageKind } from "../../src/ports/mailService";
import type { ClaimOptions } from "../../src/workflow/claims";
import { audienceCounts } from "../../src/workflow/it/groups";
import type { PrepareInput } from "../../src/workflow/it/itActions";
import { chooseSender } from "../../src/workflow/it/senders";
import { fieldsFromProposal, newCase, openCase, openRequest } from "../support/cases";
import type { ItCase } from "../support/procedure";
import { openForward, prepareForCase, storedOfKind, storedProp } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, OPERATOR, PROFESSIONAL, SECOND_PROFESSIONAL } from "../support/world";
import { confirmToCommunications, sendMassMail } from "../../src/workflow/it/itActions";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import type { CreateCaseInput } from "../../src/workflow/actions/createCase";
import type { Pane } from "./panes";

export interface Stage {
  messageId: string;
  create?: CreateCaseInput;
  caseId?: string;
  it?: ItCase;
  prepare?: PrepareInput;
}

export interface ActionSpec {
  name: string;
  /** Who presses: a Communications professional or an IT operator; and who the second person is. */
  user: string;
  second: string;
  mailbox: string;
  /** The entry (Communications) or state (IT) the action writes. */
  writes: { history: string } | { itState: string };
  setup(w: World): Promise<Stage>;
  press(pane: Pane, stage: Stage, options: ClaimOptions): Promise<unknown>;
  /** How many times the action's effect happened. */
  effects(w: World, stage: Stage): number;
  /** Drafts in the acting mailbox that should not be there. */
  draftsLeft(w: World, stage: Stage): number;
}

const DAY = 24 * 60 * 60_000;
const FIXTURE = "01-structured-es.json";

function requestOf(w: World, messageId: string) {
  return w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === messageId);
}

/** The history of the case as stored, one string per entry (empty before the case exists). */
export function historyOf(w: World, stage: Stage): string[] {
  const out: string[] = [];
  const request = requestOf(w, stage.messageId);
  const record = request ? storedProp(request, "record") : undefined;
  if (record) {
    const decoded = decodeCase(record);
    out.push(
      ...(decoded.ok ? decoded.case.history.map((h) => `${h.action} ${h.at} ${h.by}`) : ["unreadable"]),
    );
  }
  const itMessage = stage.it
    ? w.tenant.storedMessages(IT, "inbox").find((m) => m.id === stage.it?.message.id)
    : undefined;
  const itJson = itMessage ? storedProp(itMessage, "itRecord") : undefined;
  if (itJson) {
    const decoded = decodeItRecord(itJson);
    if (!decoded.ok) out.push("it unreadable");
    else {
      const r = decoded.record;
      if (r.draftId || r.state !== "received") out.push("it prepared");
      if (r.sent) out.push(`it sent ${r.sent.at}`);
      if (r.confirmed) out.push(`it confirmed ${r.confirmed.at}`);
      out.push(`it state ${r.state}`);
    }
  }
  return out;
}

/** Entries that were there before and are gone, plus the action's own entry when it is missing. */
export function historyLost(before: string[], after: string[], spec: ActionSpec): number {
  const missing = before.filter((entry) => !entry.startsWith("it state") && !after.includes(entry)).length;
  const writes = spec.writes;
  const own =
    "history" in writes
      ? after.filter((e) => e.startsWith(`${writes.history} `)).length >
        before.filter((e) => e.startsWith(`${writes.history} `)).length
      : after.includes(`it state ${writes.itState}`);
  return missing + (own ? 0 : 1);
}

function sent(w: World, mailbox: string, caseId: string | undefined, kind: MessageKind): number {
  return storedOfKind(w, mailbox, "sentitems", caseId ?? "", kind).length;
}

function drafts(w: World, mailbox: string): number {
  return w.tenant.storedMessages(mailbox, "drafts").length;
}

async function created(w: World): Promise<Stage> {
  const { messageId, case: c } = await newCase(w, FIXTURE);
  return { messageId, caseId: c.id };
}

async function forwarded(w: World): Promise<Stage> {
  const stage = await created(w);
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, stage.messageId);
  w.clock.advance(60 * 60_000);
  return stage;
}

async function itOpened(w: World): Promise<Stage> {
  const stage = await forwarded(w);
  const it = await openForward(w, stage.caseId ?? "");
  const counts = await audienceCounts(w.it.ctx);
  const prepare: PrepareInput = {
    audiences: it.summary.fields.audiences,
    counts,
    sender: chooseSender(w.config, it.summary),
  };
  return { ...stage, it, prepare };
}

async function prepared(w: World): Promise<Stage> {
  const stage = await itOpened(w);
  await prepareForCase(w, stage.it as ItCase);
  return stage;
}

async function massSent(w: World): Promise<Stage> {
  const stage = await prepared(w);
  await sendMassMail(w.it.ctx, stage.it as ItCase);
  w.clock.advance(10 * 60_000);
  return stage;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The stage has no ${what}`);
  return value;
}

const COMMS = { user: PROFESSIONAL, second: SECOND_PROFESSIONAL, mailbox: COMMUNICATIONS };
const ITOP = { user: OPERATOR, second: OPERATOR, mailbox: IT };

export const ACTIONS: ActionSpec[] = [
  {
    name: "create case",
    ...COMMS,
    writes: { history: "created" },
    async setup(w) {
      const messageId = w.deliverRequest(FIXTURE);
      const opened = await openRequest(w.comms, messageId);
      const fields = fieldsFromProposal(opened.proposal, opened.message.subject);
      return {
        messageId,
        create: { mailbox: COMMUNICATIONS, messageId, requester: opened.proposal.requester, fields },
      };
    },
    press: (pane, stage) => pane.act.createCaseFromRequest(pane.ctx, need(stage.create, "request")),
    effects(w, stage) {
      const request = requestOf(w, stage.messageId);
      const record = request ? storedProp(request, "record") : undefined;
      const decoded = record ? decodeCase(record) : undefined;
      return decoded?.ok ? decoded.case.history.filter((h) => h.action === "created").length : 0;
    },
    draftsLeft: (w) => drafts(w, COMMUNICATIONS),
  },
  {
    name: "forward",
    ...COMMS,
    writes: { history: "forwarded" },
    setup: created,
    press: (pane, stage, options) =>
      pane.act.forwardToIt(pane.ctx, COMMUNICATIONS, stage.messageId, undefined, options),
    effects: (w, stage) =>
      Math.max(
        sent(w, COMMUNICATIONS, stage.caseId, "forward"),
        w.tenant.storedMessages(IT, "inbox").filter((m) => m.subject.includes(stage.caseId ?? "?")).length,
      ),
    draftsLeft: (w) => drafts(w, COMMUNICATIONS),
  },
  {
    name: "reminder",
    ...COMMS,
    writes: { history: "reminded" },
    async setup(w) {
      const stage = await forwarded(w);
      w.clock.advance(5 * DAY);
      return stage;
    },
    press: (pane, stage, options) =>
      pane.act.sendReminder(pane.ctx, COMMUNICATIONS, stage.messageId, undefined, options),
    effects: (w, stage) => sent(w, COMMUNICATIONS, stage.caseId, "reminder"),
    draftsLeft: (w) => drafts(w, COMMUNICATIONS),
  },
  {
    name: "IT prepare",
    ...ITOP,
    writes: { itState: "prepared" },
    setup: itOpened,
    press: (pane, stage, options) =>
      pane.act.prepareMassMail(pane.ctx, need(stage.it, "IT case"), need(stage.prepare, "input"), options),
    effects: (w, stage) => storedOfKind(w, IT, "drafts", stage.caseId ?? "", "massMail").length,
    // The prepared mass mail is the action's effect; any other draft is left over.
    draftsLeft: (w, stage) =>
      drafts(w, IT) - storedOfKind(w, IT, "drafts", stage.caseId ?? "", "massMail").length,
  },
  {
    name: "IT send",
    ...ITOP,
    writes: { itState: "sent" },
    setup: prepared,
    press: (pane, stage, options) => pane.act.sendMassMail(pane.ctx, need(stage.it, "IT case"), options),
    effects: (w, stage) => sent(w, IT, stage.caseId, "massMail"),
    draftsLeft: (w) => drafts(w, IT),
  },
  {
    name: "IT confirm",
    ...ITOP,
    writes: { itState: "confirmed" },
    setup: massSent,
    press: (pane, stage, options) =>
      pane.act.confirmToCommunications(pane.ctx, need(stage.it, "IT case"), options),
    effects: (w, stage) =>
      Math.max(
        sent(w, IT, stage.caseId, "confirmation"),
        w.tenant
          .storedMessages(COMMUNICATIONS, "inbox")
          .filter((m) => m.id !== stage.messageId && m.subject.includes(stage.caseId ?? "?")).length,
      ),
    draftsLeft: (w) => drafts(w, IT),
  },
  {
    name: "relay",
    ...COMMS,
    writes: { history: "relayed" },
    async setup(w) {
      const stage = await massSent(w);
      await confirmToCommunications(w.it.ctx, stage.it as ItCase);
      w.clock.advance(60_000);
      await openCase(w.comms, stage.messageId);
      return stage;
    },
    press: (pane, stage, options) =>
      pane.act.relayToRequester(pane.ctx, COMMUNICATIONS, stage.messageId, undefined, options),
    effects(w, stage) {
      const request = requestOf(w, stage.messageId);
      const requester = request?.from?.emailAddress?.address ?? "";
      return Math.max(
        sent(w, COMMUNICATIONS, stage.caseId, "relay"),
        w.tenant.storedMessages(requester, "inbox").filter((m) => m.subject.includes(stage.caseId ?? "?"))
          .length,
      );
    },
    draftsLeft: (w) => drafts(w, COMMUNICATIONS),
  },
];
