// Which of the sender's extended properties a recipient's copy of internal mail carries.
//
// Internet headers always travel: an extended property in the PS_INTERNET_HEADERS set
// ({00020386-0000-0000-C000-000000000046}) goes out as an x- MIME header and is promoted again on the
// recipient's side, where it can be read and filtered as the same property (DESIGN.md; delivery.ts builds them).
//
// The sender's other MAPI named properties are another matter, and no Microsoft documentation promises either way
// for Exchange Online:
// - MAPI's own rule is that a named property that is sent keeps its name and the transport remaps it at the
//   destination ("Transmitting and Copying Named Properties", MAPI reference), and Exchange carries MAPI
//   properties between its mailboxes in TNEF; so they can arrive.
// - Graph users report that extended properties set on a sent message were missing on the received copy
//   (microsoftgraph/microsoft-graph-docs#12962 = microsoft-graph-docs-contrib#3434, unanswered), and
//   SingleValueExtendedProperties on sendMail not reaching the recipient (msgraph-sdk-dotnet#2210).
// So the emulator does both: "drop" (the default, the stricter) or "keep" (Tenant.behaviour). Pregón must work in
// either: IT's side relies only on x- internet headers.
import { INTERNET_HEADERS_SET } from "../state/extended-props";
import type { GraphExtendedProperty } from "../types";

export type NamedPropertiesOnDelivery = "drop" | "keep";

/** A named property: "Type {guid} Name x" or "Type {guid} Id 0x…" (a tagged "Type 0x…" is not one). */
function isNamed(property: GraphExtendedProperty): boolean {
  return /\{[0-9a-f-]{36}\}/i.test(property.id);
}

function isInternetHeader(property: GraphExtendedProperty): boolean {
  return property.id.toLowerCase().includes(`{${INTERNET_HEADERS_SET.toLowerCase()}}`);
}

/**
 * The properties of a recipient's copy: the promoted x- headers, plus (in "keep") the sender's named properties
 * that are not internet headers. Copies, never the sender's objects.
 */
export function recipientProperties(
  mode: NamedPropertiesOnDelivery,
  senderProperties: readonly GraphExtendedProperty[],
  promotedHeaders: readonly GraphExtendedProperty[],
): GraphExtendedProperty[] {
  const kept = mode === "keep" ? senderProperties.filter((p) => isNamed(p) && !isInternetHeader(p)) : [];
  return [...kept, ...promotedHeaders].map((p) => ({ ...p }));
}
