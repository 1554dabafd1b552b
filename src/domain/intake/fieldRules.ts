// How each field chooses between its labelled value, what free text says, and its default.
// A labelled value always wins: the requester took the trouble to structure the request.
import type { AudienceKey, DateOnly, Lang, Urgency } from "../types";
import { AUDIENCE_KEYS } from "../types";
import { readAudiences } from "./audiences";
import type { LabelledValue } from "./labelledValues";
import type { PhraseMatch } from "./phrases";
import { cleanInline } from "./plainText";
import { inferSendDate, labelledSendDate } from "./sendDate";
import type { IntakeNote, ProposedField } from "./types";

export const MISSING = { value: null, source: "missing" } as const;

/** A text field: its label, else the phrase found in free text (read from the original text). */
export function proposeText(
  label: LabelledValue | undefined,
  phrase: PhraseMatch | undefined,
  text: string,
): ProposedField<string> {
  if (label) return { value: label.value, source: "labelled" };
  const value = phrase ? cleanInline(text.slice(phrase.value.start, phrase.value.end)) : "";
  return value ? { value, source: "inferred" } : MISSING;
}

/**
 * A labelled audience that names none of the three (e.g. "egresados") does not stop inference. A request to
 * everyone ("Destinatarios: todos", "toda la comunidad universitaria") means every configured audience, and
 * that is Pregón's reading, not the request's words: it is marked inferred so the professional checks it.
 */
export function proposeAudiences(
  label: LabelledValue | undefined,
  instructions: string,
  configured: readonly AudienceKey[] = AUDIENCE_KEYS,
): ProposedField<AudienceKey[]> {
  const fromLabel = label ? readAudiences(label.folded, configured) : undefined;
  if (fromLabel && fromLabel.keys.length > 0) {
    return { value: fromLabel.keys, source: fromLabel.everyone ? "inferred" : "labelled" };
  }
  const inferred = readAudiences(instructions, configured).keys;
  return inferred.length > 0 ? { value: inferred, source: "inferred" } : MISSING;
}

/** A labelled date that cannot be read ("a convenir") lets free text speak. */
export function proposeDate(
  label: LabelledValue | undefined,
  instructions: string,
  ctx: { today: DateOnly; lang: Lang },
): { field: ProposedField<DateOnly>; notes: IntakeNote[] } {
  const fromLabel = label ? labelledSendDate(label.folded, ctx) : undefined;
  if (fromLabel?.date)
    return { field: { value: fromLabel.date, source: "labelled" }, notes: fromLabel.notes };
  const inferred = inferSendDate(instructions, ctx);
  return {
    field: inferred.date ? { value: inferred.date, source: "inferred" } : MISSING,
    notes: inferred.notes,
  };
}

export function proposeUrgency(
  label: LabelledValue | undefined,
  fromLabel: (folded: string) => Urgency | undefined,
  soundsUrgent: boolean,
): ProposedField<Urgency> {
  const labelled = label ? fromLabel(label.folded) : undefined;
  if (labelled) return { value: labelled, source: "labelled" };
  return soundsUrgent ? { value: "urgent", source: "inferred" } : { value: "normal", source: "default" };
}
