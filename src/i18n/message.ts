// Fills a catalogue template. Two kinds of placeholder:
// - `{name}`: replaced by the parameter; a missing parameter stays visible rather than vanishing;
// - `{name, plural, one {…} other {…}}`: the form for the count in `name`, chosen by `Intl.PluralRules` for the
//   language (Spanish and English have "one" and "other"; a language with more categories falls back to "other"
//   for any form the catalogue does not give). Inside a form, `#` is the count as passed (already formatted by
//   the caller, e.g. "1.234") and `{other}` placeholders work as outside.
// A count meets a noun only through the plural form, so "1 días hábiles" cannot be written (test/i18n/plural.test.ts
// scans both catalogues for it).

export type Params = Readonly<Record<string, string | number>>;

const rulesByLocale = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/**
 * The count a parameter stands for. Callers pass counts already formatted for display ("1.234" in Spanish,
 * "1,234" in English); counts are whole numbers, so the digits alone are the number.
 */
export function countOf(value: string | number): number | undefined {
  if (typeof value === "number") return value;
  const digits = value.replace(/\D/g, "");
  return digits === "" ? undefined : Number(digits);
}

/** The plural category ("one", "other", …) of `count` in `locale`. */
export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  return rulesFor(locale).select(count);
}

/** One form per plural category; "other" is required and is the fallback. */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;

/** The form of `forms` for `count` in `locale`. */
export function choosePlural(locale: string, count: number, forms: PluralForms): string {
  return forms[pluralCategory(locale, count)] ?? forms.other;
}

interface PluralBlock {
  /** Index of the block's opening brace and one past its closing brace. */
  start: number;
  end: number;
  name: string;
  forms: Partial<Record<string, string>>;
}

/** Reads a balanced `{…}` starting at `open` (which must be "{"); returns the inside and the index past "}". */
function balanced(text: string, open: number): { inner: string; end: number } | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}") {
      depth--;
      if (depth === 0) return { inner: text.slice(open + 1, i), end: i + 1 };
    }
  }
  return undefined;
}

function parsePlural(text: string, start: number): PluralBlock | undefined {
  const whole = balanced(text, start);
  if (!whole) return undefined;
  const head = /^\s*(\w+)\s*,\s*plural\s*,/.exec(whole.inner);
  if (!head) return undefined;
  const forms: Partial<Record<string, string>> = {};
  let rest = whole.inner.slice(head[0].length);
  for (;;) {
    const selector = /^\s*(zero|one|two|few|many|other)\s*(?=\{)/.exec(rest);
    const category = selector?.[1];
    if (!selector || !category) break;
    const form = balanced(rest, selector[0].length);
    if (!form) return undefined;
    forms[category] = form.inner;
    rest = rest.slice(form.end);
  }
  const name = head[1];
  if (rest.trim() !== "" || forms.other === undefined || !name) return undefined;
  return { start, end: whole.end, name, forms };
}

function fillSimple(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Fills `template` for `locale` (a BCP 47 tag such as "es-CO"). */
export function formatMessage(locale: string, template: string, params?: Params): string {
  if (!params) return template;
  let out = "";
  let i = 0;
  for (let open = template.indexOf("{", i); open >= 0; open = template.indexOf("{", i)) {
    out += template.slice(i, open);
    const block = parsePlural(template, open);
    if (block) {
      const value = params[block.name];
      const count = value === undefined ? undefined : countOf(value);
      if (value === undefined || count === undefined) {
        out += template.slice(block.start, block.end);
      } else {
        const form = block.forms[pluralCategory(locale, count)] ?? (block.forms.other as string);
        out += fillSimple(form.replace(/#/g, String(value)), params);
      }
      i = block.end;
      continue;
    }
    const simple = /^\{(\w+)\}/.exec(template.slice(open));
    const name = simple?.[1];
    if (simple && name) {
      out += name in params ? String(params[name]) : simple[0];
      i = open + simple[0].length;
    } else {
      out += "{";
      i = open + 1;
    }
  }
  return out + template.slice(i);
}
