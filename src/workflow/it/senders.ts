// Who the mass mail goes out as: a configured sender (IT has Send As on those) picked by its ADDRESS, otherwise
// the institutional sender — and the pane says which, and why.
//
// A display name never picks a sender: names are free text a requester types ("Office of International
// Relations" for the configured "Oficina de Relaciones Internacionales") and one unit's name can begin with
// another's ("Secretaría General de la Facultad de Ingeniería" is not the university's "Secretaría General").
// An address can be compared: the add-in's address rule (domain/address.ts), case-insensitively (the local part
// of an Exchange address is not case-sensitive, and neither is the domain).
//   1. An address written in the desired sender ("Rectoría <rectoria@…>", or only the address) picks the
//      configured sender with that address; Communications can type it there to say exactly who.
//   2. Otherwise the request asks to go out as the unit that wrote it: the requester's address picks the
//      configured sender with that address — when the desired sender names that unit (the requester's display
//      name or the configured name, the same unit written more or less fully: intake's sameUnit). A request
//      that names some other unit is not sent as the requester.
import type { PregonConfig } from "../../config/schema";
import { isValidAddress } from "../../domain/address";
import { sameUnit } from "../../domain/intake/unit";
import type { MailAddress } from "../../domain/types";

/** Why the institutional sender is used instead of the requested one. */
export type SenderFallbackReason =
  /** The address asked for (written, or the requester's) is not a configured sender. */
  | "notConfigured"
  /** The desired sender names a unit other than the one that wrote, and gives no address for it. */
  | "noAddress";

export interface SenderChoice {
  sender: MailAddress;
  /** True when the requested sender is not a configured one and the institutional sender is used instead. */
  fallback: boolean;
  /** Why, when `fallback` (absent for the institutional sender chosen on purpose). */
  reason?: SenderFallbackReason;
  /** The address that was looked for among the configured senders and not found (reason "notConfigured"). */
  asked?: string;
}

/** What the choice reads from the case: the desired sender as Communications confirmed it, and the requester. */
export interface SenderRequest {
  fields: { desiredSender: string };
  requester: MailAddress;
}

/** The address rule's form of an address for comparing: trimmed and lower-cased; null when it is not one. */
export function comparableAddress(value: string | undefined): string | null {
  const trimmed = (value ?? "").trim();
  return isValidAddress(trimmed) ? trimmed.toLowerCase() : null;
}

/** The addresses written in a desired sender: between angle brackets, or words that pass the address rule. */
export function addressesIn(text: string): string[] {
  const bracketed = [...text.matchAll(/<([^<>]*)>/g)].map((m) => m[1] ?? "");
  const words = text
    .replace(/<[^<>]*>/g, " ")
    .split(/[\s,;()[\]]+/)
    .filter((w) => w.includes("@"));
  return [...bracketed, ...words].map((a) => comparableAddress(a)).filter((a): a is string => a !== null);
}

export function chooseSender(config: PregonConfig, request: SenderRequest): SenderChoice {
  const byAddress = (address: string | null) =>
    address === null
      ? undefined
      : config.allowedSenders.find((s) => comparableAddress(s.address) === address);
  const desired = request.fields.desiredSender.trim();
  const written = addressesIn(desired);
  if (written.length > 0) {
    // Every address written must be the same configured sender: two different ones say nothing for sure.
    const matches = written.map(byAddress);
    const first = matches[0];
    return first && matches.every((m) => m === first)
      ? { sender: { name: first.name, address: first.address }, fallback: false }
      : fallbackTo(config, "notConfigured", written.find((a) => !byAddress(a)) ?? written.join(", "));
  }
  const requesterAddress = comparableAddress(request.requester.address);
  const own = byAddress(requesterAddress);
  const names = [request.requester.name, own?.name].filter((n): n is string => !!n && n.trim() !== "");
  const asksForRequester = desired !== "" && names.some((n) => sameUnit(desired, n));
  if (!asksForRequester) return fallbackTo(config, "noAddress");
  return own
    ? { sender: { name: own.name, address: own.address }, fallback: false }
    : fallbackTo(config, "notConfigured", requesterAddress ?? request.requester.address);
}

function fallbackTo(config: PregonConfig, reason: SenderFallbackReason, asked?: string): SenderChoice {
  return { sender: { ...config.institutionalSender }, fallback: true, reason, ...(asked ? { asked } : {}) };
}

export function institutionalSender(config: PregonConfig): SenderChoice {
  return { sender: { ...config.institutionalSender }, fallback: true };
}
