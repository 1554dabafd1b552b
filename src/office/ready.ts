// Start-up: wait for Office.js, and make sure it is Outlook, before building the OfficeMailHost.
import { AppError } from "../domain/errors";

export async function whenOutlookReady(): Promise<void> {
  if (typeof Office === "undefined") {
    throw new AppError("officeUnsupported", "Office.js is not loaded: open Pregón from Outlook");
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Outlook) {
    throw new AppError("officeUnsupported", "Pregón runs in Outlook only", {
      details: { host: String(info.host) },
    });
  }
}
