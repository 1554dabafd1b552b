// Exchange writes the quote header of a reply or forward it creates (createReply/createForward) in English with
// the original's sent time in UTC, whatever the mailbox's language or zone and even with
// `Prefer: outlook.timezone` (public reports: microsoftgraph/microsoft-graph-docs issues #5481, #5035, #15767):
//   <div id="divRplyFwdMsg" …><b>From:</b> … <br><b>Sent:</b> Tuesday, August 20, 2019 7:53:20 AM<br>…
// A Spanish relay then quotes "From:/Sent:" and a UTC time under Spanish text. The adapter rewrites that one
// header (the outermost divRplyFwdMsg, the one Exchange just wrote; older quotes inside stay as their authors
// wrote them) in the mail's language, with the time in the institution's zone. Anything it does not recognise
// is left as Exchange wrote it.
import type { Lang } from "../domain/types";

export interface QuoteHeaderLanguage {
  lang: Lang;
  /** IANA zone of the institution, for the quoted sent time. */
  timeZone: string;
}

const LABELS: Record<Lang, Record<"From" | "Sent" | "To" | "Cc" | "Subject", string>> = {
  // The words Outlook itself uses in a Spanish quote header.
  es: { From: "De", Sent: "Enviado", To: "Para", Cc: "CC", Subject: "Asunto" },
  en: { From: "From", Sent: "Sent", To: "To", Cc: "Cc", Subject: "Subject" },
};

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "Tuesday, August 20, 2019 7:53:20 AM" (UTC, as Exchange writes it) → the instant; undefined otherwise. */
export function parseExchangeSent(text: string): Date | undefined {
  const m =
    /^\s*[A-Za-z]+,\s+([A-Za-z]+)\s+(\d{1,2}),\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)\s*$/i.exec(
      text,
    );
  if (!m) return undefined;
  const [, monthName = "", day = "", year = "", hour = "", minute = "", second = "0", half = ""] = m;
  const month = MONTHS.indexOf(monthName.toLowerCase());
  const h12 = Number(hour);
  if (month < 0 || h12 < 1 || h12 > 12) return undefined;
  const h24 = (h12 % 12) + (half.toUpperCase() === "PM" ? 12 : 0);
  const d = new Date(Date.UTC(Number(year), month, Number(day), h24, Number(minute), Number(second)));
  return d.getUTCDate() === Number(day) ? d : undefined;
}

/** The sent time as Outlook shows it in a quote header, in the reader's language and the institution's zone. */
function formatSent(d: Date, { lang, timeZone }: QuoteHeaderLanguage): string {
  return new Intl.DateTimeFormat(lang === "es" ? "es-CO" : "en-US", {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(d);
}

const HEADER = /(<div\b[^>]*\bid\s*=\s*["']?divRplyFwdMsg\b[^>]*>)([\s\S]*?)(<\/div>)/i;
const LINE = /<b>\s*(From|Sent|To|Cc|Subject):\s*<\/b>([^<]*)/gi;

/** The draft body with Exchange's quote header in `language`; unchanged when there is no header it recognises. */
export function localizeQuoteHeader(html: string, language: QuoteHeaderLanguage): string {
  const header = HEADER.exec(html);
  if (!header) return html;
  const [whole, open = "", inner = "", close = ""] = header;
  const labels = LABELS[language.lang];
  const rewritten = inner.replace(LINE, (_line, label: string, value: string) => {
    const key = (label.charAt(0).toUpperCase() + label.slice(1).toLowerCase()) as keyof typeof labels;
    if (key !== "Sent") return `<b>${labels[key]}:</b>${value}`;
    const sent = parseExchangeSent(value.replace(/&nbsp;/g, " "));
    return sent ? `<b>${labels.Sent}:</b> ${formatSent(sent, language)}` : `<b>${labels.Sent}:</b>${value}`;
  });
  return html.slice(0, header.index) + open + rewritten + close + html.slice(header.index + whole.length);
}

/** The quote header's language and zone from the institution's configuration (mails are in its default language). */
export function quoteHeaderOf(config: {
  institution: { defaultLanguage: Lang; timeZone: string };
}): QuoteHeaderLanguage {
  return { lang: config.institution.defaultLanguage, timeZone: config.institution.timeZone };
}
