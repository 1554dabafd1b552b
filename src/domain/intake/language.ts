// The request's language, from common function words: Spanish unless English clearly dominates
// (the institution works in Spanish; English requests must still be read as English).
import type { Lang } from "../types";

const SPANISH =
  /\b(?:de|la|el|los|las|que|por|para|con|del|una|favor|envio|enviar|mensaje|asunto|gracias)\b/g;
const ENGLISH = /\b(?:the|and|to|of|please|send|message|subject|for|with|this|all|thank|thanks|dear)\b/g;

export function detectLanguage(folded: string): Lang {
  const spanish = folded.match(SPANISH)?.length ?? 0;
  const english = folded.match(ENGLISH)?.length ?? 0;
  return english > spanish ? "en" : "es";
}
