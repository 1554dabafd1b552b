// Entry point of the Office-dialog sign-in page (dialog.html), the fallback where nested app authentication is
// unavailable. It only wires: Office readiness and messageParent (src/office), MSAL's redirect flow
// (src/auth/dialogSignIn.ts), and the same pregon.config.json as the taskpane for the app registration.
import "../domain/zodConfig";
import "../i18n/bundledLanguages";
import { DIALOG_ERROR_CODES, DIALOG_MESSAGE_TYPE, serializeDialogMessage } from "../ports/dialogAuth";
import type { DialogAuthMessage } from "../ports/dialogAuth";
import { signInInDialog } from "../auth/dialogSignIn";
import { fetchTextWith } from "../config/fetchText";
import { DEFAULT_CONFIG_URL, loadStartConfig } from "../config/startConfig";
import { pickLanguage, translate } from "../i18n/translate";
import { postToParent, whenDialogReady } from "../office/dialogPage";
import { START_TIMEOUT_MS, withTimeout } from "./startup";

const lang = pickLanguage(navigator.language, "es");

function say(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

/** The page's address without query or fragment: what the app registration lists as a SPA redirect URI. */
function ownAddress(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

async function signIn(): Promise<DialogAuthMessage | undefined> {
  const configResult = await loadStartConfig(fetchTextWith(window.fetch.bind(window)), DEFAULT_CONFIG_URL);
  if (!configResult.ok) return { type: DIALOG_MESSAGE_TYPE, ok: false, errorCode: DIALOG_ERROR_CODES.failed };
  return signInInDialog({
    settings: configResult.config.auth,
    redirectUri: ownAddress(),
    search: window.location.search,
  });
}

async function main(): Promise<void> {
  say(translate(lang, "startup.dialog.signingIn"));
  try {
    await withTimeout(whenDialogReady(), START_TIMEOUT_MS);
  } catch (e) {
    // Opened outside Office (or Office.js is missing): there is no taskpane to answer.
    console.error("Pregón sign-in window: Office is not available", e);
    say(translate(lang, "startup.dialog.outsideOffice"));
    return;
  }
  const message = await signIn();
  if (!message) return; // on the way to the identity platform; this page runs again when it comes back
  if (!message.ok) say(translate(lang, "startup.dialog.failed"));
  try {
    postToParent(serializeDialogMessage(message));
  } catch (e) {
    console.error("Pregón sign-in window could not answer the taskpane", e);
    say(translate(lang, "startup.dialog.failed"));
  }
}

void main();
