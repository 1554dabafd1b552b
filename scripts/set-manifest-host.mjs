// Writes a production copy of manifest.xml whose URLs point at the host the add-in is deployed to.
//   node scripts/set-manifest-host.mjs https://addins.example.edu/pregon/ --provider="Universidad …" [out.xml]
//        [--support-url=https://…]
// Every https://localhost:3000/… URL becomes <base>… and the localhost AppDomain becomes the base's origin; XML
// comments and every other URL (SupportUrl, the identity platform's domain) stay as they are. <ProviderName> is
// the development "Universidad (demo)" in manifest.xml; users see it in Outlook's add-in details and on the
// consent of the deployment, so a production manifest must name the institution (--provider, required). The output defaults
// to dist/manifest.prod.xml (dist/ is git-ignored; `npm run build` empties it, so run this after the build), and
// is then checked with the same offline validation as `npm run validate`, in production mode.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validateManifestFile } from "./validate-manifest.mjs";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const DEV_BASE = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

/** The production base URL, normalised to end in "/", or an error message. */
export function parseBase(argument) {
  let url;
  try {
    url = new URL(argument ?? "");
  } catch {
    return { error: `"${argument ?? ""}" is not a URL; expected e.g. https://addins.example.edu/pregon/` };
  }
  if (url.protocol !== "https:")
    return { error: `${argument} must be an https URL (Office loads add-ins over https only)` };
  if (url.username || url.password) return { error: "the URL must not contain credentials" };
  if (url.search || url.hash) return { error: "the URL must not have a query or a fragment" };
  if (/^(localhost|127\.|\[::1\])/.test(url.hostname))
    return { error: "that is a development host, not production" };
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return { base: url.href, origin: url.origin };
}

/** Rewrites development URLs outside comments; returns the new text and what changed. */
export function rewriteManifest(xml, { base, origin, supportUrl, provider }) {
  const changes = [];
  const rewriteSegment = (segment) => {
    if (provider) {
      segment = segment.replace(/(<ProviderName>)([^<]*)(<\/ProviderName>)/, (_, open, old, close) => {
        changes.push({ from: old, to: provider });
        return open + escapeXml(provider) + close;
      });
    }
    let result = segment.replace(/https:\/\/localhost:3000\/[^"'<\s]*/g, (found) => {
      const replaced = base + found.slice(DEV_BASE.length);
      changes.push({ from: found, to: replaced });
      return replaced;
    });
    result = result.replace(/<AppDomain>\s*https:\/\/localhost:3000\/?\s*<\/AppDomain>/g, () => {
      changes.push({ from: DEV_ORIGIN, to: origin });
      return `<AppDomain>${origin}</AppDomain>`;
    });
    if (supportUrl) {
      result = result.replace(/(<SupportUrl\s+DefaultValue=")([^"]*)(")/, (_, open, old, close) => {
        changes.push({ from: old, to: supportUrl });
        return open + supportUrl + close;
      });
    }
    return result;
  };
  // Odd indexes are comments, which keep their text.
  const outside = (text) => text.split(/(<!--[\s\S]*?-->)/);
  const output = outside(xml)
    .map((part, index) => (index % 2 === 1 ? part : rewriteSegment(part)))
    .join("");
  const leftovers = outside(output)
    .filter((_, index) => index % 2 === 0)
    .join("")
    .match(/https?:\/\/localhost[^"'<\s]*/g);
  return { xml: output, changes, leftovers: leftovers ?? [] };
}

function escapeXml(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The provider name for production, or an error message. */
export function parseProvider(value) {
  const name = (value ?? "").trim();
  if (!name) return { error: "--provider is required: the institution's name as users should see it" };
  if (name.length > 125) return { error: "--provider must have at most 125 characters" };
  if (/\(demo\)/i.test(name)) return { error: "--provider must be the institution's name, not the demo's" };
  return { provider: name };
}

function usage(message) {
  console.error(message);
  console.error(
    'usage: node scripts/set-manifest-host.mjs https://host/path/ --provider="Institution" [out.xml] [--support-url=https://…]',
  );
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const supportOption = args.find((arg) => arg.startsWith("--support-url="));
  const providerOption = args.find((arg) => arg.startsWith("--provider="));
  const positional = args.filter((arg) => !arg.startsWith("--"));
  const unknown = args.filter(
    (arg) => arg.startsWith("--") && arg !== supportOption && arg !== providerOption,
  );
  if (unknown.length > 0) usage(`unknown option ${unknown.join(" ")}`);
  if (positional.length < 1 || positional.length > 2) usage("expected the production base URL");
  const parsed = parseBase(positional[0]);
  if (parsed.error) usage(parsed.error);
  const providerParsed = parseProvider(providerOption?.slice("--provider=".length));
  if (providerParsed.error) usage(providerParsed.error);
  let supportUrl;
  if (supportOption) {
    supportUrl = supportOption.slice("--support-url=".length);
    if (!/^https:\/\/[^\s"<>]+$/.test(supportUrl)) usage("--support-url must be an https URL");
  }

  const source = join(repoRoot, "manifest.xml");
  const output = resolve(positional[1] ?? join(repoRoot, "dist", "manifest.prod.xml"));
  const { xml, changes, leftovers } = rewriteManifest(readFileSync(source, "utf8"), {
    ...parsed,
    supportUrl,
    provider: providerParsed.provider,
  });
  if (leftovers.length > 0) usage(`development URLs left after rewriting: ${leftovers.join(", ")}`);
  const stamped = xml.replace(
    /(<\?xml[^>]*\?>\n)/,
    `$1<!-- Generated from manifest.xml by scripts/set-manifest-host.mjs for ${parsed.base}; do not edit. -->\n`,
  );
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, stamped);

  const counts = new Map();
  for (const { from, to } of changes)
    counts.set(`${from} -> ${to}`, (counts.get(`${from} -> ${to}`) ?? 0) + 1);
  console.log(`Rewrote ${changes.length} URLs for ${parsed.base}:`);
  for (const [change, count] of counts) console.log(`  ${change}${count > 1 ? `  (×${count})` : ""}`);
  console.log(`Wrote ${relative(process.cwd(), output) || output}`);

  const steps = await validateManifestFile(output, { production: true });
  const failed = steps.filter((current) => current.status === "fail");
  for (const current of failed) {
    console.error(`  [FAIL] ${current.title}`);
    for (const problem of [...current.errors, ...current.warnings]) console.error(`         ${problem}`);
  }
  console.log(
    failed.length === 0
      ? "Validated offline (production mode): no errors, no warnings."
      : `Validation failed in ${failed.length} step(s).`,
  );
  process.exit(failed.length === 0 ? 0 : 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
