// Outlook categories mirror a case's state for people who only look at the mail list.
// Only Pregón's own categories are replaced; the user's other categories stay.
//
// Language: categories are data of the shared mailbox, seen alike by every delegate whatever Outlook's display
// language, so they are always written in the institution's language (config `institution.defaultLanguage`),
// never the pane's. Writing a state replaces any Pregón category already there, in either language, so a mailbox
// whose institution changed language does not end up with "Pregón: Cancelado" beside "Pregón: With IT".
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

/** Whether `category` is one of Pregón's (in either language), not one of the user's own. */
export function isPregonCategory(category: string): boolean {
  return category.startsWith(PREFIX);
}

export function withStateCategory(current: readonly string[], state: CaseState, lang: Lang): string[] {
  return [...current.filter((c) => !isPregonCategory(c)), stateCategory(state, lang)];
}
