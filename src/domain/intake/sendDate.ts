// The requested send date. A labelled date ("Fecha de envío: …") is the send date. In free text a date
// is the send date only when the sentence ties it to sending ("enviar hoy mismo", "send it next Monday");
// a date tied to an event ("la jornada … será el próximo martes 8 de diciembre") is when something
// happens, and presenting it as the send date would make the mail go out on the day of the event.
// Such dates are reported as notes so the professional can plan the send before them.
import type { DateOnly } from "../types";
import type { DateContext, DateMention } from "./dates";
import { findDates } from "./dates";
import type { IntakeNote } from "./types";

export interface SendDate {
  date: DateOnly | undefined;
  notes: IntakeNote[];
}

const SEND_CUE =
  /\b(?:envi\w*|mand\w*|remitir\w*|salga|salir|sale|publi\w*|divulg\w*|difund\w*|circul\w*|send|sent|sending|go out|goes out|publish\w*|distribut\w*)\b/g;
const EVENT_CUE =
  /\b(?:sera|seran|es el|se realiza\w*|se llevara\w*|tendra lugar|se celebra\w*|jornada|evento|cierre|cierra|hasta|plazo|inscripciones|abiert[oa]s?|comienza|inicia|empieza|event|will be held|will take place|takes place|held|deadline|until|closes|opens|starts|begins)\b/g;
const ASAP =
  /\b(?:inmediat\w*|de inmediato|lo antes posible|lo mas pronto posible|cuanto antes|asap|as soon as possible|immediately|right away)\b/;
const SENTENCE_END = /[.!?\n]/;

type Cue = "send" | "event";

function cuesIn(text: string): Array<{ index: number; cue: Cue }> {
  const found: Array<{ index: number; cue: Cue }> = [];
  for (const [re, cue] of [
    [SEND_CUE, "send"],
    [EVENT_CUE, "event"],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) found.push({ index: m.index, cue });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * How far from a date its cue is looked for, each way. A sentence of ordinary prose is far shorter; a
 * "sentence" of a whole pasted page (no full stop, no line break) would otherwise be read again for every
 * date in it, which is quadratic in the size of the request.
 */
const CUE_REACH = 400;

const WORD = /\w/;
/** Is position `at` inside a word (a word character on both sides)? */
const insideWord = (folded: string, at: number) =>
  at > 0 && at < folded.length && WORD.test(folded.charAt(at - 1)) && WORD.test(folded.charAt(at));

/**
 * What a date in free text is about: the nearest cue before it in its sentence, else the first after,
 * each within CUE_REACH characters of the date (a cut never falls inside a word).
 */
function classify(folded: string, mention: DateMention): Cue | undefined {
  const reachBack = Math.max(0, mention.start - CUE_REACH);
  let start = mention.start;
  while (start > reachBack && !SENTENCE_END.test(folded.charAt(start - 1))) start--;
  while (start < mention.start && insideWord(folded, start)) start++;
  let reach = Math.min(folded.length, mention.end + CUE_REACH);
  while (reach > mention.end && insideWord(folded, reach)) reach--;
  const rest = folded.slice(mention.end, reach);
  const stop = rest.search(SENTENCE_END);
  const before = cuesIn(folded.slice(start, mention.start));
  const after = cuesIn(stop === -1 ? rest : rest.slice(0, stop));
  return before[before.length - 1]?.cue ?? after[0]?.cue;
}

function notesFor(mention: DateMention, today: DateOnly): IntakeNote[] {
  const notes: IntakeNote[] = [];
  if (mention.statedWeekday !== undefined) {
    notes.push({ code: "weekdayMismatch", date: mention.date, statedWeekday: mention.statedWeekday });
  }
  if (mention.ambiguous) notes.push({ code: "ambiguousNumericDate", date: mention.date });
  if (mention.date < today) notes.push({ code: "dateInThePast", date: mention.date });
  return notes;
}

/** The date in a labelled value ("4 de diciembre de 2026", "hoy", "lo antes posible"). */
export function labelledSendDate(foldedValue: string, ctx: DateContext): SendDate {
  const mention = findDates(foldedValue, ctx)[0];
  if (mention) return { date: mention.date, notes: notesFor(mention, ctx.today) };
  // "As soon as possible" as a send date means today.
  return { date: ASAP.test(foldedValue) ? ctx.today : undefined, notes: [] };
}

/** The send date stated in the requester's free text, and notes about the other dates found there. */
export function inferSendDate(folded: string, ctx: DateContext): SendDate {
  let chosen: DateMention | undefined;
  const notes: IntakeNote[] = [];
  for (const mention of findDates(folded, ctx)) {
    const cue = classify(folded, mention);
    if (cue === "send" && !chosen) chosen = mention;
    if (cue === "event" && !notes.some((n) => n.code === "eventDate" && n.date === mention.date)) {
      notes.push({ code: "eventDate", date: mention.date });
    }
  }
  return { date: chosen?.date, notes: chosen ? [...notesFor(chosen, ctx.today), ...notes] : notes };
}
