// The demo's stand-in for Office.js item ids. Outlook gives an add-in EWS ids (Office.context.mailbox.item.itemId);
// Graph wants REST ids, and an add-in must convert with
// Office.context.mailbox.convertToRestId(id, Office.MailboxEnums.RestVersion.v2_0) (learn.microsoft.com,
// office/dev/add-ins/outlook/use-rest-api and javascript/api/outlook/office.mailboxenums.restversion). The two are
// different strings for the same item: the id an Outlook client hands an add-in is the base64 of its own
// structure ([MS-OXCEXT] 3.1.4.5, "Mail App Requests Web Services Identifier"), not the id Graph returns.
//
// So that code which forgets the conversion fails in the demo and in tests, the stand-in's EWS id is a different
// string: standard base64 of a leading format byte followed by the REST id. It never starts with "AAMk", so
// the embedded tenant answers 400 ErrorInvalidIdMalformed to an unconverted id, as Exchange does to a string
// that is not one of its item ids.

const FORMAT_BYTE = 0x01;
const REST_V2 = "v2.0";

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The EWS-style id Outlook would give for the item whose Graph (REST) id is `restId`. */
export function toEwsId(restId: string): string {
  const rest = new TextEncoder().encode(restId);
  const bytes = new Uint8Array(rest.length + 1);
  bytes[0] = FORMAT_BYTE;
  bytes.set(rest, 1);
  return toBase64(bytes);
}

/** Stand-in for Office.context.mailbox.convertToRestId: only EWS-style ids, only REST v2.0 (what Graph uses). */
export function convertToRestId(ewsId: string, restVersion: string): string {
  if (restVersion !== REST_V2) throw new Error(`convertToRestId: REST version '${restVersion}' is not v2.0.`);
  const bytes = fromBase64(ewsId);
  if (!bytes || bytes[0] !== FORMAT_BYTE) throw new Error("convertToRestId: not an EWS item id.");
  return new TextDecoder().decode(bytes.subarray(1));
}
