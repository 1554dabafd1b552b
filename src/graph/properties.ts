// Every extended-property id Pregón reads or writes, in one place.
//
// Pregón's own values are MAPI named properties in a property set of our own (a fixed GUID chosen for Pregón;
// never change it, or every stored case becomes invisible). The case id also travels as an `x-` internet
// header on outgoing mail; Graph exposes internet headers as named properties in the PS_INTERNET_HEADERS
// set, which is how a header can be set on a draft made by createForward/createReply.
import type { CaseProps } from "../ports/mailService";

/** Pregón's property set. */
export const PREGON_PROPERTY_SET_GUID = "0bb34ac3-8e10-442d-8039-5a9450954b36";
/** PS_INTERNET_HEADERS: named properties in this set are sent as internet message headers. */
export const INTERNET_HEADERS_PROPERTY_SET_GUID = "00020386-0000-0000-C000-000000000046";

/** The internet header that carries the case id on forwards, reminders and confirmations. */
export const CASE_ID_HEADER_NAME = "x-pregon-case-id";

function namedString(setGuid: string, name: string): string {
  return `String {${setGuid}} Name ${name}`;
}

/** One extended property per CaseProps field; the key is the field, the value Graph's property id. */
export const CASE_PROPERTY_IDS: Readonly<Record<keyof CaseProps, string>> = {
  kind: namedString(PREGON_PROPERTY_SET_GUID, "pregon.kind"),
  caseId: namedString(PREGON_PROPERTY_SET_GUID, "pregon.caseId"),
  state: namedString(PREGON_PROPERTY_SET_GUID, "pregon.state"),
  dueDate: namedString(PREGON_PROPERTY_SET_GUID, "pregon.dueDate"),
  record: namedString(PREGON_PROPERTY_SET_GUID, "pregon.record"),
  // The entries a long record folded out (domain/compaction.ts): one more named property of the same set, so it
  // is read with the record in the same $expand and written with it in the same PATCH (one etag covers both).
  history: namedString(PREGON_PROPERTY_SET_GUID, "pregon.history"),
  itRecord: namedString(PREGON_PROPERTY_SET_GUID, "pregon.itRecord"),
  answer: namedString(PREGON_PROPERTY_SET_GUID, "pregon.answer"),
};

/**
 * An internet header as an extended property. Graph accepts `internetMessageHeaders` only when a message is
 * created, so headers on a createForward/createReply draft are set this way, by PATCH, before sending.
 */
export function internetHeaderPropertyId(headerName: string): string {
  return namedString(INTERNET_HEADERS_PROPERTY_SET_GUID, headerName);
}

/** The case-id header as an extended property (what a PATCH on a draft sets). */
export const CASE_ID_HEADER_PROPERTY_ID = internetHeaderPropertyId(CASE_ID_HEADER_NAME);

/**
 * PidTagMessageClass as a tagged property ("{type} {tag}"): Exchange's item class, e.g. REPORT.IPM.Note.NDR for
 * a non-delivery report, which Graph's message resource does not expose otherwise.
 */
export const MESSAGE_CLASS_PROPERTY_ID = "String 0x001A";

/** Graph takes only custom headers, and they must start with x-. */
export const CUSTOM_HEADER_NAME = /^x-[a-z0-9-]+$/i;

export const CASE_PROPERTY_KEYS = Object.keys(CASE_PROPERTY_IDS) as (keyof CaseProps)[];

/**
 * Which CaseProps field a property id returned by Graph belongs to. Graph may echo ids with different
 * letter case in the GUID (it normalizes them), so the match ignores case; our names differ regardless.
 */
export function casePropertyKeyOf(propertyId: string): keyof CaseProps | undefined {
  const wanted = propertyId.toLowerCase();
  return CASE_PROPERTY_KEYS.find((key) => CASE_PROPERTY_IDS[key].toLowerCase() === wanted);
}
