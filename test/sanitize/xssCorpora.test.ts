/**
 * Public XSS corpora (DOMPurify's own test fixtures and the OWASP filter-evasion cheat sheet) through the
 * sanitizer. They live in the shared folder beside the repository and are read from there at run time,
 * never copied into the project; without that folder the suite is skipped and says so.
 *
 * For every vector, the output parsed again in jsdom must hold nothing that runs or loads a script:
 * no script/iframe/object/embed (nor frame, applet, base, link, meta, style, svg, math, form), no on*
 * attributes, no javascript:/vbscript:/data: URL in href, src, action, formaction or xlink:href. The
 * output must also be stable: sanitizing it again changes nothing (what re-parsing would mutate is
 * where mutation XSS hides).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createHtmlSanitizer } from "../../src/sanitize/sanitizeHtml";

const REPO_ROOT = path.resolve(__dirname, "../..");
const CORPORA_DIR = path.resolve(REPO_ROOT, "..", "shared", "xss");
const available = existsSync(CORPORA_DIR);

interface DompurifyFixture {
  payload: string;
}
interface OwaspDetailed {
  code_blocks: Array<{ code: string; code_nbsp_to_space?: string }>;
  inline_vectors: Array<{ vector: string }>;
}

function read<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(CORPORA_DIR, file), "utf8")) as T;
}

/** Each corpus's vectors, without duplicates inside a corpus. */
function corpora(): Array<[name: string, vectors: string[]]> {
  if (!available) return [];
  const detailed = read<OwaspDetailed>("owasp-vectors-detailed.json");
  const sets: Array<[string, string[]]> = [
    ["dompurify-fixtures.json", read<DompurifyFixture[]>("dompurify-fixtures.json").map((f) => f.payload)],
    ["owasp-vectors.json", read<string[]>("owasp-vectors.json")],
    [
      "owasp-vectors-detailed.json",
      [
        ...detailed.code_blocks.flatMap((b) => [b.code, b.code_nbsp_to_space ?? b.code]),
        ...detailed.inline_vectors.map((v) => v.vector),
      ],
    ],
  ];
  return sets.map(([name, vectors]) => [name, [...new Set(vectors)]]);
}

const FORBIDDEN_ELEMENTS =
  "script, iframe, object, embed, frame, frameset, applet, base, link, meta, style, svg, math, form";
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href"];
// What browsers ignore in a scheme: strip it before looking at the scheme.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const IGNORED_IN_URL = /[\u0000-\u0020\u007F-\u009F\u00A0\u2000-\u200B\u2028\u2029\u3000\uFEFF]/g;
const SCRIPT_URL = /^(?:javascript|vbscript|data):/i;

/** What is wrong with a sanitized output, or [] when nothing is. */
function problems(output: string): string[] {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${output}</body>`, "text/html");
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(FORBIDDEN_ELEMENTS)))
    found.push(`element <${el.localName}>`);
  for (const el of Array.from(doc.body.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`handler ${attr.name}`);
      if (
        URL_ATTRIBUTES.includes(attr.name.toLowerCase()) &&
        SCRIPT_URL.test(attr.value.replace(IGNORED_IN_URL, ""))
      ) {
        found.push(`${attr.name}=${attr.value}`);
      }
    }
  }
  return found;
}

const sanitize = createHtmlSanitizer(window);
const all = corpora();
const total = all.reduce((n, [, vectors]) => n + vectors.length, 0);

if (!available) {
  describe.skip(`XSS corpora: skipped, ${path.relative(REPO_ROOT, CORPORA_DIR)} (beside the repository) not found`, () => {
    it("needs the shared xss folder", () => undefined);
  });
} else {
  describe(`XSS corpora (${total} vectors in all)`, () => {
    it.each(all)("%s: every vector comes out inert and stable", (_name, vectors) => {
      const failures: Array<{ vector: string; output: string; problems: string[] }> = [];
      for (const vector of vectors) {
        const output = sanitize(vector);
        const found = problems(output);
        if (sanitize(output) !== output) found.push("not stable under a second pass");
        if (found.length > 0) failures.push({ vector, output, problems: found });
      }
      expect(failures).toEqual([]);
      expect(vectors.length).toBeGreaterThan(0);
    });

    it(`checked ${total} vectors (distinct within each corpus): ${all.map(([n, v]) => `${n} ${v.length}`).join(", ")}`, () => {
      expect(total).toBeGreaterThan(300);
    });

    it("the check is not vacuous: it flags many of the raw vectors", () => {
      const flagged = all.flatMap(([, vectors]) => vectors).filter((v) => problems(v).length > 0);
      expect(flagged.length).toBeGreaterThan(total / 3);
    });
  });
}
