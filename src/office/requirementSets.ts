// Office's requirement-set check for any set (NestedAppAuth, DialogApi, …), for code outside this folder that
// must not touch the Office global. Mailbox versions have their own helper in requirements.ts.

/** Whether the host supports requirement set `name` at `version`; false when Office is absent or cannot say. */
export function isSetSupported(name: string, version: string): boolean {
  if (typeof Office === "undefined") return false;
  try {
    return Office.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** Whether the Office.js script loaded at all (it comes from Microsoft's CDN: offline or blocked, it does not). */
export function isOfficeScriptLoaded(): boolean {
  return typeof Office !== "undefined";
}
