// Which pane a person gets. The pane chooses by the signed-in address today (tic@ → IT, anyone else →
// Communications); the self-check compares that with the mailbox the selected item lives in.
import type { PregonConfig } from "../config/schema";

export type PaneRole = "communications" | "it";

function same(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The role the pane shows for this signed-in address. */
export function paneRoleFor(userAddress: string, config: PregonConfig): PaneRole {
  return same(userAddress, config.itMailbox) ? "it" : "communications";
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
