// Who the mass mail goes out as: the requested sender when it is one of the configured senders (IT has Send As
// on those), otherwise the institutional sender — and the pane says which.
import type { PregonConfig } from "../../config/schema";
import { fold } from "../../domain/intake/fold";
import type { MailAddress } from "../../domain/types";

export interface SenderChoice {
  sender: MailAddress;
  /** True when the requested sender is not a configured one and the institutional sender is used instead. */
  fallback: boolean;
}

export function chooseSender(config: PregonConfig, desired: string): SenderChoice {
  const wanted = fold(desired.trim());
  const match = config.allowedSenders.find(
    (s) =>
      fold(s.name) === wanted ||
      fold(s.address) === wanted ||
      (wanted.length > 8 && fold(s.name).startsWith(wanted)) ||
      (wanted.length > 8 && wanted.startsWith(fold(s.name))),
  );
  return match
    ? { sender: { name: match.name, address: match.address }, fallback: false }
    : { sender: { ...config.institutionalSender }, fallback: true };
}

export function institutionalSender(config: PregonConfig): SenderChoice {
  return { sender: { ...config.institutionalSender }, fallback: true };
}
