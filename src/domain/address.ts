// E-mail addresses: the one rule every address Pregón sends to or records must pass (the requester, the
// configured mailboxes, groups and senders). Pure; the callers turn a problem into a localized message.
//
// The rule is a practical subset of RFC 5321 §4.1.2 "Mailbox" / RFC 5322 §3.4.1 "addr-spec", the part that
// real institutional addresses use:
//   - surrounding spaces are ignored (people paste them); an empty value is "missing";
//   - exactly one "@" separating a non-empty local part and a non-empty domain;
//   - no spaces or control characters anywhere inside;
//   - local part: a dot-atom of RFC 5322 atext (A–Z a–z 0–9 and ! # $ % & ' * + / = ? ^ _ ` { | } ~ -), at most
//     64 characters (RFC 5321 §4.5.3.1.1), no leading, trailing or doubled dot;
//   - domain: two or more labels separated by dots, each 1–63 letters, digits or hyphens, not starting or ending
//     with a hyphen, the last one not all digits; at most 253 characters; no trailing dot;
//   - the whole address at most 254 characters (the 256-octet path of RFC 5321 §4.5.3.1.3 less its brackets).
// Refused on purpose although the RFCs allow them, because no institutional address needs them and each has been
// a way to smuggle a second address or a display name into a field: quoted local parts ("a b"@x), comments,
// address literals (user@[10.0.0.1]), non-ASCII addresses (RFC 6531), and "Name <address>" (that is a mailbox
// with a display name; the address is what goes between the angle brackets).
import { AppError } from "./errors";

export type AddressProblem =
  /** Empty or only spaces. */
  | "missing"
  /** A display name with the address in angle brackets ("Laura <laura@x.edu>"): type only the address. */
  | "withName"
  | "spaces"
  | "noAt"
  | "manyAt"
  | "emptyLocal"
  | "emptyDomain"
  /** The part before "@" has a character outside atext, or a leading, trailing or doubled dot. */
  | "badLocal"
  /** The part after "@" is not a host name with at least one dot (e.g. "universidad" or "x..edu"). */
  | "badDomain"
  | "tooLong";

export const ADDRESS_PROBLEMS: readonly AddressProblem[] = [
  "missing",
  "withName",
  "spaces",
  "noAt",
  "manyAt",
  "emptyLocal",
  "emptyDomain",
  "badLocal",
  "badDomain",
  "tooLong",
];

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_ADDRESS = 254;
const ATEXT_DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
// Any whitespace, including no-break and other Unicode spaces that look like nothing on screen.
// eslint-disable-next-line no-control-regex
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/u;

/** What is wrong with `value` as an e-mail address, or null when it passes the rule above. */
export function checkAddress(value: string | null | undefined): AddressProblem | null {
  const address = (value ?? "").trim();
  if (address === "") return "missing";
  if (/<[^<>]*>/.test(address)) return "withName";
  if (SPACE_OR_CONTROL.test(address)) return "spaces";
  const at = address.split("@");
  if (at.length === 1) return "noAt";
  if (at.length > 2) return "manyAt";
  const [local = "", domain = ""] = at;
  if (local === "") return "emptyLocal";
  if (domain === "") return "emptyDomain";
  if (address.length > MAX_ADDRESS || local.length > MAX_LOCAL || domain.length > MAX_DOMAIN)
    return "tooLong";
  if (!ATEXT_DOT_ATOM.test(local)) return "badLocal";
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return "badDomain";
  if (/^\d+$/.test(labels[labels.length - 1] ?? "")) return "badDomain";
  return null;
}

/** True when `value` passes the rule (surrounding spaces allowed; callers store the trimmed value). */
export function isValidAddress(value: string | null | undefined): boolean {
  return checkAddress(value) === null;
}

/** Which address a refusal is about, so that the message can name it ("the requester's address"). */
export type AddressRole = "requester";

/**
 * The trimmed address, or a typed refusal (`invalidAddress`, details: role, problem) before anything is stored
 * or sent to it.
 */
export function requireAddress(value: string | null | undefined, role: AddressRole): string {
  const problem = checkAddress(value);
  if (problem) {
    throw new AppError("invalidAddress", `The ${role} address is not usable: ${problem}`, {
      details: { role, problem },
    });
  }
  return (value ?? "").trim();
}
