// Urgency: a labelled priority ("Prioridad: alta", "Priority: high") or urgent wording in the request
// ("URGENTE", "hoy mismo", "ASAP", "as soon as possible"). The message's own content is not read: a
// message saying "es urgente actualizar sus datos" does not make the request urgent.
import type { Urgency } from "../types";

const URGENT_WORDS =
  /\b(?:urgente|urgentes|urgent|urgently|con urgencia|hoy mismo|asap|lo antes posible|lo mas pronto posible|cuanto antes|de inmediato|inmediatamente|prioritari[oa]|as soon as possible|immediately|right away|high priority|prioridad alta)\b/;
const URGENT_VALUE = /\b(?:alta|urgente|inmediata|maxima|high|urgent|immediate|highest)\b/;
const NORMAL_VALUE = /\b(?:normal|media|baja|ordinaria|medium|low)\b/;

/** Reads a labelled priority value; undefined when the value says neither. */
export function urgencyFromLabel(foldedValue: string): Urgency | undefined {
  if (URGENT_VALUE.test(foldedValue)) return "urgent";
  return NORMAL_VALUE.test(foldedValue) ? "normal" : undefined;
}

/** Does free text (folded) ask for urgency? */
export function soundsUrgent(folded: string): boolean {
  return URGENT_WORDS.test(folded);
}
