// Which Mailbox requirement set each Office.js API we use needs, and how the adapter checks at run time.
//
// Minimum: Mailbox 1.8 (what the manifest declares). Per API (Office JavaScript API reference):
//   convertToRestId / convertToEwsId ............ 1.3
//   ItemChanged event (pinned pane) ............. 1.5
//   Office.context.diagnostics.platform ......... 1.5
//   item.getSharedPropertiesAsync ............... 1.8 shared folders (delegate access), 1.13 shared mailboxes
//   displayMessageFormAsync ..................... 1.9 (displayMessageForm: 1.1)
//   Office.context.officeTheme in Outlook ....... 1.14
//   OfficeThemeChanged event .................... 1.14
// 1.8 covers everything the pane cannot work without (REST ids, selection changes, shared folders). The
// rest is feature-detected: on a client below 1.13 an item in a *shared mailbox* (not a shared folder) is
// not recognised as shared and is addressed as "me", so Graph answers notFound; below 1.14 the theme falls
// back to the web view's prefers-color-scheme and theme changes are not reported.
import { office } from "./officeGlobal";

export const MAILBOX_MIN_REQUIREMENT_SET = "1.8";

export const MAILBOX_API_REQUIREMENTS = {
  convertToRestId: "1.3",
  itemChangedEvent: "1.5",
  diagnosticsPlatform: "1.5",
  sharedFolders: "1.8",
  displayMessageFormAsync: "1.9",
  sharedMailboxes: "1.13",
  officeTheme: "1.14",
  officeThemeChangedEvent: "1.14",
} as const;

/** Whether the client supports Mailbox `version`; false when the client cannot say. */
export function supportsMailbox(version: string): boolean {
  try {
    return office().context.requirements?.isSetSupported("Mailbox", version) === true;
  } catch {
    return false;
  }
}
