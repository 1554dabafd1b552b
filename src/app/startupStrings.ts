// What the add-in says before the pane exists: start-up failures, and the sign-in window's own page. Kept here
// rather than in the pane's catalogue because these are shown without the pane (and mostly before Outlook has
// said which language it speaks).
import type { Lang } from "../domain/types";

export type StartupFailureReason =
  /** Office.js did not load from Microsoft's CDN (offline, proxy, blocked). */
  | "officeNotLoaded"
  /** Office.js loaded, but the page is not running inside Outlook (e.g. opened in a browser tab). */
  | "notOutlook"
  /** Office.js never said it was ready. */
  | "officeTimeout"
  /** Anything else. */
  | "unexpected";

interface StartupStrings {
  title: string;
  reasons: Record<StartupFailureReason, string>;
  reload: string;
  code: string;
  dialogSigningIn: string;
  dialogOutsideOffice: string;
  dialogFailed: string;
}

const es: StartupStrings = {
  title: "Pregón no pudo iniciar",
  reasons: {
    officeNotLoaded:
      "No se pudo descargar Office.js de Microsoft. Revise la conexión a Internet (o si un filtro de red bloquea appsforoffice.microsoft.com) y vuelva a abrir el panel.",
    notOutlook:
      "Pregón es un complemento de Outlook. Ábralo desde un mensaje en Outlook (web, Windows o Mac), no directamente en el navegador.",
    officeTimeout:
      "Outlook no respondió a tiempo. Cierre el panel y vuelva a abrirlo; si abrió esta página fuera de Outlook, ábrala desde Outlook.",
    unexpected:
      "Ocurrió un error inesperado al iniciar. Recargue el panel; si se repite, avise al administrador con el código de abajo.",
  },
  reload: "Recargar el panel",
  code: "Código: {code}",
  dialogSigningIn: "Iniciando sesión en Microsoft 365…",
  dialogOutsideOffice: "Outlook abre esta ventana para iniciar sesión en Pregón. Puede cerrarla.",
  dialogFailed: "No se pudo iniciar sesión. Cierre esta ventana y vuelva a intentarlo desde el panel.",
};

const en: StartupStrings = {
  title: "Pregón could not start",
  reasons: {
    officeNotLoaded:
      "Office.js could not be downloaded from Microsoft. Check the Internet connection (or whether a network filter blocks appsforoffice.microsoft.com) and open the pane again.",
    notOutlook:
      "Pregón is an Outlook add-in. Open it from a message in Outlook (web, Windows or Mac), not directly in a browser.",
    officeTimeout:
      "Outlook did not answer in time. Close the pane and open it again; if you opened this page outside Outlook, open it from Outlook.",
    unexpected:
      "Something unexpected went wrong while starting. Reload the pane; if it happens again, tell your administrator the code below.",
  },
  reload: "Reload the pane",
  code: "Code: {code}",
  dialogSigningIn: "Signing in to Microsoft 365…",
  dialogOutsideOffice: "Outlook opens this window to sign in to Pregón. You can close it.",
  dialogFailed: "Sign-in failed. Close this window and try again from the pane.",
};

export const STARTUP_STRINGS: Readonly<Record<Lang, StartupStrings>> = { es, en };
