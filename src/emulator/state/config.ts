// The seeding vocabulary: who exists in the tenant and who may do what. Plain data, so the demo can keep it
// in a JSON file and tests can write it inline.
import type { NamedPropertiesOnDelivery } from "../mail/transport-props";

export interface UserSpec {
  address: string;
  displayName: string;
  /** BCP 47 tag; informational (reply/forward prefixes are English, see compose.ts). */
  preferredLanguage?: string;
  /** Users with full access to this user's mailbox. */
  delegates?: string[];
}

export interface SharedMailboxSpec {
  address: string;
  displayName: string;
  /** Users with full access (Exchange "FullAccess"): they can read and write through /users/{address}. */
  delegates: string[];
  /**
   * Whether the delegates may also send as the shared mailbox (Exchange keeps "SendAs" separate from
   * "FullAccess"; shared mailboxes used by a team normally have both). Default true.
   */
  delegatesCanSendAs?: boolean;
}

export interface GroupSpec {
  address: string;
  displayName: string;
  /**
   * How many users are direct members in the directory (the real list is thousands). `/members/$count` adds
   * one per nested group listed in `members`; `/transitiveMembers/$count` adds the nested groups' own members.
   */
  memberCount: number;
  /**
   * Addresses that exist in this tenant and receive copies of mail sent to the group. An address of another
   * group here makes it a nested group (expanded on delivery, counted as one direct member).
   */
  members: string[];
  description?: string;
  /**
   * When set, only these senders may mail the group (Exchange "AcceptMessagesOnlyFrom"); anyone else gets a
   * non-delivery report in the sending mailbox, as Exchange does, while the other recipients still get it.
   */
  acceptsMessagesOnlyFrom?: string[];
  /**
   * An Exchange dynamic distribution group: its members come from a recipient filter that Exchange evaluates
   * when mail arrives, and it is not a Microsoft Entra object, so Microsoft Graph does not return it (not in
   * `/groups`, no member count) while mail sent to its address is still delivered to `members`.
   */
  dynamic?: boolean;
  /**
   * Exchange moderation (ModerationEnabled with ModeratedBy): mail from anyone else is held for approval. The
   * members receive nothing at send time; each moderator gets an approval request; the sender is not told.
   */
  moderatedBy?: string[];
}

export interface SendAsSpec {
  user: string;
  address: string;
}

export interface TenantSpec {
  domain: string;
  users: UserSpec[];
  sharedMailboxes?: SharedMailboxSpec[];
  groups?: GroupSpec[];
  sendAs?: SendAsSpec[];
}

export interface TenantOptions {
  /** Where the emulator answers; default "https://graph.microsoft.com". */
  baseUrl?: string;
  /**
   * Where attachment upload sessions answer; default "https://outlook.office.com", the host Exchange gives its
   * pre-authenticated uploadUrl (Graph's "Attach large files to Outlook messages or events").
   */
  uploadOrigin?: string;
  /** Clock, for deterministic tests. */
  now?: () => Date;
  /** Request log capacity (oldest entries are dropped); default 5000. */
  logLimit?: number;
  /** Choices where Exchange's behaviour depends on the client or the deployment; see EmulatorBehaviour. */
  behaviour?: Partial<EmulatorBehaviour>;
  /**
   * How long after a send its copy appears in Sent Items, in ms of this tenant's clock; default
   * DEFAULT_SENT_ITEMS_DELAY_MS (see mail/sentItemsDelay.ts). 0 files the copy at once.
   */
  sentItemsDelayMs?: number;
}

/** Runtime switches (not persisted). Each default is the stricter of the two ways real Exchange/Graph behaves. */
export interface EmulatorBehaviour {
  /**
   * Whether a client can read the Retry-After header of a 429/503. Default false: Graph does not list it in
   * Access-Control-Expose-Headers, so a browser (Outlook's pane) cannot read it cross-origin
   * (microsoftgraph/microsoft-graph-docs#17488, microsoftgraph/msgraph-sdk-design#76). True gives the view of a
   * client outside a browser. Retry-After inside a $batch step's JSON stays readable either way.
   */
  exposeRetryAfter: boolean;
  /**
   * What happens to the sender's MAPI named properties (singleValueExtendedProperties that are not internet
   * headers) on the copy delivered to another mailbox. Default "drop"; see mail/transport-props.ts.
   */
  namedPropertiesOnDelivery: NamedPropertiesOnDelivery;
}

export const DEFAULT_BEHAVIOUR: EmulatorBehaviour = {
  exposeRetryAfter: false,
  namedPropertiesOnDelivery: "drop",
};

export interface DirectoryGroup {
  id: string;
  address: string;
  displayName: string;
  description: string | null;
  memberCount: number;
  members: string[];
  acceptsMessagesOnlyFrom: string[] | null;
  /** Absent in snapshots saved before dynamic groups existed: false. */
  dynamic?: boolean;
  /** Absent or null: not moderated. */
  moderatedBy?: string[] | null;
  createdDateTime: string;
}
