// The requester's answer to IT's test send: approved, or changes asked. Decided from the reply's own words (the
// quoted test below them left out), so that no one has to click anything in the reply:
//
//   approved       the reply's first line, folded (lower case, no accents, punctuation as spaces), is or begins
//                  with an approval phrase from APPROVAL_PHRASES (Spanish and English: "aprobado", "de acuerdo",
//                  "ok", "approved", "looks good", …) and has none of the words in NOT_APPROVAL ("no", "pero",
//                  "but", "cambiar", "change", …), which turn "ok, pero cambien el título" into changes asked;
//   changesAsked   anything else, with the reply's own text (clipped) for IT to read.
//
// An empty reply is changes asked with no text: silence is not approval.
import { htmlToText } from "./intake/htmlText";

export type TestVerdict = "approved" | "changesAsked";

export const APPROVAL_PHRASES: readonly string[] = [
  // es
  "aprobado",
  "aprobada",
  "apruebo",
  "aprobamos",
  "de acuerdo",
  "esta bien",
  "todo bien",
  "correcto",
  "conforme",
  "listo",
  "adelante",
  "perfecto",
  "si",
  "ok",
  "okay",
  "vale",
  // en
  "approved",
  "approve",
  "i approve",
  "we approve",
  "looks good",
  "look good",
  "all good",
  "fine",
  "go ahead",
  "yes",
  "lgtm",
  "perfect",
];

/** Words that make a reply that starts with an approval ask for something after all. */
const NOT_APPROVAL: readonly string[] = [
  "no",
  "not",
  "pero",
  "but",
  "sin embargo",
  "however",
  "excepto",
  "except",
  "cambiar",
  "cambie",
  "cambien",
  "cambio",
  "cambios",
  "change",
  "changes",
  "corregir",
  "corrija",
  "corrijan",
  "fix",
  "falta",
  "missing",
  "error",
];

/** At most this many characters of the reply are kept. */
export const MAX_REPLY_TEXT = 1000;

/** Lines that start the quoted message under a reply (Outlook's header block, "On … wrote:", "> "). */
const QUOTE_START = [
  /^-{2,}\s*(mensaje original|original message)/i,
  /^_{5,}/,
  /^(de|from|enviado|sent|para|to|asunto|subject)\s*:/i,
  /^(el|on)\s.+(escribio|escribió|wrote)\s*:?\s*$/i,
  /^>/,
];

/** The reply's own words: its text up to the quoted message. */
export function ownWords(bodyHtmlOrText: string, isHtml: boolean): string {
  const text = isHtml ? htmlToText(bodyHtmlOrText) : bodyHtmlOrText;
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (QUOTE_START.some((re) => re.test(trimmed))) break;
    lines.push(trimmed);
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function fold(text: string): string {
  return ` ${text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9ñ]+/g, " ")
    .trim()} `;
}

/** Approved or changes asked, and the words to show (see the rule at the top of this file). */
export function decideTestReply(ownText: string): { verdict: TestVerdict; text: string } {
  const text = ownText.trim().slice(0, MAX_REPLY_TEXT);
  const firstLine = text.split("\n").find((l) => l.trim() !== "") ?? "";
  const folded = fold(firstLine);
  const approves = APPROVAL_PHRASES.some((p) => folded.startsWith(` ${p} `));
  const objects = NOT_APPROVAL.some((w) => folded.includes(` ${w} `));
  return { verdict: approves && !objects ? "approved" : "changesAsked", text };
}
