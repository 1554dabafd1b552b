// The demo page's own chrome (not the taskpane's strings, which live in src/i18n/).
import type { Lang } from "../domain/types";
import { formatMessage } from "../i18n/message";

export const demoStrings = {
  es: {
    locale: "es-CO",
    title: "Pregón — demostración",
    subtitle: "Inquilino embebido: Graph emulado en esta página, sin Microsoft 365.",
    language: "Idioma",
    theme: "Tema",
    light: "Claro",
    dark: "Oscuro",
    paneWidth: "Ancho del panel",
    reset: "Restablecer demo",
    resetDone: "Demo restablecida.",
    faults: "Fallos de red",
    faultThrottle: "429 (Retry-After 2 s) en las próximas 3 solicitudes",
    faultUnavailable: "503 en el próximo envío",
    faultDrop: "Conexión caída tras el próximo envío",
    faultLatency: "Latencia de 800 ms",
    faultSentLate: "Elementos enviados con retraso, {seconds} s",
    faultClear: "Quitar fallos",
    faultsActive: "{count, plural, one {# regla activa} other {# reglas activas}}",
    inbox: "Bandeja de entrada",
    sentitems: "Elementos enviados",
    drafts: "Borradores",
    empty: "No hay mensajes.",
    attachment: "con adjunto",
    communications: "Comunicaciones",
    it: "División TIC",
    signedInAs: "{user} en {mailbox}",
    loading: "Iniciando el inquilino embebido…",
    draftOpened: "Borrador abierto para revisión: {id}",
  },
  en: {
    locale: "en-US",
    title: "Pregón — demo",
    subtitle: "Embedded tenant: Graph emulated in this page, no Microsoft 365.",
    language: "Language",
    theme: "Theme",
    light: "Light",
    dark: "Dark",
    paneWidth: "Pane width",
    reset: "Reset demo",
    resetDone: "Demo reset.",
    faults: "Network faults",
    faultThrottle: "429 (Retry-After 2 s) on the next 3 requests",
    faultUnavailable: "503 on the next send",
    faultDrop: "Dropped connection after the next send",
    faultLatency: "800 ms latency",
    faultSentLate: "Sent Items late, {seconds} s",
    faultClear: "Clear faults",
    faultsActive: "{count, plural, one {# active rule} other {# active rules}}",
    inbox: "Inbox",
    sentitems: "Sent Items",
    drafts: "Drafts",
    empty: "No messages.",
    attachment: "with attachment",
    communications: "Communications",
    it: "IT division",
    signedInAs: "{user} in {mailbox}",
    loading: "Starting the embedded tenant…",
    draftOpened: "Draft opened for review: {id}",
  },
} satisfies Record<Lang, Record<string, string>>;

export type DemoStrings = (typeof demoStrings)["es"];

/** "1 regla activa", "3 reglas activas": the fault button's count, in the plural form the language asks for. */
export function activeRulesLabel(strings: DemoStrings, count: number): string {
  return formatMessage(strings.locale, strings.faultsActive, { count });
}
