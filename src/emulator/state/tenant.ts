// The embedded Microsoft 365 tenant: mailboxes, directory groups, delegation and Send As grants, issued
// tokens, plus the fault rules and request log that tests and the demo drive. HTTP handling lives in
// pipeline.ts; this class is the state it acts on.
import { FaultInjector } from "../faults";
import type { EmuRequest, EmuResponse } from "../http";
import { isRecord } from "../json";
import { RequestLog } from "../log";
import { snapshotOf, stateFromSnapshot } from "../persist";
import type { TenantSnapshot } from "../persist";
import { dispatch } from "../pipeline";
import { DeferredSends } from "../mail/deferredSend";
import type { HeldSend } from "../mail/deferredSend";
import { sendMessage } from "../mail/delivery";
import { SentItemsDelay } from "../mail/sentItemsDelay";
import type { PendingSentItem } from "../mail/sentItemsDelay";
import { fromFetchRequest, toFetchResponse } from "../request";
import { routeTables } from "../routes";
import { handleUpload } from "../routes/upload";
import type { FolderName } from "../types";
import { DEFAULT_BEHAVIOUR } from "./config";
import type { DirectoryGroup, EmulatorBehaviour, TenantOptions } from "./config";
import { newToken } from "./ids";
import { ListingSnapshots } from "./listings";
import type { Mailbox } from "./mailbox";
import type { StoredMessage } from "./message";
import { storedFromGraphJson } from "./seed";

export const DEFAULT_BASE_URL = "https://graph.microsoft.com";
/** Exchange's host for upload-session URLs: not Graph's, so a client that sends them to Graph fails here too. */
export const DEFAULT_UPLOAD_ORIGIN = "https://outlook.office.com";

/** An upload session for a large attachment (not persisted: sessions are short-lived by nature). */
export interface UploadSession {
  id: string;
  /** The secret in the uploadUrl's authtoken: the URL is the credential, no bearer token is sent. */
  authToken: string;
  mailboxAddress: string;
  messageId: string;
  name: string;
  contentType: string;
  isInline: boolean;
  contentId: string | null;
  size: number;
  received: Uint8Array;
  nextOffset: number;
  expiresAt: number;
}

export interface TenantState {
  domain: string;
  baseUrl: string;
  mailboxes: Mailbox[];
  fullAccess: Array<[string, string[]]>;
  sendAs: string[];
  groups: DirectoryGroup[];
  tokens: Array<[string, string]>;
  seq: number;
  /** Sent Items copies still on their way (see mail/sentItemsDelay.ts). */
  pendingSentItems?: PendingSentItem[];
  /** Sends held until their deferred send time (see mail/deferredSend.ts). */
  heldSends?: HeldSend[];
}

export class Tenant {
  readonly domain: string;
  readonly baseUrl: string;
  readonly uploadOrigin: string;
  readonly faults = new FaultInjector();
  readonly log: RequestLog;
  readonly uploadSessions = new Map<string, UploadSession>();
  /** Runtime switches; tests and the demo may change them at any time. */
  readonly behaviour: EmulatorBehaviour;
  /** Sent Items copies held back after a send; `sentItems.delayMs` is the delay. */
  readonly sentItems: SentItemsDelay;
  /** Drafts sent with a deferred send time, held in Drafts until then (mail/deferredSend.ts). */
  readonly deferredSends: DeferredSends;
  /** Ordered message listings kept for their next pages (runtime-only; see listings.ts). */
  readonly listings = new ListingSnapshots();
  private readonly clock: () => Date;
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly mailboxesById = new Map<string, Mailbox>();
  private readonly fullAccess = new Map<string, Set<string>>();
  private readonly sendAsGrants = new Set<string>();
  private readonly groups = new Map<string, DirectoryGroup>();
  private readonly tokens = new Map<string, string>();
  private seq: number;
  private writeCount = 0;

  constructor(state: TenantState, options: TenantOptions = {}) {
    this.domain = state.domain;
    this.baseUrl = (options.baseUrl ?? state.baseUrl).replace(/\/+$/, "");
    this.uploadOrigin = new URL(options.uploadOrigin ?? DEFAULT_UPLOAD_ORIGIN).origin;
    this.clock = options.now ?? (() => new Date());
    this.log = new RequestLog(options.logLimit ?? 5000);
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    for (const mailbox of state.mailboxes) {
      this.mailboxes.set(mailbox.address, mailbox);
      this.mailboxesById.set(mailbox.id, mailbox);
    }
    for (const [mailbox, users] of state.fullAccess) this.fullAccess.set(mailbox, new Set(users));
    for (const grant of state.sendAs) this.sendAsGrants.add(grant);
    for (const group of state.groups) this.groups.set(group.address, group);
    for (const [token, address] of state.tokens) this.tokens.set(token, address);
    this.seq = state.seq;
    this.sentItems = new SentItemsDelay(options.sentItemsDelayMs, state.pendingSentItems);
    this.deferredSends = new DeferredSends(state.heldSends);
  }

  /** How long after a send its copy appears in Sent Items (ms of this tenant's clock); 0 = at once. */
  setSentItemsDelay(ms: number): void {
    this.sentItems.delayMs = ms;
  }

  /** Files the Sent Items copies whose time has come; every request and every read of the state calls it. */
  settle(): void {
    const nowMs = this.clock().getTime();
    const mailboxOf = (address: string) => this.mailbox(address);
    // Held sends first: one that leaves now files its Sent Items copy after the usual delay.
    this.deferredSends.release(nowMs, mailboxOf, (caller, mailbox, message) => {
      sendMessage(this, caller, mailbox, message, { saveToSentItems: true });
      this.noteWrite();
    });
    this.sentItems.release(nowMs, mailboxOf);
  }

  now(): Date {
    return this.clock();
  }

  /** Grows whenever stored messages may have changed in place (a request that writes; see listings.ts). */
  get writes(): number {
    return this.writeCount;
  }

  noteWrite(): void {
    this.writeCount += 1;
  }

  nowIso(): string {
    return this.clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /**
   * An opaque bearer token for a user; the demo's token provider and tests call this. A user keeps one token
   * until it is revoked (like a cached access token), so a provider that asks on every request does not
   * grow the persisted state.
   */
  issueToken(address: string): string {
    const mailbox = this.mailboxes.get(address.toLowerCase());
    if (!mailbox || mailbox.kind !== "user") throw new Error(`No user ${address} in this tenant.`);
    for (const [existing, owner] of this.tokens) if (owner === mailbox.address) return existing;
    const token = newToken();
    this.tokens.set(token, mailbox.address);
    return token;
  }

  revokeToken(token: string): void {
    this.tokens.delete(token);
  }

  userForToken(token: string): Mailbox | undefined {
    const address = this.tokens.get(token);
    return address ? this.mailboxes.get(address) : undefined;
  }

  mailbox(address: string): Mailbox | undefined {
    return this.mailboxes.get(address.toLowerCase());
  }

  /** By directory id (GUID) or SMTP address, the way /users/{id | userPrincipalName} resolves. */
  resolveMailbox(idOrAddress: string): Mailbox | undefined {
    return this.mailboxesById.get(idOrAddress.toLowerCase()) ?? this.mailboxes.get(idOrAddress.toLowerCase());
  }

  allMailboxes(): Mailbox[] {
    return [...this.mailboxes.values()];
  }

  /** Full access: the mailbox's own user, or a delegate the tenant configured. */
  canAccess(caller: Mailbox, target: Mailbox): boolean {
    return (
      caller.address === target.address || (this.fullAccess.get(target.address)?.has(caller.address) ?? false)
    );
  }

  canSendAs(caller: Mailbox, address: string): boolean {
    const lower = address.toLowerCase();
    return caller.address === lower || this.sendAsGrants.has(`${caller.address}|${lower}`);
  }

  group(address: string): DirectoryGroup | undefined {
    return this.groups.get(address.toLowerCase());
  }

  groupById(id: string): DirectoryGroup | undefined {
    return [...this.groups.values()].find((g) => g.id === id.toLowerCase());
  }

  allGroups(): DirectoryGroup[] {
    return [...this.groups.values()];
  }

  /**
   * The groups Microsoft Graph can see: dynamic distribution groups are Exchange-only objects, absent from
   * Microsoft Entra ID, so `/groups` never returns them (microsoftgraph/microsoft-graph-docs#16698, where the
   * docs team confirmed it; #7761: no plans to support them in Graph). Transport still expands them.
   */
  directoryGroup(address: string): DirectoryGroup | undefined {
    const group = this.group(address);
    return group && !group.dynamic ? group : undefined;
  }

  directoryGroupById(id: string): DirectoryGroup | undefined {
    const group = this.groupById(id);
    return group && !group.dynamic ? group : undefined;
  }

  directoryGroups(): DirectoryGroup[] {
    return this.allGroups().filter((g) => !g.dynamic);
  }

  /**
   * Seeds `toAddress`'s inbox with a received message given as Graph message JSON (attachments included).
   * Returns the new message id. No transport happens: this is how mail from outside the tenant arrives.
   */
  deliver(toAddress: string, graphMessage: unknown, folder: FolderName = "inbox"): string {
    const [id] = this.seedMessages(toAddress, [graphMessage], folder);
    if (id === undefined) throw new Error("Nothing was delivered.");
    return id;
  }

  /** The bulk path for large demo mailboxes (10,000 messages with extended properties in well under a second). */
  seedMessages(address: string, graphMessages: readonly unknown[], folder: FolderName = "inbox"): string[] {
    const mailbox = this.mailbox(address);
    if (!mailbox) throw new Error(`No mailbox ${address} in this tenant.`);
    const now = this.nowIso();
    return graphMessages.map((json) => {
      if (!isRecord(json)) throw new Error("A seeded message must be a JSON object.");
      const message = storedFromGraphJson(json, mailbox, folder, {
        domain: this.domain,
        now,
        seq: this.nextSeq(),
      });
      mailbox.messages.set(message.id, message);
      return message.id;
    });
  }

  /** Stored messages of a mailbox, newest first (for assertions and the demo's own views). */
  storedMessages(address: string, folder?: FolderName): StoredMessage[] {
    const mailbox = this.mailbox(address);
    if (!mailbox) throw new Error(`No mailbox ${address} in this tenant.`);
    this.settle();
    // The caller gets the stored objects themselves and may change them: no listing snapshot outlives that.
    this.noteWrite();
    return mailbox.list(folder).sort((a, b) => b.seq - a.seq);
  }

  /** Answers one request in the emulator's own shapes (msw handlers and $batch use this). */
  dispatch(request: EmuRequest): Promise<EmuResponse> {
    this.settle();
    return dispatch(this, request, { routes: routeTables, outside: handleUpload });
  }

  /** Answers a Fetch API request; a "drop" fault rejects with a TypeError, as fetch does on a lost connection. */
  async fetch(request: Request): Promise<Response> {
    return toFetchResponse(await this.dispatch(await fromFetchRequest(request)));
  }

  /** Everything needed to rebuild the tenant (faults, log and upload sessions are runtime-only). */
  toJSON(): TenantSnapshot {
    return snapshotOf(this.state());
  }

  static fromJSON(json: unknown, options: TenantOptions = {}): Tenant {
    return new Tenant(stateFromSnapshot(json), options);
  }

  /** The state in plain data, for persistence (see persist.ts). */
  state(): TenantState {
    return {
      domain: this.domain,
      baseUrl: this.baseUrl,
      mailboxes: this.allMailboxes(),
      fullAccess: [...this.fullAccess.entries()].map(([mailbox, users]) => [mailbox, [...users]]),
      sendAs: [...this.sendAsGrants],
      groups: this.allGroups(),
      tokens: [...this.tokens.entries()],
      seq: this.seq,
      pendingSentItems: this.sentItems.list(),
      heldSends: this.deferredSends.list(),
    };
  }
}
