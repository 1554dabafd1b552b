// Showing an existing message (a dashboard row) in Outlook's own read form.
//
// Office JavaScript API reference, Mailbox.displayMessageForm / displayMessageFormAsync: the method "displays an
// existing message"; its itemId is an EWS id, so the Graph (REST v2.0) id the dashboard holds goes through
// Mailbox.convertToEwsId(id, RestVersion.v2_0) first (Mailbox 1.3; learn.microsoft.com, "Use the Outlook REST APIs
// from an Outlook add-in": ids from REST differ from the EWS ids Office.js takes and must be converted). The
// form opens in a window of its own; the selection, and so the pinned pane, stay where they are. The async form
// is Mailbox 1.9, the synchronous one 1.1. Not supported on Outlook for iOS and Android (documented).
import { AppError } from "../domain/errors";
import { officeAsync } from "./officeAsync";
import { office } from "./officeGlobal";
import { MAILBOX_API_REQUIREMENTS, supportsMailbox } from "./requirements";

/** Whether this Outlook has a form-opening method and the id conversion it needs (platform aside). */
export function hasMessageForms(ns: typeof Office): boolean {
  const mailbox = ns.context.mailbox;
  const canDisplay =
    typeof mailbox.displayMessageFormAsync === "function" || typeof mailbox.displayMessageForm === "function";
  return canDisplay && typeof mailbox.convertToEwsId === "function";
}

export function canOpenMessage(): boolean {
  let ns: typeof Office;
  try {
    ns = office();
  } catch {
    return false;
  }
  const platform = ns.context.diagnostics?.platform;
  if (platform === ns.PlatformType.iOS || platform === ns.PlatformType.Android) return false;
  return hasMessageForms(ns);
}

/**
 * Opens Outlook's form for a Graph id: the async method where Mailbox 1.9 is there, else the synchronous one.
 * `failure` is what the user is told when the synchronous call throws (the async one reports its own error).
 */
export async function displayForm(graphMessageId: string, failure: string): Promise<void> {
  const ns = office();
  const mailbox = ns.context.mailbox;
  const ewsId = mailbox.convertToEwsId(graphMessageId, ns.MailboxEnums.RestVersion.v2_0);
  if (
    supportsMailbox(MAILBOX_API_REQUIREMENTS.displayMessageFormAsync) &&
    typeof mailbox.displayMessageFormAsync === "function"
  ) {
    await officeAsync<void>("displayMessageFormAsync", (callback) =>
      mailbox.displayMessageFormAsync(ewsId, callback),
    );
    return;
  }
  try {
    mailbox.displayMessageForm(ewsId);
  } catch (e) {
    throw new AppError("officeFailed", failure, { cause: e, details: { operation: "displayMessageForm" } });
  }
}

export async function openMessageForm(graphMessageId: string): Promise<void> {
  if (!canOpenMessage()) {
    throw new AppError("officeUnsupported", "This Outlook cannot open a message from the pane", {
      details: { operation: "displayMessageForm" },
    });
  }
  await displayForm(graphMessageId, "Outlook could not open the message");
}
