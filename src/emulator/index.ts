// Public API of the embedded Microsoft 365 tenant (Graph v1.0 emulator). The msw entry points live in
// ./node (tests) and ./browser (demo), so that neither bundle pulls in the other's msw build.
import type { TenantOptions, TenantSpec } from "./state/config";
import { tenantStateFromSpec } from "./state/from-spec";
import { Tenant } from "./state/tenant";

export { Tenant, DEFAULT_BASE_URL } from "./state/tenant";
export { createGraphHandlers } from "./handlers";
export type {
  TenantOptions,
  TenantSpec,
  UserSpec,
  SharedMailboxSpec,
  GroupSpec,
  SendAsSpec,
  DirectoryGroup,
} from "./state/config";
export type { FaultEffect, FaultRule, FaultRuleSpec } from "./faults";
export type { LogEntry, LogQuery } from "./log";
export type { StoredMessage, StoredAttachment } from "./state/message";
export type { TenantSnapshot } from "./persist";
export type { FolderName, GraphRecipient, GraphItemBody, GraphExtendedProperty, GraphHeader } from "./types";
export { INTERNET_HEADERS_SET } from "./state/extended-props";

/** A tenant seeded with users, shared mailboxes (with delegates), distribution groups and Send As grants. */
export function createTenant(spec: TenantSpec, options: TenantOptions = {}): Tenant {
  const now = (options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  return new Tenant(tenantStateFromSpec(spec, now), options);
}
