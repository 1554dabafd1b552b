// Links whose text says nothing about where they go ("clic aquí", "más información"): a screen reader's list of
// links reads "aquí, aquí, aquí", and a reader skimming the mail cannot tell one link from another.
import type { ScannedLink } from "./htmlScan";

/**
 * Link texts that say nothing on their own, in Spanish and English, as `normalizeLinkText` leaves them (lower
 * case, no accents, no punctuation). Texts that name their target ("Inscripciones aquí", "Descargue el
 * reglamento") are fine and not listed.
 */
export const VAGUE_LINK_TEXTS: ReadonlySet<string> = new Set([
  // Spanish
  "aqui",
  "aca",
  "clic",
  "click",
  "clic aqui",
  "click aqui",
  "clik aqui",
  "clic aca",
  "click aca",
  "haz clic",
  "haz click",
  "haz clic aqui",
  "haz click aqui",
  "haga clic",
  "haga click",
  "haga clic aqui",
  "haga click aqui",
  "de clic aqui",
  "de click aqui",
  "dar clic aqui",
  "pulse aqui",
  "pulsa aqui",
  "presione aqui",
  "ingrese aqui",
  "ingresa aqui",
  "entre aqui",
  "mas",
  "ver",
  "ver mas",
  "leer mas",
  "lea mas",
  "saber mas",
  "mas info",
  "mas informacion",
  "para mas informacion",
  "informacion",
  "enlace",
  "este enlace",
  "el enlace",
  "link",
  "este link",
  "el link",
  "ir",
  "descargar",
  "descargue",
  "descargue aqui",
  // English
  "here",
  "click",
  "click here",
  "click this",
  "this",
  "this link",
  "the link",
  "more",
  "more info",
  "more information",
  "for more information",
  "read more",
  "learn more",
  "see more",
  "details",
  "info",
  "go",
  "download",
  "download here",
]);

/** Lower case, accents and punctuation removed, spaces collapsed: "¡Clic AQUÍ!" → "clic aqui". */
export function normalizeLinkText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function isVagueLinkText(text: string): boolean {
  return VAGUE_LINK_TEXTS.has(normalizeLinkText(text));
}

export interface VagueLinkFinding {
  /** The link's text as the reader sees it. */
  where: string;
  href: string;
}

/** Links with a text from VAGUE_LINK_TEXTS. A link with no text at all (an image link) is the alt check's job. */
export function findVagueLinks(links: readonly ScannedLink[]): VagueLinkFinding[] {
  return links.filter((l) => isVagueLinkText(l.text)).map((l) => ({ where: l.text, href: l.href }));
}
