// Which institutional audiences a request names, in Spanish or English, with synonyms ("profesores",
// "faculty", "funcionarios", "toda la comunidad universitaria") and exclusions ("excepto estudiantes").
// Only nouns for people count: adjectives such as "estudiantiles" or "actividades administrativas" and
// the "Faculty of …" of a unit's name do not name an audience.
import type { AudienceKey } from "../types";
import { AUDIENCE_KEYS } from "../types";

type Term = readonly [pattern: string, keys: readonly AudienceKey[]];

const ALL: readonly AudienceKey[] = AUDIENCE_KEYS;

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

function keysOf(match: RegExpExecArray): readonly AudienceKey[] {
  for (let i = 0; i < TERMS.length; i++) if (match[i + 1] !== undefined) return TERMS[i]?.[1] ?? [];
  return [];
}

/** Is an exclusion word between the start of the term's clause and the term? */
function isExcluded(folded: string, index: number): boolean {
  let clauseStart = index;
  while (clauseStart > 0 && !CLAUSE_END.test(folded.charAt(clauseStart - 1))) clauseStart--;
  EXCLUSION.lastIndex = clauseStart;
  const m = EXCLUSION.exec(folded);
  return m !== null && m.index < index;
}

/** The audiences named in a folded text, in the canonical order; empty when none is named. */
export function findAudiences(folded: string): AudienceKey[] {
  const included = new Set<AudienceKey>();
  const excluded = new Set<AudienceKey>();
  TERM_RE.lastIndex = 0;
  for (let m = TERM_RE.exec(folded); m; m = TERM_RE.exec(folded)) {
    const target = isExcluded(folded, m.index) ? excluded : included;
    for (const key of keysOf(m)) target.add(key);
  }
  return AUDIENCE_KEYS.filter((key) => included.has(key) && !excluded.has(key));
}
