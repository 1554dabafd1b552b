// The tenant self-check ("Diagnóstico"): every kind of Graph call Pregón makes, in the mailbox the pane works in,
// on a throw-away draft that nobody receives, then the audience groups, the sign-in and the pane's role. Each
// check ends pass, fail (with Graph's status and code and an advice key that names a section of docs/ADMIN.md)
// or skipped (with the reason).
//
// Nothing is left behind: the draft is deleted in a `finally`, whatever failed before, and its absence is checked.
// When creating it had an unclear outcome (a 5xx or a dropped connection after the POST), the draft may exist
// without our knowing its id, so Drafts is searched for the check's own case id and whatever is found is deleted.
import type { PregonConfig } from "../config/schema";
import { generateCaseId } from "../domain/caseId";
import { toLocalDate } from "../domain/dates";
import { isAppError, toAppError } from "../domain/errors";
import type { ErrorCode } from "../domain/errors";
import { CASE_ID_HEADER } from "../domain/evidenceHeader";
import type { SelectedItem } from "../ports/mailHost";
import type { CaseProps, MailboxId } from "../ports/mailService";
import type { ProbeDraft, TenantProbe } from "../ports/tenantProbe";
import { dashboardQuery } from "./dashboard";
import { itemMailboxAddress, mailboxRole, roleMailbox } from "./role";
import type { PaneRole } from "./role";

export type CheckId =
  | "signIn"
  | "role"
  | "openItem"
  | "createDraft"
  | "findDraft"
  | "ifMatch"
  | "upload"
  | "deleteDraft"
  | "groupCount";

export type CheckStatus = "pass" | "fail" | "skipped";

export type SkipReason =
  "embeddedTenant" | "notSignedInYet" | "noItem" | "needsDraft" | "notItMailbox" | "nothingCreated";

export type AdviceKey =
  | "signIn"
  | "consent"
  | "scopesMissing"
  | "roleMismatch"
  | "roleUnknownMailbox"
  | "mailboxAccess"
  | "itemNotFound"
  | "queryRefused"
  | "filter"
  | "filterNoMatch"
  | "ifMatchIgnored"
  | "uploadDenied"
  | "uploadFailed"
  | "cleanupFailed"
  | "groupNotFound"
  | "groupCountDenied"
  | "groupCountUnsupported"
  | "transient"
  | "unexpected";

/** The section of docs/ADMIN.md ("## 9. Diagnostics") each advice points to. */
export const ADVICE_ANCHORS: Readonly<Record<AdviceKey, string>> = {
  signIn: "diag-sign-in",
  consent: "diag-sign-in",
  scopesMissing: "diag-sign-in",
  roleMismatch: "diag-role",
  roleUnknownMailbox: "diag-role",
  mailboxAccess: "diag-mailbox-access",
  itemNotFound: "diag-open-item",
  queryRefused: "diag-open-item",
  filter: "diag-filter",
  filterNoMatch: "diag-filter",
  ifMatchIgnored: "diag-if-match",
  uploadDenied: "diag-upload",
  uploadFailed: "diag-upload",
  cleanupFailed: "diag-cleanup",
  groupNotFound: "diag-groups",
  groupCountDenied: "diag-group-count",
  groupCountUnsupported: "diag-group-count",
  transient: "diag-network",
  unexpected: "diag-network",
};

export interface CheckFailure {
  code: ErrorCode;
  /** Graph's HTTP status, when Graph answered. */
  status?: number;
  /** Graph's error.code, when Graph said one. */
  graphCode?: string;
}

export interface CheckResult {
  id: CheckId;
  /** The mailbox or group address the check ran on (configured addresses only, never a person's). */
  target?: string;
  status: CheckStatus;
  /** What was seen: sign-in mode, scopes, role, member count, upload host… (no personal data). */
  facts: Record<string, string | number>;
  skipReason?: SkipReason;
  failure?: CheckFailure;
  advice?: AdviceKey;
}

export interface PlannedCheck {
  id: CheckId;
  target?: string;
}

export interface DiagnosticsInput {
  probe: TenantProbe;
  config: PregonConfig;
  /** The signed-in address (only compared with the configured mailboxes; never reported). */
  userAddress: string;
  /** The role the pane shows (from the mailbox the selected item lives in). */
  paneRole: PaneRole;
  /** The item selected in Outlook, if any. */
  item: SelectedItem | null;
  now(): Date;
  /** Called before each check and once at the end (next undefined). */
  onProgress?(done: readonly CheckResult[], next: PlannedCheck | undefined): void;
}

/** The subject the test draft carries, so that anyone who ever finds one knows what it is. */
export const DIAGNOSTIC_SUBJECT =
  "Pregón: diagnóstico, borrador de prueba que se borra solo / diagnostics test draft, deletes itself";

/** The mailbox the checks run in: the selected item's, when it is a configured one, else the pane's. */
export function diagnosticsRole(
  input: Pick<DiagnosticsInput, "config" | "userAddress" | "item" | "paneRole">,
): PaneRole {
  const { config, userAddress, item } = input;
  const itemRole = item ? mailboxRole(itemMailboxAddress(item.mailbox, userAddress), config) : undefined;
  return itemRole ?? input.paneRole;
}

/** Every check of a run, in order, for the progress count. */
export function plannedChecks(
  input: Pick<DiagnosticsInput, "config" | "userAddress" | "item" | "paneRole">,
): PlannedCheck[] {
  const target = roleMailbox(diagnosticsRole(input), input.config);
  return [
    { id: "signIn" },
    { id: "role", target },
    { id: "openItem", target },
    { id: "createDraft", target },
    { id: "findDraft", target },
    { id: "ifMatch", target },
    { id: "upload", target },
    { id: "deleteDraft", target },
    ...input.config.audiences.map((a): PlannedCheck => ({ id: "groupCount", target: a.group })),
  ];
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function failureOf(e: unknown): CheckFailure {
  const error = toAppError(e);
  const failure: CheckFailure = { code: error.code };
  const status = error.details?.status;
  const graphCode = error.details?.graphCode;
  if (typeof status === "number") failure.status = status;
  if (typeof graphCode === "string") failure.graphCode = graphCode;
  return failure;
}

/** The advice for a failed Graph call, by what Graph said and which check made it. */
export function adviceFor(id: CheckId, failure: CheckFailure): AdviceKey {
  const { code, status, graphCode } = failure;
  // Whatever stopped it, what matters then is that a test draft was left behind.
  if (id === "deleteDraft") return "cleanupFailed";
  if (code === "unauthenticated") return "signIn";
  if (code === "consentRequired") return "consent";
  if (code === "throttled" || code === "unavailable" || code === "network") return "transient";
  switch (id) {
    case "openItem":
      if (code === "notFound") return "itemNotFound";
      // Graph refused the product's own $select/$expand (e.g. RequestBroker--ParseUri for a derived-type
      // attachment property asked without its cast): every opening would fail the same way.
      if (status === 400) return "queryRefused";
      return code === "forbidden" ? "mailboxAccess" : "unexpected";
    case "findDraft":
      if (graphCode === "InefficientFilter" || status === 400) return "filter";
      return code === "forbidden" ? "mailboxAccess" : "unexpected";
    case "upload":
      return code === "forbidden" ? "uploadDenied" : "uploadFailed";
    case "groupCount":
      if (code === "notFound") return "groupNotFound";
      if (code === "forbidden") return "groupCountDenied";
      return status === 400 ? "groupCountUnsupported" : "unexpected";
    default:
      return code === "forbidden" || code === "notFound" ? "mailboxAccess" : "unexpected";
  }
}

function failed(id: CheckId, target: string | undefined, e: unknown, facts = {}): CheckResult {
  const failure = failureOf(e);
  return {
    id,
    ...(target ? { target } : {}),
    status: "fail",
    facts,
    failure,
    advice: adviceFor(id, failure),
  };
}

function passed(
  id: CheckId,
  target: string | undefined,
  facts: Record<string, string | number> = {},
): CheckResult {
  return { id, ...(target ? { target } : {}), status: "pass", facts };
}

function skipped(id: CheckId, target: string | undefined, skipReason: SkipReason): CheckResult {
  return { id, ...(target ? { target } : {}), status: "skipped", facts: {}, skipReason };
}

/** Scope names without the resource prefix, case-insensitively ("https://graph.microsoft.com/Mail.Send"). */
function scopeName(scope: string): string {
  return (scope.split("/").pop() ?? scope).toLowerCase();
}

async function signInCheck(probe: TenantProbe): Promise<CheckResult> {
  let info;
  try {
    info = await probe.signIn();
  } catch (e) {
    return failed("signIn", undefined, e);
  }
  if (!info) return skipped("signIn", undefined, "embeddedTenant");
  if (!info.mode) return skipped("signIn", undefined, "notSignedInYet");
  const facts: Record<string, string | number> = { mode: info.mode, requested: info.requested.join(" ") };
  if (!info.granted) return passed("signIn", undefined, { ...facts, granted: "?" });
  const granted = new Set(info.granted.map(scopeName));
  const missing = info.requested.filter((s) => !granted.has(scopeName(s)));
  Object.assign(facts, { granted: info.granted.join(" ") });
  if (missing.length === 0) return passed("signIn", undefined, facts);
  return {
    id: "signIn",
    status: "fail",
    facts: { ...facts, missing: missing.join(" ") },
    failure: { code: "consentRequired" },
    advice: "scopesMissing",
  };
}

function roleCheck(input: DiagnosticsInput, target: string): CheckResult {
  const { config, userAddress, item } = input;
  const pane = input.paneRole;
  if (!item) return { ...skipped("role", target, "noItem"), facts: { pane } };
  const address = itemMailboxAddress(item.mailbox, userAddress);
  const itemRole = mailboxRole(address, config);
  if (!itemRole) {
    return {
      id: "role",
      status: "fail",
      facts: { pane, itemMailbox: "other" },
      failure: { code: "config" },
      advice: "roleUnknownMailbox",
    };
  }
  const facts = { pane, itemMailbox: roleMailbox(itemRole, config), itemRole };
  if (itemRole === pane) return passed("role", target, facts);
  return { id: "role", target, status: "fail", facts, failure: { code: "config" }, advice: "roleMismatch" };
}

export async function runDiagnostics(input: DiagnosticsInput): Promise<CheckResult[]> {
  const { probe, config, userAddress, item } = input;
  const role = diagnosticsRole(input);
  const target = roleMailbox(role, config);
  // The product addresses the signed-in user's own mailbox as "me" and any other as /users/{address}.
  const mailbox: MailboxId = sameAddress(target, userAddress) ? "me" : target;
  const results: CheckResult[] = [];
  const planned = plannedChecks(input);
  const record = (result: CheckResult): void => {
    results.push(result);
    input.onProgress?.([...results], planned[results.length]);
  };
  input.onProgress?.([], planned[0]);

  record(await signInCheck(probe));
  record(roleCheck(input, target));

  if (!item) record(skipped("openItem", target, "noItem"));
  else {
    try {
      await probe.openItem(item.mailbox, item.itemId);
      record(passed("openItem", target));
    } catch (e) {
      record(failed("openItem", target, e));
    }
  }

  const now = input.now();
  const caseId = generateCaseId({ now, timeZone: config.institution.timeZone });
  const caseProps: CaseProps = {
    kind: "request",
    caseId,
    state: "received",
    dueDate: toLocalDate(now, config.institution.timeZone),
  };
  let draft: ProbeDraft | undefined;
  let createUnclear = false;
  try {
    try {
      draft = await probe.createDraft(mailbox, {
        subject: DIAGNOSTIC_SUBJECT,
        bodyHtml: "<p>Pregón: diagnóstico / diagnostics.</p>",
        caseProps,
        headers: { [CASE_ID_HEADER]: caseId },
      });
      record(passed("createDraft", target));
    } catch (e) {
      createUnclear = isAppError(e) && e.details?.maybeCreated === 1;
      record(failed("createDraft", target, e));
    }
    await draftChecks(input.probe, record, { mailbox, target, role, caseId, draft });
  } finally {
    record(await cleanUp(probe, { mailbox, target, caseId, draft, createUnclear }));
  }

  for (const audience of config.audiences) {
    try {
      const count = await probe.groupMemberCount(audience.group);
      record(passed("groupCount", audience.group, { audience: audience.key, count }));
    } catch (e) {
      record(failed("groupCount", audience.group, e, { audience: audience.key }));
    }
  }
  input.onProgress?.([...results], undefined);
  return results;
}

interface DraftContext {
  mailbox: MailboxId;
  target: string;
  role: PaneRole;
  caseId: string;
  draft: ProbeDraft | undefined;
}

async function draftChecks(
  probe: TenantProbe,
  record: (result: CheckResult) => void,
  { mailbox, target, role, caseId, draft }: DraftContext,
): Promise<void> {
  if (!draft) {
    record(skipped("findDraft", target, "needsDraft"));
    record(skipped("ifMatch", target, "needsDraft"));
    record(skipped("upload", target, "needsDraft"));
    return;
  }
  try {
    const ids = await probe.findMessages(mailbox, { ...dashboardQuery(), caseId });
    if (ids.includes(draft.id)) record(passed("findDraft", target, { found: ids.length }));
    else {
      record({
        id: "findDraft",
        target,
        status: "fail",
        facts: { found: ids.length },
        failure: { code: "notFound" },
        advice: "filterNoMatch",
      });
    }
  } catch (e) {
    record(failed("findDraft", target, e));
  }

  try {
    const outcome = await probe.patchWithStaleEtag(mailbox, draft, { state: "received", caseId });
    if (outcome.acceptedStatus === undefined) record(passed("ifMatch", target, { status: 412 }));
    else {
      record({
        id: "ifMatch",
        target,
        status: "fail",
        facts: { status: outcome.acceptedStatus },
        failure: { code: "conflict", status: outcome.acceptedStatus },
        advice: "ifMatchIgnored",
      });
    }
  } catch (e) {
    record(failed("ifMatch", target, e));
  }

  // Pregón uploads large attachments only into IT's mass-mail draft, so only IT's mailbox is tried.
  if (role !== "it") record(skipped("upload", target, "notItMailbox"));
  else {
    try {
      const outcome = await probe.uploadSession(mailbox, draft.id);
      record(passed("upload", target, { uploadHost: outcome.uploadHost, bytes: outcome.bytesSent }));
    } catch (e) {
      record(failed("upload", target, e));
    }
  }
}

interface CleanupContext {
  mailbox: MailboxId;
  target: string;
  caseId: string;
  draft: ProbeDraft | undefined;
  createUnclear: boolean;
}

async function cleanUp(probe: TenantProbe, context: CleanupContext): Promise<CheckResult> {
  const { mailbox, target, caseId, draft, createUnclear } = context;
  try {
    let ids: string[];
    if (draft) ids = [draft.id];
    else if (createUnclear) ids = await probe.findMessages(mailbox, { folder: "drafts", caseId });
    else return skipped("deleteDraft", target, "nothingCreated");
    for (const id of ids) await probe.deleteMessage(mailbox, id);
    for (const id of ids) {
      if (await probe.messageExists(mailbox, id)) {
        return {
          id: "deleteDraft",
          target,
          status: "fail",
          facts: { caseId },
          failure: { code: "conflict" },
          advice: "cleanupFailed",
        };
      }
    }
    return passed("deleteDraft", target, { deleted: ids.length });
  } catch (e) {
    return failed("deleteDraft", target, e, { caseId });
  }
}
