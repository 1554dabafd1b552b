// Why the add-in could not start; the words for each reason are in the catalogue (startup.reason.*).

export type StartupFailureReason =
  /** Office.js did not load from Microsoft's CDN (offline, proxy, blocked). */
  | "officeNotLoaded"
  /** Office.js loaded, but the page is not running inside Outlook (e.g. opened in a browser tab). */
  | "notOutlook"
  /** Office.js never said it was ready. */
  | "officeTimeout"
  /** Anything else. */
  | "unexpected";
