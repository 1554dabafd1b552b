// Roles and the configured mailboxes, for the self-check. The pane's role follows the mailbox the selected item
// lives in (workflow/resolveMailbox.ts), never the signed-in address; the self-check reports that choice.
import type { PregonConfig } from "../config/schema";

export type PaneRole = "communications" | "it";

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The role a configured mailbox stands for; undefined for any other mailbox. */
export function mailboxRole(address: string, config: PregonConfig): PaneRole | undefined {
  if (same(address, config.itMailbox)) return "it";
  if (same(address, config.communicationsMailbox)) return "communications";
  return undefined;
}

/** The configured mailbox of a role. */
export function roleMailbox(role: PaneRole, config: PregonConfig): string {
  return role === "it" ? config.itMailbox : config.communicationsMailbox;
}

/** The SMTP address of the mailbox an item lives in ("me" is the signed-in user's own). */
export function itemMailboxAddress(itemMailbox: string, userAddress: string): string {
  return itemMailbox.trim().toLowerCase() === "me" ? userAddress : itemMailbox;
}
