// Outlook categories mirror a case's state for people who only look at the mail list.
// Only Pregón's own categories are replaced; the user's other categories stay.
import type { CaseState, Lang } from "../domain/types";

const PREFIX = "Pregón: ";

const LABELS: Record<Lang, Record<CaseState, string>> = {
  es: {
    received: "Recibido",
    forwarded: "En TIC",
    sent: "Enviado",
    confirmed: "Confirmado",
    closed: "Cerrado",
    cancelled: "Cancelado",
  },
  en: {
    received: "Received",
    forwarded: "With IT",
    sent: "Sent",
    confirmed: "Confirmed",
    closed: "Closed",
    cancelled: "Cancelled",
  },
};

export function stateCategory(state: CaseState, lang: Lang): string {
  return PREFIX + LABELS[lang][state];
}

export function withStateCategory(current: readonly string[], state: CaseState, lang: Lang): string[] {
  return [...current.filter((c) => !c.startsWith(PREFIX)), stateCategory(state, lang)];
}
