// imageHosts: the institution's own web sites, the only hosts whose images a mass mail keeps (and the production
// CSP's img-src). Optional with an empty default; anything but a plain host name is refused by field.
import { parseConfig } from "../../src/config/load";
import { imageHostsOf } from "../../src/config/schema";
import demo from "../../src/demo/demo.config.json";

type Json = Record<string, unknown>;

function withHosts(hosts: unknown): Json {
  const json = structuredClone(demo) as Json;
  if (hosts === undefined) delete json.imageHosts;
  else json.imageHosts = hosts;
  return json;
}

it("is optional: without it no host is allowed", () => {
  const parsed = parseConfig(withHosts(undefined));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  expect(imageHostsOf(parsed.config)).toEqual([]);
});

it("keeps the configured hosts, lower-cased", () => {
  const parsed = parseConfig(withHosts(["WWW.Universidad.example", "cdn.universidad.example"]));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  expect(imageHostsOf(parsed.config)).toEqual(["www.universidad.example", "cdn.universidad.example"]);
});

it.each([
  "https://www.universidad.example",
  "*.universidad.example",
  "www.universidad.example/img",
  "localhost",
  "",
])("refuses %j at its index", (bad) => {
  const parsed = parseConfig(withHosts(["www.universidad.example", bad]));
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(parsed.problems.map((p) => p.path)).toEqual(["imageHosts[1]"]);
});
