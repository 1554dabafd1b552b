// The requesting unit. A labelled "Unidad solicitante:" wins. Otherwise the unit is whoever sent the
// request (its display name), and when the desired sender names that same unit more fully
// ("Decanatura Facultad de Ingeniería Electrónica" → "… y Telecomunicaciones"), the fuller name is used.
import type { MailAddress } from "../types";
import { fold } from "./fold";
import type { ProposedField } from "./types";

function comparable(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\b(?:la|el|los|las|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Do two names denote the same unit (one equals or extends the other)? */
export function sameUnit(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  return x !== "" && y !== "" && (x.startsWith(y) || y.startsWith(x));
}

export function proposeUnit(
  labelled: string | undefined,
  desiredSender: ProposedField<string>,
  requester: MailAddress,
): ProposedField<string> {
  if (labelled) return { value: labelled, source: "labelled" };
  const senderName = requester.name?.trim() || requester.address;
  if (desiredSender.value !== null && sameUnit(desiredSender.value, senderName)) {
    return desiredSender.value.length >= senderName.length
      ? { value: desiredSender.value, source: desiredSender.source }
      : { value: senderName, source: "default" };
  }
  return { value: senderName, source: "default" };
}
