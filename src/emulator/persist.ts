// Persistence: the whole tenant as plain JSON (the demo keeps it in browser storage). Messages are stored as
// they are held, so serializing 10,000 seeded messages is one JSON.stringify of plain objects.
import { isRecord } from "./json";
import type { HeldSend } from "./mail/deferredSend";
import type { PendingSentItem } from "./mail/sentItemsDelay";
import type { DirectoryGroup } from "./state/config";
import { Mailbox } from "./state/mailbox";
import type { MailboxKind } from "./state/mailbox";
import type { StoredMessage } from "./state/message";
import type { TenantState } from "./state/tenant";

export const SNAPSHOT_FORMAT = "pregon-graph-emulator";
export const SNAPSHOT_VERSION = 1;

export interface MailboxSnapshot {
  id: string;
  address: string;
  displayName: string;
  kind: MailboxKind;
  preferredLanguage: string;
  createdDateTime: string;
  messages: StoredMessage[];
}

export interface TenantSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  domain: string;
  baseUrl: string;
  mailboxes: MailboxSnapshot[];
  fullAccess: Array<[string, string[]]>;
  sendAs: string[];
  groups: DirectoryGroup[];
  tokens: Array<[string, string]>;
  seq: number;
  /** Sent Items copies still on their way; absent in snapshots written before they were kept. */
  pendingSentItems?: PendingSentItem[];
  /** Sends held until their deferred send time; absent in snapshots written before they were kept. */
  heldSends?: HeldSend[];
}

export function snapshotOf(state: TenantState): TenantSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    domain: state.domain,
    baseUrl: state.baseUrl,
    mailboxes: state.mailboxes.map((m) => ({
      id: m.id,
      address: m.address,
      displayName: m.displayName,
      kind: m.kind,
      preferredLanguage: m.preferredLanguage,
      createdDateTime: m.createdDateTime,
      messages: [...m.messages.values()],
    })),
    fullAccess: state.fullAccess,
    sendAs: state.sendAs,
    groups: state.groups,
    tokens: state.tokens,
    seq: state.seq,
    pendingSentItems: state.pendingSentItems ?? [],
    heldSends: state.heldSends ?? [],
  };
}

/**
 * Rebuilds tenant state from a snapshot. The envelope is checked (format, version, required arrays); the
 * messages themselves are trusted, since only the emulator writes snapshots.
 */
export function stateFromSnapshot(json: unknown): TenantState {
  if (!isRecord(json) || json.format !== SNAPSHOT_FORMAT) throw new Error("Not a Graph emulator snapshot.");
  if (json.version !== SNAPSHOT_VERSION)
    throw new Error(`Unsupported snapshot version ${String(json.version)}.`);
  const snapshot = json as unknown as TenantSnapshot;
  for (const key of ["mailboxes", "fullAccess", "sendAs", "groups", "tokens"] as const) {
    if (!Array.isArray(snapshot[key])) throw new Error(`Snapshot is missing '${key}'.`);
  }
  const mailboxes = snapshot.mailboxes.map((m) => {
    const mailbox = new Mailbox(m);
    for (const message of m.messages) mailbox.messages.set(message.id, message);
    return mailbox;
  });
  return {
    domain: snapshot.domain,
    baseUrl: snapshot.baseUrl,
    mailboxes,
    fullAccess: snapshot.fullAccess,
    sendAs: snapshot.sendAs,
    groups: snapshot.groups,
    tokens: snapshot.tokens,
    seq: snapshot.seq,
    pendingSentItems: Array.isArray(snapshot.pendingSentItems) ? snapshot.pendingSentItems : [],
    heldSends: Array.isArray(snapshot.heldSends) ? snapshot.heldSends : [],
  };
}
