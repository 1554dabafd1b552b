// Building tenant state from the seeding spec: mailboxes for users and shared mailboxes, full-access
// delegation, Send As grants (shared-mailbox delegates get Send As unless the spec says otherwise), groups.
import type { DirectoryGroup, TenantSpec } from "./config";
import { newGuid } from "./ids";
import { Mailbox } from "./mailbox";
import { DEFAULT_BASE_URL } from "./tenant";
import type { TenantState } from "./tenant";

/** Builds the tenant from a seeding spec (users, shared mailboxes, groups, Send As grants). */
export function tenantStateFromSpec(spec: TenantSpec, now: string): TenantState {
  const mailboxes: Mailbox[] = [];
  const fullAccess: Array<[string, string[]]> = [];
  const sendAs: string[] = [];
  for (const user of spec.users) {
    mailboxes.push(
      new Mailbox({
        id: newGuid(),
        address: user.address,
        displayName: user.displayName,
        kind: "user",
        preferredLanguage: user.preferredLanguage ?? "en-US",
        createdDateTime: now,
      }),
    );
    if (user.delegates?.length)
      fullAccess.push([user.address.toLowerCase(), user.delegates.map((d) => d.toLowerCase())]);
  }
  for (const shared of spec.sharedMailboxes ?? []) {
    const address = shared.address.toLowerCase();
    mailboxes.push(
      new Mailbox({
        id: newGuid(),
        address,
        displayName: shared.displayName,
        kind: "shared",
        preferredLanguage: "es-CO",
        createdDateTime: now,
      }),
    );
    const delegates = shared.delegates.map((d) => d.toLowerCase());
    fullAccess.push([address, delegates]);
    if (shared.delegatesCanSendAs ?? true) for (const d of delegates) sendAs.push(`${d}|${address}`);
  }
  for (const grant of spec.sendAs ?? [])
    sendAs.push(`${grant.user.toLowerCase()}|${grant.address.toLowerCase()}`);
  const groups: DirectoryGroup[] = (spec.groups ?? []).map((g) => ({
    id: newGuid(),
    address: g.address.toLowerCase(),
    displayName: g.displayName,
    description: g.description ?? null,
    memberCount: g.memberCount,
    members: g.members.map((m) => m.toLowerCase()),
    acceptsMessagesOnlyFrom: g.acceptsMessagesOnlyFrom?.map((a) => a.toLowerCase()) ?? null,
    dynamic: g.dynamic ?? false,
    moderatedBy: g.moderatedBy?.map((a) => a.toLowerCase()) ?? null,
    createdDateTime: now,
  }));
  return {
    domain: spec.domain,
    baseUrl: DEFAULT_BASE_URL,
    mailboxes,
    fullAccess,
    sendAs,
    groups,
    tokens: [],
    seq: 0,
  };
}
