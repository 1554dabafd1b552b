// The seeding vocabulary: who exists in the tenant and who may do what. Plain data, so the demo can keep it
// in a JSON file and tests can write it inline.

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
  /** Directory member count, as `/groups/{id}/members/$count` reports it (the real list is thousands). */
  memberCount: number;
  /** Addresses that exist in this tenant and receive copies of mail sent to the group. */
  members: string[];
  description?: string;
  /**
   * When set, only these senders may mail the group (Exchange "AcceptMessagesOnlyFrom"); anyone else gets a
   * non-delivery report in the sending mailbox, as Exchange does, while the other recipients still get it.
   */
  acceptsMessagesOnlyFrom?: string[];
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
  /** Clock, for deterministic tests. */
  now?: () => Date;
  /** Request log capacity (oldest entries are dropped); default 5000. */
  logLimit?: number;
  /**
   * How long after a send its copy appears in Sent Items, in ms of this tenant's clock; default
   * DEFAULT_SENT_ITEMS_DELAY_MS (see mail/sentItemsDelay.ts). 0 files the copy at once.
   */
  sentItemsDelayMs?: number;
}

export interface DirectoryGroup {
  id: string;
  address: string;
  displayName: string;
  description: string | null;
  memberCount: number;
  members: string[];
  acceptsMessagesOnlyFrom: string[] | null;
  createdDateTime: string;
}
