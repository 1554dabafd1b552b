// A mailbox as IT reads it in the pane: "Name <address>", or the address alone when there is no name.
import type { MailAddress } from "../../../domain/types";

export function mailboxText(m: MailAddress): string {
  const name = m.name?.trim();
  return name ? `${name} <${m.address}>` : m.address;
}
