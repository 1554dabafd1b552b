// The values of the labelled lines, cleaned to plain text: the first non-empty value per field wins
// (a request that says "Asunto:" twice meant the first). Every label's span is returned too, so that
// free-text readers never read a labelled value again as instructions.
import { fold } from "./fold";
import type { LabelField, LabelHit } from "./labels";
import { labelValueSpan } from "./labels";
import { cleanInline } from "./plainText";
import type { Span } from "./types";

export interface LabelledValue {
  value: string;
  folded: string;
}

export interface LabelledValues {
  values: ReadonlyMap<LabelField, LabelledValue>;
  /** Label and value, for each label read. */
  spans: Span[];
}

/** Reads `hits` (the labels that count) with `allHits` (every label, to know where values end). */
export function readLabelledValues(
  text: string,
  hits: readonly LabelHit[],
  allHits: readonly LabelHit[],
): LabelledValues {
  const values = new Map<LabelField, LabelledValue>();
  const spans: Span[] = [];
  for (const hit of hits) {
    const span = labelValueSpan(text, hit, allHits);
    spans.push({ start: hit.start, end: span.end });
    const value = cleanInline(text.slice(span.start, span.end));
    if (value !== "" && !values.has(hit.field)) values.set(hit.field, { value, folded: fold(value) });
  }
  return { values, spans };
}
