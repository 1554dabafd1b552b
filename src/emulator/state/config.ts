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
  /** Clock, for deterministic tests. */
  now?: () => Date;
  /** Request log capacity (oldest entries are dropped); default 5000. */
  logLimit?: number;
}

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
