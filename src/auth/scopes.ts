// The delegated Microsoft Graph permissions Pregón asks for: the fewest that cover its features, each asked for
// when it is first needed. Each one must also be added to the app registration (and, for GroupMember.Read.All,
// granted by an administrator). Short names resolve to Microsoft Graph; MSAL adds openid/profile/offline_access
// itself.

/** What every sign-in asks for: mail only. A Communications professional never sees more than this. */
export const GRAPH_SCOPES: readonly string[] = [
  // Read request messages, write the case's extended properties and categories, create forward/reply drafts
  // (/me/messages/…).
  "Mail.ReadWrite",
  // Send forwards, replies, confirmations, reminders and the mass mail itself (…/send, /forward, /reply).
  "Mail.Send",
  // The same reads and writes in the shared mailboxes (/users/{shared}/messages/…), which Mail.ReadWrite alone
  // does not reach.
  "Mail.ReadWrite.Shared",
  // Sending from the shared mailbox and as/on behalf of a requesting unit where Exchange grants Send As /
  // Send on Behalf.
  "Mail.Send.Shared",
];

/**
 * Distribution groups and their member counts (GET /groups?$filter=…, /groups/{id}/members/$count with
 * ConsistencyLevel: eventual). Graph's permission tables list GroupMember.Read.All as the least privileged
 * delegated permission for listing members; for listing groups the only "lesser" entry is a write permission
 * (Group-NestingSupport.ReadWrite.All), so this read-only one is the least privileged that fits. Needs admin
 * consent. Asked for incrementally: only when IT first counts members (the Graph adapter names it on those
 * requests), never at sign-in.
 */
export const GROUP_MEMBER_SCOPE = "GroupMember.Read.All";

/**
 * The scopes a request may add to GRAPH_SCOPES (incremental consent). Anything else is refused, so that a
 * query string handed to the dialog page cannot widen what Pregón asks for.
 */
export const INCREMENTAL_SCOPES: readonly string[] = [GROUP_MEMBER_SCOPE];

/** The allowed extra scopes of a request, in their canonical spelling and a stable order (cache keys, URLs). */
export function extraScopes(extra: readonly string[] | undefined): string[] {
  return INCREMENTAL_SCOPES.filter((scope) => extra?.some((s) => s.toLowerCase() === scope.toLowerCase()));
}

/** The sign-in's scopes plus the allowed extra ones, without repeats (anything not allowed is dropped). */
export function scopesWith(base: readonly string[], extra: readonly string[] | undefined): string[] {
  const added = extraScopes(extra).filter(
    (scope) => !base.some((s) => s.toLowerCase() === scope.toLowerCase()),
  );
  return [...base, ...added];
}
