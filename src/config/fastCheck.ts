// The start-up check of pregon.config.json without zod. Building and running the zod schema costs about half a
// second on a slow laptop before the pane can show anything; a deployed file is almost always valid, so the
// pane first asks this hand-written check, and only when it says "not sure" loads zod (schema.ts, its own chunk)
// to produce the detailed, per-field problems.
//
// The check is one-sided on purpose: it may send a valid file to zod (e.g. a name with a leading space, which
// zod trims), but it must never accept a file that zod rejects, nor return anything but what zod would. Its
// e-mail pattern is therefore a strict subset of zod's, and text must already be trimmed. The test
// (test/config/fastCheck.test.ts) holds it to that against zod on the template and on many broken variants.
import { isValidAddress } from "../domain/address";
import { isDateOnly } from "../domain/dates";
import { AUDIENCE_KEYS } from "../domain/types";
import {
  CONFIG_SCHEMA_VERSION,
  LEAD_TIME_DAYS,
  URGENT_HOURS,
  NOT_CONFIGURED_GUID,
  isDialogUrl,
  isImageHost,
  isKnownTimeZone,
} from "./rules";
import type { PregonConfig } from "./schema";

type Obj = Record<string, unknown>;

// Dot-separated runs of letters, digits, "_", "+", "-" before the "@"; a dotted host name after it.
const EMAIL = /^[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Exactly these keys may be present (strict objects); `required` must all be. */
function keysOk(value: Obj, required: readonly string[], optional: readonly string[] = []): boolean {
  const keys = Object.keys(value);
  return (
    required.every((k) => keys.includes(k)) && keys.every((k) => required.includes(k) || optional.includes(k))
  );
}

const isText = (v: unknown): boolean => typeof v === "string" && v.length > 0 && v.trim() === v;
// Also the add-in's one address rule (domain/address.ts), which the schema applies after trimming: an untrimmed
// value is left to the schema, so what this check returns is exactly what zod would.
const isEmail = (v: unknown): boolean =>
  typeof v === "string" && v === v.trim() && EMAIL.test(v) && isValidAddress(v);
const SEND_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isInt = (v: unknown, min: number, max: number): boolean =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max;

function isMailbox(v: unknown): boolean {
  return isObj(v) && keysOk(v, ["name", "address"]) && isText(v["name"]) && isEmail(v["address"]);
}

function isAudience(v: unknown): boolean {
  if (!isObj(v) || !keysOk(v, ["key", "label", "group"])) return false;
  const label = v["label"];
  return (
    (AUDIENCE_KEYS as readonly unknown[]).includes(v["key"]) &&
    isObj(label) &&
    keysOk(label, ["es", "en"]) &&
    isText(label["es"]) &&
    isText(label["en"]) &&
    isEmail(v["group"])
  );
}

function allDistinct(values: readonly unknown[]): boolean {
  return new Set(values).size === values.length;
}

function isAuth(v: unknown): boolean {
  if (!isObj(v) || !keysOk(v, ["clientId", "tenantId"], ["dialogUrl"])) return false;
  const { clientId, tenantId, dialogUrl } = v;
  return (
    typeof clientId === "string" &&
    GUID.test(clientId) &&
    clientId !== NOT_CONFIGURED_GUID &&
    typeof tenantId === "string" &&
    tenantId !== NOT_CONFIGURED_GUID &&
    (tenantId === "organizations" || GUID.test(tenantId)) &&
    (dialogUrl === undefined || (typeof dialogUrl === "string" && isDialogUrl(dialogUrl)))
  );
}

const TOP_REQUIRED = [
  "$schemaVersion",
  "institution",
  "communicationsMailbox",
  "itMailbox",
  "audiences",
  "allowedSenders",
  "institutionalSender",
  "leadTimeDays",
  "closedDays",
  "auth",
] as const;
const TOP_OPTIONAL = [
  "$comment",
  "staleClaimMinutes",
  "imageHosts",
  "scheduledSendTime",
  "signature",
  "testSend",
  "urgent",
] as const;

/** A signature per language: both languages, each a string of at most 1000 characters (schema.ts). */
function isSignatureByLang(value: unknown): boolean {
  return (
    isObj(value) &&
    keysOk(value, ["es", "en"]) &&
    [value["es"], value["en"]].every((t) => typeof t === "string" && t.length <= 1000)
  );
}

/** The urgent lane's hours (schema.ts): `reminderHours` required, `dueHours` optional, whole hours 1–45. */
function isUrgent(value: unknown): boolean {
  return (
    isObj(value) &&
    keysOk(value, ["reminderHours"], ["dueHours"]) &&
    isInt(value["reminderHours"], URGENT_HOURS.min, URGENT_HOURS.max) &&
    (value["dueHours"] === undefined || isInt(value["dueHours"], URGENT_HOURS.min, URGENT_HOURS.max))
  );
}

function isSignature(value: unknown): boolean {
  return (
    isObj(value) &&
    keysOk(value, [], ["communications", "it"]) &&
    (value["communications"] === undefined || isSignatureByLang(value["communications"])) &&
    (value["it"] === undefined || isSignatureByLang(value["it"]))
  );
}

/**
 * The configuration when the parsed JSON is certainly valid (the very value zod would return), undefined when
 * it is not or the check cannot tell: then schema.ts decides and says what is wrong.
 */
export function fastCheckConfig(json: unknown): PregonConfig | undefined {
  if (!isObj(json) || !keysOk(json, TOP_REQUIRED, TOP_OPTIONAL)) return undefined;
  const j = json;
  const institution = j["institution"];
  const audiences = j["audiences"];
  const senders = j["allowedSenders"];
  const closedDays = j["closedDays"];
  const ok =
    j["$schemaVersion"] === CONFIG_SCHEMA_VERSION &&
    (j["$comment"] === undefined || typeof j["$comment"] === "string") &&
    isObj(institution) &&
    keysOk(institution, ["name", "timeZone", "defaultLanguage"]) &&
    isText(institution["name"]) &&
    typeof institution["timeZone"] === "string" &&
    isKnownTimeZone(institution["timeZone"]) &&
    (institution["defaultLanguage"] === "es" || institution["defaultLanguage"] === "en") &&
    isEmail(j["communicationsMailbox"]) &&
    isEmail(j["itMailbox"]) &&
    Array.isArray(audiences) &&
    audiences.length >= 1 &&
    audiences.length <= AUDIENCE_KEYS.length &&
    audiences.every(isAudience) &&
    allDistinct(audiences.map((a: Obj) => a["key"])) &&
    Array.isArray(senders) &&
    senders.every(isMailbox) &&
    allDistinct(senders.map((s: Obj) => String(s["address"]).toLowerCase())) &&
    isMailbox(j["institutionalSender"]) &&
    isInt(j["leadTimeDays"], LEAD_TIME_DAYS.min, LEAD_TIME_DAYS.max) &&
    Array.isArray(closedDays) &&
    closedDays.every((d) => typeof d === "string" && isDateOnly(d)) &&
    (j["staleClaimMinutes"] === undefined || isInt(j["staleClaimMinutes"], 1, 24 * 60)) &&
    (j["imageHosts"] === undefined ||
      (Array.isArray(j["imageHosts"]) &&
        j["imageHosts"].every((h) => typeof h === "string" && isImageHost(h)))) &&
    (j["scheduledSendTime"] === undefined ||
      (typeof j["scheduledSendTime"] === "string" && SEND_TIME.test(j["scheduledSendTime"]))) &&
    (j["signature"] === undefined || isSignature(j["signature"])) &&
    (j["testSend"] === undefined ||
      (isObj(j["testSend"]) &&
        keysOk(j["testSend"], ["approvalRequired"]) &&
        typeof j["testSend"]["approvalRequired"] === "boolean")) &&
    (j["urgent"] === undefined || isUrgent(j["urgent"])) &&
    isAuth(j["auth"]);
  return ok ? (json as PregonConfig) : undefined;
}
