// The delegated Microsoft Graph permissions Pregón asks for: the fewest that cover its features. Each one must
// also be added to the app registration (and, for GroupMember.Read.All, granted by an administrator).
// Short names resolve to Microsoft Graph; MSAL adds openid/profile/offline_access itself.

export const GRAPH_SCOPES: readonly string[] = [
  // Read request messages, write the case's extended properties and categories, create forward/reply drafts
  // (/me/messages/…).
  "Mail.ReadWrite",
  // Send forwards, replies, confirmations, reminders and the mass mail itself (…/send, /forward, /reply).
  "Mail.Send",
  // The same reads and writes in the communications shared mailbox (/users/{shared}/messages/…), which
  // Mail.ReadWrite alone does not reach.
  "Mail.ReadWrite.Shared",
  // Sending from the shared mailbox and as/on behalf of a requesting unit where Exchange grants Send As /
  // Send on Behalf.
  "Mail.Send.Shared",
  // Distribution groups and their member counts (GET /groups?$filter=…, /groups/{id}/members/$count with
  // ConsistencyLevel: eventual). Graph's permission tables list GroupMember.Read.All as the least privileged
  // delegated permission for listing members; for listing groups the only "lesser" entry is a write permission
  // (Group-NestingSupport.ReadWrite.All), so this read-only one is the least privileged that fits. Needs admin
  // consent.
  "GroupMember.Read.All",
];
