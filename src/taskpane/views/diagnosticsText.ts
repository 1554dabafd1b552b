// The words of a self-check result, for its row in the view and for the plain-text report. The report names
// only configured addresses (mailboxes, groups) and the signed-in route; never the signed-in person.
import type { PregonConfig } from "../../config/schema";
import type { Lang } from "../../domain/types";
import type { MessageKey } from "../../i18n/catalogue";
import type { Params } from "../../i18n/translate";
import { ADVICE_ANCHORS } from "../../workflow/diagnostics";
import type { CheckResult, CheckStatus, PlannedCheck } from "../../workflow/diagnostics";

type T = (key: MessageKey, params?: Params) => string;

export const STATUS_KEYS: Readonly<Record<CheckStatus, MessageKey>> = {
  pass: "diag.status.pass",
  fail: "diag.status.fail",
  skipped: "diag.status.skipped",
};

export function checkName(
  check: PlannedCheck,
  t: T,
  config: PregonConfig,
  lang: Lang,
  audienceKey?: string | number,
): string {
  if (check.id !== "groupCount") return t(`diag.check.${check.id}`);
  const audience = config.audiences.find((a) => a.key === audienceKey || a.group === check.target);
  return t("diag.check.groupCount", { audience: audience ? audience.label[lang] : (check.target ?? "") });
}

function paneName(role: string | number | undefined, t: T): string {
  return role === "it" ? t("app.role.it") : t("app.role.communications");
}

/** What was seen, in words (may be empty). */
export function factLines(result: CheckResult, t: T): string[] {
  const f = result.facts;
  const lines: string[] = [];
  if (result.skipReason) lines.push(t(`diag.skip.${result.skipReason}`));
  switch (result.id) {
    case "signIn":
      if (f.mode === "naa" || f.mode === "dialog") lines.push(t(`diag.fact.mode.${f.mode}`));
      if (f.granted === "?") lines.push(t("diag.fact.grantedUnknown"));
      else if (f.granted !== undefined) lines.push(t("diag.fact.granted", { scopes: f.granted }));
      if (f.missing !== undefined) lines.push(t("diag.fact.missing", { scopes: f.missing }));
      break;
    case "role":
      if (f.itemRole !== undefined) {
        const item = `${paneName(f.itemRole, t)} (${String(f.itemMailbox)})`;
        lines.push(t("diag.fact.role", { pane: paneName(f.pane, t), item }));
      } else if (f.itemMailbox === "other") {
        lines.push(t("diag.fact.role", { pane: paneName(f.pane, t), item: t("diag.fact.roleOther") }));
      } else if (f.pane !== undefined) lines.push(t("diag.fact.rolePane", { pane: paneName(f.pane, t) }));
      break;
    case "findDraft":
      if (result.status === "pass") lines.push(t("diag.fact.found", { count: f.found ?? 0 }));
      break;
    case "ifMatch":
      if (result.status === "pass") lines.push(t("diag.fact.ifMatch412"));
      else if (result.advice === "ifMatchIgnored")
        lines.push(t("diag.fact.ifMatchAccepted", { status: f.status ?? "" }));
      break;
    case "upload":
      if (f.uploadHost !== undefined) lines.push(t("diag.fact.upload", { host: f.uploadHost }));
      break;
    case "groupCount":
      if (f.count !== undefined) lines.push(t("diag.fact.count", { count: f.count }));
      break;
    case "deleteDraft":
      if (result.status === "fail" && f.caseId !== undefined)
        lines.push(t("diag.fact.leftover", { caseId: f.caseId }));
      break;
    default:
      break;
  }
  return lines;
}

/** "HTTP 403 · ErrorAccessDenied", or the add-in's own code when Graph did not answer. */
export function failureLine(result: CheckResult, t: T): string | undefined {
  const failure = result.failure;
  if (result.status !== "fail" || !failure) return undefined;
  const code = failure.graphCode ?? failure.code;
  return failure.status !== undefined
    ? t("diag.error", { status: failure.status, code })
    : t("diag.errorNoStatus", { code });
}

export function adviceLines(result: CheckResult, t: T): { advice: string; docs: string } | undefined {
  if (!result.advice) return undefined;
  return {
    advice: t(`diag.advice.${result.advice}`),
    docs: t("diag.docs", { anchor: ADVICE_ANCHORS[result.advice] }),
  };
}

/** The whole run as plain text, one block per check, for "Copy report". */
export function diagnosticsReport(
  results: readonly CheckResult[],
  context: { t: T; config: PregonConfig; lang: Lang; at: string },
): string {
  const { t, config, lang, at } = context;
  const lines = [t("diag.reportTitle"), at, ""];
  for (const result of results) {
    const name = checkName(result, t, config, lang, result.facts.audience);
    const target = result.target ? ` — ${result.target}` : "";
    lines.push(`[${t(STATUS_KEYS[result.status]).toUpperCase()}] ${name}${target}`);
    for (const fact of factLines(result, t)) lines.push(`    ${fact}`);
    const failure = failureLine(result, t);
    if (failure) lines.push(`    ${failure}`);
    const advice = adviceLines(result, t);
    if (advice) lines.push(`    ${advice.advice}`, `    ${advice.docs}`);
  }
  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  lines.push("", t("diag.done", { pass: count("pass"), fail: count("fail"), skipped: count("skipped") }));
  return lines.join("\n");
}
