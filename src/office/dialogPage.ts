// The dialog page's side of the Office-dialog sign-in: wait for Office inside the dialog, then post the one
// message back to the taskpane. (The taskpane's side is dialogAuth.ts.)
import { AppError } from "../domain/errors";

/** Resolves when Office.js is ready inside the dialog; rejects when the page was not opened by Office.js. */
export async function whenDialogReady(): Promise<void> {
  if (typeof Office === "undefined") {
    throw new AppError("officeUnsupported", "Office.js is not loaded in the sign-in window");
  }
  await Office.onReady();
  if (typeof Office.context?.ui?.messageParent !== "function") {
    throw new AppError("officeUnsupported", "This window was not opened by Pregón's taskpane");
  }
}

/** Sends `text` to the taskpane that opened this dialog (Office.context.ui.messageParent). */
export function postToParent(text: string): void {
  try {
    Office.context.ui.messageParent(text);
  } catch (e) {
    throw new AppError("officeFailed", "The sign-in window could not answer the taskpane", {
      cause: e,
      details: { operation: "messageParent" },
    });
  }
}
