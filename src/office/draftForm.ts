// Opening a Graph-made draft in an Outlook compose window, where the client can.
//
// What the documentation and the public issue tracker say (Office JavaScript API reference for
// Mailbox.displayMessageForm/displayMessageFormAsync; OfficeDev/office-js issues):
// - The API "displays an existing message"; it takes an EWS id (so a Graph id goes through convertToEwsId,
//   Mailbox 1.3). The docs never promise an editable compose form for a draft; in practice a draft opens in
//   its compose form on Windows (classic), new Outlook on Windows and Outlook on the web (issue #6133, whose
//   author reports it working there).
// - Outlook on the web and new Outlook on Windows open the form only when its body is at most 32K
//   characters; a draft with many attachments was also reported not to open on the web, closed "by design"
//   (#4696). Neither case returns an error: the call succeeds and nothing opens.
// - Outlook on Mac: reported to do nothing for drafts (#6133, open), and displayMessageFormAsync to report
//   success without showing anything (#4537, #6850). So Mac is "cannot open".
// - Outlook on iOS/Android: not supported (documented).
// - Office.context.diagnostics.platform is "OfficeOnline" for both Outlook on the web and new Outlook on
//   Windows, "PC" for classic Windows, "Mac" for both Mac versions.
// Because a failure can be silent, the UI should keep its own review view reachable even where this says yes.
import { AppError } from "../domain/errors";
import { displayForm, hasMessageForms } from "./messageForm";
import { office } from "./officeGlobal";

export function canOpenDraft(): boolean {
  let ns: typeof Office;
  try {
    ns = office();
  } catch {
    return false;
  }
  const platform = ns.context.diagnostics?.platform;
  const opensDrafts = platform === ns.PlatformType.PC || platform === ns.PlatformType.OfficeOnline;
  return opensDrafts && hasMessageForms(ns);
}

export async function openDraft(graphMessageId: string): Promise<void> {
  if (!canOpenDraft()) {
    throw new AppError("officeUnsupported", "This Outlook cannot open a draft for editing", {
      details: { operation: "displayMessageForm" },
    });
  }
  await displayForm(graphMessageId, "Outlook could not open the draft");
}
