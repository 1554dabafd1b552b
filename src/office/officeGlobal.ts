// The one place that reaches for the `Office` global (lint allows it only in src/office/).
import { AppError } from "../domain/errors";

/** The Office.js namespace, or officeUnsupported when the pane runs outside Office (e.g. a plain browser tab). */
export function office(): typeof Office {
  if (typeof Office === "undefined" || !Office.context?.mailbox) {
    throw new AppError("officeUnsupported", "Office.js is not available: the pane is not running in Outlook");
  }
  return Office;
}
