// Which institutional audiences a request names, in Spanish or English, with synonyms ("profesores",
// "faculty", "funcionarios", "toda la comunidad universitaria") and exclusions ("excepto estudiantes").
// Only nouns for people count: adjectives such as "estudiantiles" or "actividades administrativas" and
// the "Faculty of …" of a unit's name do not name an audience.
import type { AudienceKey } from "../types";
import { AUDIENCE_KEYS } from "../types";

/** A term names some audiences, or everyone (every configured audience, whatever they are). */
type Term = readonly [pattern: string, keys: readonly AudienceKey[] | typeof ALL];

const ALL = "all";

/** A greeting or thanks before "todos"/"everyone" speaks to the reader, it does not name an audience. */
const NOT_AFTER_GREETING =
  "(?<!(?:gracias|saludo|saludos|dias|tardes|noches|hola|hi|hello|thanks|thank you|dear) (?:a |para )?)";

// Folded patterns (see fold.ts). Longer phrases are matched first and consume their words, so that
// "personal no docente" is staff, not faculty, and "teaching staff" is faculty, not staff.
const TERMS: readonly Term[] = [
  ["toda la comunidad(?: universitaria| academica| institucional)?", ALL],
  ["(?:la )?comunidad universitaria", ALL],
  ["todos los estamentos", ALL],
  ["toda la universidad", ALL],
  ["(?:the )?(?:whole|entire) (?:university )?community", ALL],
  ["(?:the )?university community", ALL],
  ["everyone at the university", ALL],
  ["(?:the )?(?:whole|entire) university", ALL],
  ["all (?:members of the )?university(?: members)?", ALL],
  ["all (?:staff and students|students and staff)", ALL],
  ["todo el personal y (?:los |todos los )?estudiantes", ALL],
  ["(?:los )?estudiantes y todo el personal", ALL],
  // "Todos" and "everyone" on their own; "todos los estudiantes" is the students (the next word decides).
  [
    `${NOT_AFTER_GREETING}(?:a |para )?(?:todos y todas|todas y todos|todos|todas)(?! (?:los|las|el|la|sus|ustedes|nosotros)\\b)`,
    ALL,
  ],
  [`${NOT_AFTER_GREETING}(?:everyone|everybody)`, ALL],
  ["estudiantes", ["estudiantes"]],
  ["estudiantado", ["estudiantes"]],
  ["alumn(?:os|as|ado)", ["estudiantes"]],
  ["students", ["estudiantes"]],
  ["student body", ["estudiantes"]],
  ["undergraduates", ["estudiantes"]],
  ["personal no docente", ["administrativos"]],
  ["(?:personal|cuerpo|planta) docente", ["docentes"]],
  ["docentes", ["docentes"]],
  ["profesor(?:es|as|ado)", ["docentes"]],
  ["catedraticos", ["docentes"]],
  ["maestros", ["docentes"]],
  ["faculty(?: members)?(?! of)", ["docentes"]],
  ["professors", ["docentes"]],
  ["lecturers", ["docentes"]],
  ["teachers", ["docentes"]],
  ["(?:teaching|academic) staff", ["docentes"]],
  ["non-? ?academic staff", ["administrativos"]],
  ["personal administrativo", ["administrativos"]],
  ["administrativos", ["administrativos"]],
  ["funcionari(?:os|as)", ["administrativos"]],
  ["(?:administrative|support|university) staff", ["administrativos"]],
  ["(?:all )?staff members", ["administrativos"]],
  ["all staff", ["administrativos"]],
  ["employees", ["administrativos"]],
  ["empleados", ["administrativos"]],
];

const TERM_RE = new RegExp(`\\b(?:${TERMS.map(([p]) => `(${p})`).join("|")})\\b`, "g");
const EXCLUSION =
  /\b(?:excepto|salvo|menos|sin incluir|no incluir|excluyendo|except|excluding|but not|not to)\b/g;
const CLAUSE_END = /[.;\n]/;

function keysOf(match: RegExpExecArray): Term[1] {
  for (let i = 0; i < TERMS.length; i++) if (match[i + 1] !== undefined) return TERMS[i]?.[1] ?? [];
  return [];
}

export interface FoundAudiences {
  keys: AudienceKey[];
  /** The request addressed everyone ("toda la comunidad", "todos", "all staff and students"). */
  everyone: boolean;
}

/** Where exclusion words start in a folded text, in order (none straddles a clause end: they have no . ; or line break). */
function exclusionStarts(folded: string): number[] {
  const starts: number[] = [];
  EXCLUSION.lastIndex = 0;
  for (let m = EXCLUSION.exec(folded); m; m = EXCLUSION.exec(folded)) starts.push(m.index);
  return starts;
}

/** The audiences named in a folded text, in the canonical order; empty when none is named. */
export function findAudiences(folded: string, all: readonly AudienceKey[] = AUDIENCE_KEYS): AudienceKey[] {
  return readAudiences(folded, all).keys;
}

/**
 * The audiences a folded text names, and whether it addressed everyone: then `all` (the configured
 * audiences) stands for it, less any it excludes ("toda la comunidad excepto estudiantes").
 */
export function readAudiences(folded: string, all: readonly AudienceKey[] = AUDIENCE_KEYS): FoundAudiences {
  let everyone = false;
  const included = new Set<AudienceKey>();
  const excluded = new Set<AudienceKey>();
  const exclusions = exclusionStarts(folded);
  // Terms come in order, so the start of the current clause and the first exclusion word in it only move
  // forward: one pass over the text in all, however many terms a long clause holds.
  let scanned = 0;
  let clauseStart = 0;
  let next = 0;
  TERM_RE.lastIndex = 0;
  for (let m = TERM_RE.exec(folded); m; m = TERM_RE.exec(folded)) {
    for (; scanned < m.index; scanned++)
      if (CLAUSE_END.test(folded.charAt(scanned))) clauseStart = scanned + 1;
    while (next < exclusions.length && (exclusions[next] ?? 0) < clauseStart) next++;
    // An exclusion word between the start of the term's clause and the term excludes it.
    const isExcluded = next < exclusions.length && (exclusions[next] ?? 0) < m.index;
    const target = isExcluded ? excluded : included;
    const keys = keysOf(m);
    if (keys === ALL && !isExcluded) everyone = true;
    for (const key of keys === ALL ? all : keys) target.add(key);
  }
  const keys = AUDIENCE_KEYS.filter((key) => included.has(key) && !excluded.has(key));
  return { keys, everyone: everyone && keys.length > 0 };
}
