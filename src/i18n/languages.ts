// The catalogues the pane has in memory. Spanish, the working language and the source of the keys, is always
// there; English is its own chunk, fetched only when Outlook's display language asks for it (most users never
// need it, and it is as large as the Spanish one). Until it has arrived — or if it cannot be fetched — strings
// come from Spanish, so no screen is ever blank.
import type { Lang } from "../domain/types";
import type { MessageKey } from "./catalogue";
import { es } from "./es";

export type Catalogue = Readonly<Record<MessageKey, string>>;

const loaded: Partial<Record<Lang, Catalogue>> = { es };

/** The catalogue for `lang` if it is loaded, Spanish otherwise. */
export function catalogueFor(lang: Lang): Catalogue {
  return loaded[lang] ?? es;
}

export function isLanguageLoaded(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}

/** Registers a catalogue that is already in memory (the demo and the tests bundle both languages). */
export function provideLanguage(lang: Lang, catalogue: Catalogue): void {
  loaded[lang] = catalogue;
}

/** Fetches the catalogue for `lang` (a no-op for Spanish or one already loaded); rejects if the chunk cannot load. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (loaded[lang]) return;
  const { en } = await import(/* webpackChunkName: "i18n-en" */ "./en");
  loaded.en = en;
}
