// The message selected in Outlook, identified for Graph.
//
// - Office gives an EWS id; Graph wants the REST (v2.0) form: convertToRestId.
// - New Outlook on Mac has been reported to leave item.itemId empty on read-mode messages (office-js issues
//   #5875, #5876). mailbox.getSelectedItemsAsync would still return the id, but it needs the read/write mailbox
//   permission and an add-in that declares multi-select ("Activate your Outlook add-in on multiple messages");
//   Pregón asks only ReadWriteItem and no multi-select, so that call would fail on every client. Without an id
//   the pane says so (officeFailed, reload) rather than pretending to have a fallback.
// - An item in a shared folder or shared mailbox lives in its owner's mailbox: getSharedPropertiesAsync
//   (1.8 folders / 1.13 mailboxes) names the owner, and Graph addresses it as /users/{owner}. The method is
//   missing, or fails, when the item is not shared (the documented way to tell), and then the mailbox is "me".
//   It is also missing where the item IS shared but the client cannot say so (Outlook on the web's "Open another
//   mailbox", office-js #1295; a shared mailbox added as an account, #5682): "me" therefore means "not known to be
//   shared", and the workflow (resolveMailbox.ts) looks in the configured mailboxes when /me does not hold it.
import { AppError } from "../domain/errors";
import type { MailAddress } from "../domain/types";
import type { SelectedItem } from "../ports/mailHost";
import { officeAsync } from "./officeAsync";
import { office } from "./officeGlobal";

export async function readSelectedItem(): Promise<SelectedItem | null> {
  const ns = office();
  const mailbox = ns.context.mailbox;
  const item = mailbox.item;
  if (!item || item.itemType !== ns.MailboxEnums.ItemType.Message) return null;
  const read: Office.MessageRead = item;
  // Compose forms have no itemId property: the pane only works on received messages.
  if (typeof read.itemId !== "string") return null;
  const ewsId = read.itemId;
  const itemId = ewsId ? mailbox.convertToRestId(ewsId, ns.MailboxEnums.RestVersion.v2_0) : "";
  if (!itemId) {
    throw new AppError("officeFailed", "Outlook did not give the selected message's id", {
      details: { operation: "itemId" },
    });
  }
  const selected: SelectedItem = {
    itemId,
    subject: read.subject ?? "",
    mailbox: await ownerMailbox(read, mailbox.userProfile.emailAddress),
  };
  const from = toMailAddress(read.from);
  if (from) selected.from = from;
  if (read.conversationId) selected.conversationId = read.conversationId;
  return selected;
}

function toMailAddress(details: Office.EmailAddressDetails | undefined): MailAddress | undefined {
  if (!details?.emailAddress) return undefined;
  return details.displayName
    ? { name: details.displayName, address: details.emailAddress }
    : { address: details.emailAddress };
}

async function ownerMailbox(item: Office.MessageRead, userAddress: string): Promise<string> {
  if (typeof item.getSharedPropertiesAsync !== "function") return "me";
  try {
    const shared = await officeAsync<Office.SharedProperties>("getSharedPropertiesAsync", (callback) =>
      item.getSharedPropertiesAsync(callback),
    );
    const owner = shared.owner?.trim();
    return owner && owner.toLowerCase() !== userAddress.toLowerCase() ? owner : "me";
  } catch {
    return "me";
  }
}
