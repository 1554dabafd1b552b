// The README says which request fixtures the demo's inbox holds; it must be the list the seed really uses.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { REQUEST_FIXTURES } from "../../src/demo/seedMessages";

const ROOT = join(__dirname, "../..");
const FIXTURES = join(ROOT, "test/data/requests");

/** "01–10 and 12" → ["01", …, "10", "12"]. */
function expand(list: string): string[] {
  return list.split(/,|\band\b/).flatMap((part) => {
    const range = /(\d+)\s*[–-]\s*(\d+)/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, "0"));
    }
    const one = /(\d+)/.exec(part);
    return one ? [String(Number(one[1])).padStart(2, "0")] : [];
  });
}

it("the README's seed description names exactly the fixtures the demo seeds", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8").replace(/\s+/g, " ");
  const said =
    /What the seed holds: (\d+) of the (\d+) request e-mails of `test\/data\/requests\/`, fixtures ([^(]+?) \(/.exec(
      readme,
    );
  if (!said) throw new Error("README.md no longer describes the seeded fixtures");
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const seeded = files.filter((f) => {
    const json: unknown = JSON.parse(readFileSync(join(FIXTURES, f), "utf8"));
    return REQUEST_FIXTURES.some((r) => JSON.stringify(r) === JSON.stringify(json));
  });
  expect(seeded).toHaveLength(REQUEST_FIXTURES.length);
  expect(Number(said[1])).toBe(seeded.length);
  expect(Number(said[2])).toBe(files.length);
  expect(expand(said[3] ?? "")).toEqual(seeded.map((f) => f.slice(0, 2)));
});

it("the seeded cases carry their category in the institution's language, as the add-in writes it", async () => {
  const { createTenant } = await import("../../src/emulator");
  const { seedDemoMail } = await import("../../src/demo/seedMessages");
  const { TENANT_SPEC, COMMUNICATIONS } = await import("../../src/demo/tenantSpec");
  const { stateCategory, isPregonCategory } = await import("../../src/domain/caseCategory");
  const { CASE_STATES } = await import("../../src/domain/types");
  const config = (await import("../../src/demo/demo.config.json")).default;
  const tenant = createTenant(TENANT_SPEC);
  seedDemoMail(tenant);
  const lang = config.institution.defaultLanguage as "es" | "en";
  const allowed = new Set(CASE_STATES.map((s) => stateCategory(s, lang)));
  const pregon = tenant
    .storedMessages(COMMUNICATIONS, "inbox")
    .flatMap((m) => m.categories)
    .filter(isPregonCategory);
  expect(pregon.length).toBeGreaterThan(0);
  expect(pregon.filter((c) => !allowed.has(c))).toEqual([]);
});
