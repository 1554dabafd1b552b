// The taskpane's side of the Office-dialog sign-in: opens the dialog page and resolves with the one message it
// posts (see src/ports/dialogAuth.ts). Failures become the errors the token ladder already maps:
//   - DialogAuthFailure "dialog_closed" when the user closes the window (12006);
//   - DialogAuthFailure "dialog_failed" when the page posts something that is not a DialogAuthMessage, or a
//     message from another origin;
//   - AppError otherwise, with Office's code in details: a blocked or ignored prompt (12009, 12011) asks the user to
//     sign in again; a second dialog (12007) to retry; an untrusted domain, http or a missing page (12004, 12005,
//     12002, 12003) is a deployment problem for the administrator.
// Codes from "Handle errors and events in the Office dialog box" (Office Add-ins documentation).
import { DialogAuthFailure, DIALOG_ERROR_CODES, parseDialogMessage } from "../ports/dialogAuth";
import type { OpenDialogAuth } from "../ports/dialogAuth";
import { AppError } from "../domain/errors";

export const DIALOG_OFFICE_ERRORS = {
  /** The page is missing, or the dialog navigated somewhere it cannot load. */
  pageNotFound: 12002,
  /** The dialog navigated to an http URL. */
  insecureNavigation: 12003,
  /** The dialog's domain is not the add-in's (AppDomains). */
  untrustedDomain: 12004,
  /** The dialog URL is http. */
  insecureUrl: 12005,
  /** The user closed the dialog. */
  closed: 12006,
  /** Another dialog from this pane is already open. */
  alreadyOpen: 12007,
  /** The user declined Office on the web's prompt to open the dialog. */
  ignored: 12009,
  /** The browser blocked the pop-up (Office on the web). */
  popupBlocked: 12011,
} as const;

/** Size of the sign-in window, in percent of the screen (Office's defaults are 80%). */
const DIALOG_SIZE = { height: 60, width: 30 } as const;

type DialogArgs = { message: string; origin: string | undefined } | { error: number };

function dialogError(officeCode: number | undefined): AppError | DialogAuthFailure {
  const details = { operation: "displayDialogAsync", officeCode: officeCode ?? "none" };
  switch (officeCode) {
    case DIALOG_OFFICE_ERRORS.closed:
      return new DialogAuthFailure(DIALOG_ERROR_CODES.closed);
    case DIALOG_OFFICE_ERRORS.ignored:
    case DIALOG_OFFICE_ERRORS.popupBlocked:
      return new AppError("unauthenticated", "The sign-in window was not allowed to open", {
        nextStep: "signIn",
        details,
      });
    case DIALOG_OFFICE_ERRORS.alreadyOpen:
      return new AppError("officeFailed", "Another Pregón window is already open", {
        nextStep: "retry",
        details,
      });
    case DIALOG_OFFICE_ERRORS.pageNotFound:
    case DIALOG_OFFICE_ERRORS.insecureNavigation:
    case DIALOG_OFFICE_ERRORS.untrustedDomain:
    case DIALOG_OFFICE_ERRORS.insecureUrl:
      return new AppError(
        "config",
        "The sign-in page could not be opened: check auth.dialogUrl and AppDomains",
        {
          nextStep: "contactAdmin",
          details,
        },
      );
    default:
      return new AppError("officeFailed", "Outlook could not show the sign-in window", { details });
  }
}

/** An absolute https URL for the dialog: relative ones are resolved against the taskpane's own address. */
export function dialogStartAddress(url: string, base: string): string {
  return new URL(url, base).href;
}

function closeQuietly(dialog: Office.Dialog): void {
  try {
    dialog.close();
  } catch {
    // Already closed (the user was faster); nothing left to do.
  }
}

/**
 * Opens `url` in an Office dialog and resolves with the DialogAuthMessage text it posts with messageParent.
 * The dialog is closed as soon as it has answered.
 */
export const openDialogAuth: OpenDialogAuth = (url) =>
  new Promise<string>((resolve, reject) => {
    if (typeof Office === "undefined" || !Office.context?.ui) {
      reject(new AppError("officeUnsupported", "Office.js is not available: cannot open the sign-in window"));
      return;
    }
    let address: string;
    try {
      address = dialogStartAddress(url, window.location.href);
    } catch (e) {
      reject(
        new AppError("config", "auth.dialogUrl is not a valid URL", { cause: e, nextStep: "contactAdmin" }),
      );
      return;
    }
    const expectedOrigin = new URL(address).origin;
    let settled = false;

    const onOpened = (result: Office.AsyncResult<Office.Dialog>) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        settled = true;
        reject(dialogError(result.error?.code));
        return;
      }
      const dialog = result.value;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        closeQuietly(dialog);
        outcome();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (args: DialogArgs) => {
        if (!("message" in args)) return;
        const fromElsewhere = args.origin !== undefined && args.origin !== expectedOrigin;
        if (fromElsewhere || parseDialogMessage(args.message) === undefined) {
          finish(() => reject(new DialogAuthFailure(DIALOG_ERROR_CODES.failed)));
          return;
        }
        finish(() => resolve(args.message));
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (args: DialogArgs) => {
        if (!("error" in args)) return;
        finish(() => reject(dialogError(args.error)));
      });
    };

    try {
      Office.context.ui.displayDialogAsync(
        address,
        { ...DIALOG_SIZE, displayInIframe: false, promptBeforeOpen: true },
        onOpened,
      );
    } catch (e) {
      // Some clients throw synchronously instead of calling back (bad arguments, API missing).
      if (!settled) {
        settled = true;
        reject(new AppError("officeFailed", "Outlook could not show the sign-in window", { cause: e }));
      }
    }
  });
