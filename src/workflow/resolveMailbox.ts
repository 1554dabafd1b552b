// Which mailbox the selected message lives in, and so which pane (Communications or IT) it belongs to.
//
// People sign in as themselves and work in comunicaciones@ / tic@ as delegates (Full Access, Send As); Microsoft
// advises never to sign in to a shared mailbox. The role therefore comes from the item's mailbox and the
// configuration, never from the signed-in address.
//
// Outlook names the owner of a shared item (getSharedPropertiesAsync), except where it does not:
// - Outlook on the web, "Open another mailbox": the method is undefined, and /me answers 404 for the item
//   (office-js issue #1295); userProfile then even reports the shared mailbox's address (office-js #3837);
// - new Outlook and the web with the shared mailbox added as an account: no shared properties at all
//   (office-js #5682, #3837).
// The host then says "me". Reading /me blindly would fail or, worse, act in the wrong mailbox: when /me does not
// hold the item (Graph 404, ErrorItemNotFound), the configured mailboxes are tried, and when none holds it the
// person is told what to do.
import type { PregonConfig } from "../config/schema";
import { AppError } from "../domain/errors";
import type { SelectedItem } from "../ports/mailHost";
import type { MailboxId } from "../ports/mailService";
import type { WorkflowContext } from "./context";
import { mailboxRole } from "./role";
import type { PaneRole } from "./role";

export type { PaneRole };

export interface ResolvedItem {
  /** The selected item, its `mailbox` being where it really lives ("me" or a mailbox address). */
  item: SelectedItem;
  /** The pane it belongs to; undefined for a mailbox that is neither configured one (a personal mailbox). */
  role?: PaneRole;
}

/** The role of a configured mailbox; undefined for any other address. */
export function roleOfMailbox(config: PregonConfig, address: string | undefined): PaneRole | undefined {
  return address ? mailboxRole(address, config) : undefined;
}

/** Finds the mailbox of the selected item (see the file comment); throws AppError "mailboxUnknown" when none. */
export async function resolveMailbox(ctx: WorkflowContext, item: SelectedItem): Promise<ResolvedItem> {
  if (item.mailbox !== "me") {
    // Outlook named the owner: trust it.
    return { item, role: roleOfMailbox(ctx.config, item.mailbox) };
  }
  if (await holds(ctx, "me", item.itemId)) {
    // The signed-in person's own mailbox (a configured one only for someone signed in to it directly).
    return { item, role: roleOfMailbox(ctx.config, ctx.user) };
  }
  for (const mailbox of candidates(ctx)) {
    if (await holds(ctx, mailbox, item.itemId)) {
      return { item: { ...item, mailbox }, role: roleOfMailbox(ctx.config, mailbox) };
    }
  }
  throw new AppError("mailboxUnknown", "The selected message is in none of the mailboxes Pregón can reach", {
    details: { communications: ctx.config.communicationsMailbox, it: ctx.config.itMailbox },
  });
}

/**
 * The configured mailboxes, Communications first. The person's own address is not left out: where Outlook on
 * the web reports the opened shared mailbox as the user's address (office-js #3837), it is not what /me is.
 */
function candidates(ctx: WorkflowContext): MailboxId[] {
  const { communicationsMailbox, itMailbox } = ctx.config;
  return communicationsMailbox.toLowerCase() === itMailbox.toLowerCase()
    ? [communicationsMailbox]
    : [communicationsMailbox, itMailbox];
}

/**
 * Whether the mailbox holds the message. Not found (404) and no access (403: not a delegate of that mailbox)
 * both mean "not here"; anything else (network, throttling, sign-in) is a real failure and is thrown.
 */
async function holds(ctx: WorkflowContext, mailbox: MailboxId, id: string): Promise<boolean> {
  try {
    await ctx.mail.getMessage(mailbox, id);
    return true;
  } catch (e) {
    if (e instanceof AppError && (e.code === "notFound" || e.code === "forbidden")) return false;
    throw e;
  }
}
