// Every user-visible string of the add-in, Spanish first (es.ts), English beside it (en.ts). `en` is typed
// against `es`, so a key missing in either language fails the type-check.
import { en } from "./en";
import { es } from "./es";

export type MessageKey = keyof typeof es;

export const catalogues: Record<"es" | "en", Record<MessageKey, string>> = { es, en };

export { en, es };
