// A count that meets a noun takes the noun's plural form from the language's plural rules (Intl.PluralRules):
// "1 día hábil", "2 días hábiles" — never "1 días hábiles".
import type { Lang } from "../../src/domain/types";
import { catalogues } from "../../src/i18n/catalogue";
import type { MessageKey } from "../../src/i18n/catalogue";
import { choosePlural, formatMessage } from "../../src/i18n/message";
import { formatters, translate } from "../../src/i18n/translate";
import { activeRulesLabel, demoStrings } from "../../src/demo/demoStrings";
import { warningText } from "../../src/taskpane/components/warningText";
import type { I18n } from "../../src/taskpane/I18nContext";

function i18n(lang: Lang): I18n {
  return { lang, t: (key, params) => translate(lang, key, params), fmt: formatters(lang, "Europe/Madrid") };
}

const shortLead = (available: number) =>
  ({ code: "shortLeadTime", date: "2026-12-10", businessDaysAvailable: available, leadTimeDays: 3 }) as const;

describe("plural forms", () => {
  it("says one business day in the short-notice warning, several days otherwise", () => {
    expect(warningText(shortLead(1), i18n("es"))).toBe("Plazo corto: 1 día hábil; se requieren 3.");
    expect(warningText(shortLead(2), i18n("es"))).toBe("Plazo corto: 2 días hábiles; se requieren 3.");
    expect(warningText(shortLead(0), i18n("es"))).toBe("Plazo corto: 0 días hábiles; se requieren 3.");
    expect(warningText(shortLead(1), i18n("en"))).toBe("Short notice: 1 business day; 3 are required.");
    expect(warningText(shortLead(2), i18n("en"))).toBe("Short notice: 2 business days; 3 are required.");
  });

  it("counts one overdue case as «1 vencido» on the dashboard", () => {
    expect(translate("es", "dashboard.count", { shown: "1", total: "1", overdue: "1" })).toBe(
      "1 de 1 caso; 1 vencido.",
    );
    expect(translate("es", "dashboard.count", { shown: "2", total: "3", overdue: "0" })).toBe(
      "2 de 3 casos; 0 vencidos.",
    );
    expect(translate("en", "dashboard.count", { shown: "1", total: "1", overdue: "1" })).toBe(
      "1 of 1 case; 1 overdue.",
    );
  });

  it("says one active rule on the demo's fault button", () => {
    expect(activeRulesLabel(demoStrings.es, 1)).toBe("1 regla activa");
    expect(activeRulesLabel(demoStrings.es, 3)).toBe("3 reglas activas");
    expect(activeRulesLabel(demoStrings.en, 1)).toBe("1 active rule");
    expect(activeRulesLabel(demoStrings.en, 3)).toBe("3 active rules");
  });

  it("reads counts the caller already formatted, with group separators", () => {
    expect(translate("es", "case.recipients", { count: "1.234" })).toBe("1.234 destinatarios");
    expect(translate("es", "case.recipients", { count: "1" })).toBe("1 destinatario");
    expect(translate("en", "it.sendConfirmTitle", { total: "1" })).toBe("Send to 1 recipient?");
  });

  it("chooses forms by Intl.PluralRules and falls back to other for a category the forms do not give", () => {
    expect(choosePlural("es", 1, { one: "a", other: "b" })).toBe("a");
    expect(choosePlural("es", 5, { one: "a", other: "b" })).toBe("b");
    // Arabic has a "two" category; forms without it fall back to "other".
    expect(choosePlural("ar", 2, { one: "a", other: "b" })).toBe("b");
    expect(
      formatMessage("en", "{n, plural, one {# item of {what}} other {# items of {what}}}", {
        n: 1,
        what: "x",
      }),
    ).toBe("1 item of x");
    // A missing count leaves the block visible rather than guessing.
    expect(formatMessage("en", "{n, plural, one {# item} other {# items}}", {})).toBe(
      "{n, plural, one {# item} other {# items}}",
    );
    expect(formatMessage("en", "{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

/**
 * Parameters the views fill with a count. A count placeholder followed by a word (other than a unit or a
 * preposition, which do not inflect) must sit inside a plural block.
 */
const COUNT_PARAMS = new Set([
  "count",
  "total",
  "shown",
  "overdue",
  "available",
  "required",
  "pass",
  "fail",
  "skipped",
  "lost",
  "before",
  "current",
]);
const UNINFLECTED = new Set([
  // units and prepositions
  ...["s", "min", "de", "of", "con", "with", "en", "in", "y", "and"],
  // English participles and adjectives, the same for one and many
  ...["passed", "failed", "skipped", "overdue"],
]);

function barePlacements(template: string): string[] {
  // Plural blocks are removed first: what they contain is the chosen form.
  const outside = template.replace(/\{\w+, plural,(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}/g, "");
  const found: string[] = [];
  for (const m of outside.matchAll(/\{(\w+)\}\s+([\p{L}]+)/gu)) {
    const [, name = "", word = ""] = m;
    if (COUNT_PARAMS.has(name) && !UNINFLECTED.has(word.toLowerCase())) found.push(`{${name}} ${word}`);
  }
  return found;
}

describe("plural scan", () => {
  it.each(["es", "en"] as const)(
    "no count in the %s catalogue meets a noun outside a plural form",
    (lang) => {
      const offenders = (Object.keys(catalogues[lang]) as MessageKey[])
        .map((key) => ({ key, bare: barePlacements(catalogues[lang][key]) }))
        .filter((x) => x.bare.length > 0);
      expect(offenders).toEqual([]);
    },
  );

  it.each(["es", "en"] as const)(
    "no count in the demo's %s strings meets a noun outside a plural form",
    (lang) => {
      const offenders = Object.entries(demoStrings[lang]).filter(
        ([, text]) => barePlacements(text).length > 0,
      );
      expect(offenders).toEqual([]);
    },
  );

  it("every plural block parses and has an other form, in both languages", () => {
    const withPlurals = Object.values(catalogues.es).filter((t) => t.includes(", plural,"));
    expect(withPlurals.length).toBeGreaterThanOrEqual(11);
    for (const lang of ["es", "en"] as const) {
      for (const [key, template] of Object.entries(catalogues[lang])) {
        if (!template.includes(", plural,")) continue;
        const params = Object.fromEntries([...template.matchAll(/\{(\w+)/g)].map((m) => [m[1], "2"]));
        const text = formatMessage(lang, template, params);
        expect({ key, text }).toEqual({ key, text: expect.not.stringContaining("plural") as unknown });
      }
    }
  });

  it("the scan catches a bare count", () => {
    expect(barePlacements("{count} reglas activas")).toEqual(["{count} reglas"]);
    expect(barePlacements("{count, plural, one {# regla} other {# reglas}}")).toEqual([]);
  });
});
