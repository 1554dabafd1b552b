// Free-text phrases that name the desired sender or the subject ("Que salga a nombre de la …",
// 'El asunto puede ser "…"', "on behalf of the …", 'The subject could be "…"'). Matching runs on the
// folded text (see fold.ts); values are read from the original text at the same positions.
import type { Span } from "./types";

// Folded phrases; the value starts right after the match.
const SENDER_CUES: readonly RegExp[] = [
  /\ba nombre de (?:(?:la|el|los|las) )?/g,
  /\bcomo remitente (?:(?:a|al) )?(?:(?:la|el) )?/g,
  /\bel remitente (?:puede ser|podria ser|seria|sera|debe ser|es) (?:(?:la|el) )?/g,
  /\bon behalf of (?:the )?/g,
  /\b(?:come|go out|be sent|sent out) from (?:the )?/g,
  /\bthe sender (?:could|can|should|would|will|may|might)? ?be (?:the )?/g,
];

// Weak cues ("es", "with the subject") count only when a colon or an opening quote follows.
const QUOTED = `(?: ?: ?| (?=["“«'‘]))`;
const SUBJECT_CUES: readonly RegExp[] = [
  /\b(?:el )?asunto (?:puede ser|podria ser|seria|sera|debe ser|deberia ser) ?:? ?/g,
  new RegExp(`\\b(?:el )?asunto (?:sugerido )?es${QUOTED}`, "g"),
  new RegExp(`\\b(?:con|bajo) (?:el )?asunto${QUOTED}`, "g"),
  /\b(?:the )?subject(?: line)? (?:could|can|should|would|will|may|might) be ?:? ?/g,
  new RegExp(`\\b(?:the )?subject(?: line)? is${QUOTED}`, "g"),
  new RegExp(`\\bwith the subject(?: line)?${QUOTED}`, "g"),
];

const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', "“": "”", "«": "»", "'": "'", "‘": "’" };

/** A name runs to the end of its clause. */
const NAME_END = /[.;,!?()\n"“”]/;
/** A subject without quotes runs to the end of its sentence. */
const SENTENCE_END = /[.;!?\n]/;

function firstMatch(cues: readonly RegExp[], folded: string): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  for (const cue of cues) {
    cue.lastIndex = 0;
    const m = cue.exec(folded);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best;
}

function runTo(folded: string, start: number, stop: RegExp, max: number): Span | undefined {
  const rest = folded.slice(start, start + max);
  const cut = rest.search(stop);
  const end = start + (cut === -1 ? rest.length : cut);
  return folded.slice(start, end).trim() === "" ? undefined : { start, end };
}

export interface PhraseMatch {
  /** The whole phrase, cue and value (masked afterwards so other fields do not read it again). */
  phrase: Span;
  value: Span;
}

/** The desired sender named in free text, if any. */
export function findSenderPhrase(folded: string): PhraseMatch | undefined {
  const m = firstMatch(SENDER_CUES, folded);
  if (!m) return undefined;
  const value = runTo(folded, m.index + m[0].length, NAME_END, 120);
  return value && { phrase: { start: m.index, end: value.end }, value };
}

/** The subject proposed in free text: the quoted text after the cue, or the rest of the sentence. */
export function findSubjectPhrase(folded: string): PhraseMatch | undefined {
  const m = firstMatch(SUBJECT_CUES, folded);
  if (!m) return undefined;
  const start = m.index + m[0].length;
  const close = CLOSING_QUOTE[folded.charAt(start)];
  if (close) {
    const end = folded.indexOf(close, start + 1);
    if (end > start + 1 && !folded.slice(start + 1, end).includes("\n")) {
      return { phrase: { start: m.index, end: end + 1 }, value: { start: start + 1, end } };
    }
  }
  const value = runTo(folded, start, SENTENCE_END, 200);
  return value && { phrase: { start: m.index, end: value.end }, value };
}
