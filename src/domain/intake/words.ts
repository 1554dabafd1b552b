// Word lists written as one string, so that long vocabularies stay readable (and formatters keep them short).

/** "a b c" → a set of the space-separated words. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** "una frase | otra frase" → the phrases, separated by "|" or a line break, trimmed. */
export function phrases(list: string): string[] {
  return list
    .split(/[|\n]/)
    .map((p) => p.trim().replace(/\s+/g, " "))
    .filter((p) => p !== "");
}
