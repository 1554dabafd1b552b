// Offline check of the add-in manifest (npm run validate). `office-addin-manifest validate manifest.xml` posts the
// XML to an online service and cannot run here, so this script checks what can be checked without a network:
//   1. well-formed XML (xmllint when installed, and always a strict JS parse);
//   2. the official XSD, when a copy is bundled in node_modules (today none is, so see 3);
//   3. the XSD's element order, cardinality and namespaces for the elements this manifest uses (rules below);
//   4. our own rules: ids, lengths, translations, resource references, https only, icon files and pixel sizes,
//      requirement sets (base vs. overrides vs. features vs. the code);
//   5. conversion to the unified JSON manifest (office-addin-manifest-converter), then office-addin-manifest's
//      JSON validation, which is offline when the JSON schema is bundled (it is checked to be, first).
// Usage: node scripts/validate-manifest.mjs [manifest.xml] [--production]   (exit 1 on any error or warning)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";

const require = createRequire(import.meta.url);
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  vo10: "http://schemas.microsoft.com/office/mailappversionoverrides",
  vo11: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

// ---------------------------------------------------------------------------------------------------------------
// Report

/** @typedef {{ title: string, status: "ok" | "skip" | "fail", notes: string[], errors: string[], warnings: string[] }} Step */

function step(title) {
  return /** @type {Step} */ ({ title, status: "ok", notes: [], errors: [], warnings: [] });
}

function finish(current) {
  if (current.errors.length > 0 || current.warnings.length > 0) current.status = "fail";
  return current;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Well-formedness

function hasXmllint() {
  return spawnSync("xmllint", ["--version"], { encoding: "utf8" }).error === undefined;
}

function checkWithXmllint(manifestPath) {
  const current = step("well-formed XML (xmllint --noout)");
  if (!hasXmllint()) {
    current.status = "skip";
    current.notes.push(
      "xmllint not installed (Debian package libxml2-utils); the JS parser below still runs",
    );
    return current;
  }
  const run = spawnSync("xmllint", ["--noout", manifestPath], { encoding: "utf8" });
  if (run.status !== 0) current.errors.push(...run.stderr.trim().split("\n"));
  return finish(current);
}

/**
 * Well-formedness and namespaces with saxes (a strict, conformant XML parser; jsdom's), then a DOM with xmldom
 * (which on its own forgives some malformed input, hence saxes first). Both come with the installed tooling.
 */
function parseXml(text) {
  const { SaxesParser } = require("saxes");
  const { DOMParser } = require("@xmldom/xmldom");
  const problems = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    if (problems.length === 0) problems.push(error.message);
  });
  parser.write(text).close();
  if (problems.length > 0) return { document: null, problems };
  return { document: new DOMParser().parseFromString(text, "text/xml"), problems };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. XSD (only when one is bundled)

function findBundledXsds() {
  const modules = join(repoRoot, "node_modules");
  if (!existsSync(modules)) return [];
  const found = [];
  const walk = (dir, depth) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 6) walk(path, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".xsd")) found.push(path);
    }
  };
  for (const name of readdirSync(modules)) {
    if (name.startsWith("office-addin-manifest")) walk(join(modules, name), 0);
  }
  return found;
}

function checkXsd(manifestPath) {
  const current = step("official XSD schema (xmllint --schema)");
  const xsds = findBundledXsds();
  const entry = xsds.find((path) => /officeappmanifest/i.test(basename(path)));
  if (!entry) {
    current.status = "skip";
    current.notes.push(
      xsds.length === 0
        ? "no .xsd is bundled in node_modules/office-addin-manifest*; element order is checked by the rules in the next step"
        : `no OfficeAppManifest*.xsd among ${xsds.length} bundled .xsd files`,
    );
    return current;
  }
  if (!hasXmllint()) {
    current.status = "skip";
    current.notes.push(`found ${relative(repoRoot, entry)} but xmllint is not installed`);
    return current;
  }
  const run = spawnSync("xmllint", ["--noout", "--schema", entry, manifestPath], { encoding: "utf8" });
  if (run.status !== 0) current.errors.push(...run.stderr.trim().split("\n"));
  return finish(current);
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Element order, cardinality and namespaces, as the XSDs define them for the parts this manifest uses.
// A child spec is "Name", "Name?" (0..1), "Name*" (0..n) or "Name+" (1..n); "bt:" marks the basic-types namespace.

const many = Number.POSITIVE_INFINITY;

function parseSpec(spec) {
  const bt = spec.startsWith("bt:");
  const body = bt ? spec.slice(3) : spec;
  const suffix = body.at(-1);
  const name = /[?*+]/.test(suffix) ? body.slice(0, -1) : body;
  const [min, max] = { "?": [0, 1], "*": [0, many], "+": [1, many] }[suffix] ?? [1, 1];
  return { name, bt, min, max };
}

const localeAware = ["Override*"];

/** Rules keyed by a description of the element; `ruleFor` picks one. */
const RULES = {
  MailApp: [
    "Id",
    "AlternateId?",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl?",
    "SupportUrl?",
    "AppDomains?",
    "Hosts?",
    "Requirements",
    "FormSettings",
    "Permissions?",
    "Rule",
    "DisableEntityHighlighting?",
    "VersionOverrides?",
  ],
  LocaleAware: localeAware,
  AppDomains: ["AppDomain+"],
  BaseHosts: ["Host+"],
  BaseRequirements: ["Sets"],
  BaseSets: ["Set+"],
  FormSettings: ["Form+"],
  ItemRead: ["DesktopSettings", "TabletSettings?", "PhoneSettings?"],
  ItemReadDesktopSettings: ["SourceLocation", "RequestedHeight"],
  VersionOverridesV1_0: ["Description?", "Requirements?", "Hosts", "Resources", "VersionOverrides?"],
  VersionOverridesV1_1: [
    "Description?",
    "Requirements?",
    "Hosts",
    "Resources",
    "WebApplicationInfo?",
    "EquivalentAddins?",
    "ConnectedServiceControls?",
    "ExtendedPermissions?",
  ],
  OverrideRequirements: ["bt:Sets"],
  OverrideSets: ["bt:Set+"],
  OverrideHosts: ["Host+"],
  MailHost: ["Runtimes?", "DesktopFormFactor?", "MobileFormFactor?"],
  DesktopFormFactorV1_0: ["FunctionFile?", "ExtensionPoint+"],
  DesktopFormFactorV1_1: ["SupportsSharedFolders?", "FunctionFile?", "ExtensionPoint+"],
  CommandSurface: ["OfficeTab*", "CustomTab*"],
  OfficeTab: ["Group+"],
  Group: ["Label", "Control+"],
  Button: ["Label", "Tooltip?", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Icon: ["bt:Image+"],
  ShowTaskpaneV1_0: ["SourceLocation"],
  ShowTaskpaneV1_1: ["SourceLocation", "SupportsPinning?"],
  Resources: ["bt:Images?", "bt:Urls?", "bt:ShortStrings?", "bt:LongStrings?"],
  Images: ["bt:Image*"],
  Urls: ["bt:Url*"],
  Strings: ["bt:String*"],
  ResourceEntry: ["bt:Override*"],
};

const typeOf = (element) => element.getAttributeNS(NS.xsi, "type") || "";
/** Descendants by namespace ("*" for any) and local name, as an array. */
const elementsNamed = (node, namespace, name) => Array.from(node.getElementsByTagNameNS(namespace, name));
const childElements = (element) => Array.from(element.childNodes).filter((node) => node.nodeType === 1);

function overridesVersion(element) {
  for (let node = element; node && node.nodeType === 1; node = node.parentNode) {
    if (node.localName === "VersionOverrides")
      return typeOf(node) === "VersionOverridesV1_1" ? "V1_1" : "V1_0";
  }
  return null;
}

function ruleFor(element) {
  const name = element.localName;
  const parent = element.parentNode && element.parentNode.nodeType === 1 ? element.parentNode.localName : "";
  const version = overridesVersion(element);
  if (!version) {
    if (name === "OfficeApp") return typeOf(element) === "MailApp" ? "MailApp" : null;
    if (parent === "OfficeApp") {
      if (["DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl"].includes(name)) {
        return "LocaleAware";
      }
      return { AppDomains: "AppDomains", Hosts: "BaseHosts", Requirements: "BaseRequirements" }[name] ?? null;
    }
    if (name === "Sets" && parent === "Requirements") return "BaseSets";
    if (name === "FormSettings") return "FormSettings";
    if (name === "Form" && typeOf(element) === "ItemRead") return "ItemRead";
    if (name === "DesktopSettings" && parent === "Form") return "ItemReadDesktopSettings";
    if (name === "SourceLocation") return "LocaleAware";
    return null;
  }
  switch (name) {
    case "VersionOverrides":
      return typeOf(element) === "VersionOverridesV1_1" ? "VersionOverridesV1_1" : "VersionOverridesV1_0";
    case "Requirements":
      return "OverrideRequirements";
    case "Sets":
      return "OverrideSets";
    case "Hosts":
      return "OverrideHosts";
    case "Host":
      return typeOf(element) === "MailHost" ? "MailHost" : null;
    case "DesktopFormFactor":
      return `DesktopFormFactor${version}`;
    case "ExtensionPoint":
      return /CommandSurface$/.test(typeOf(element)) ? "CommandSurface" : null;
    case "OfficeTab":
      return "OfficeTab";
    case "Group":
      return "Group";
    case "Control":
      return typeOf(element) === "Button" ? "Button" : null;
    case "Supertip":
      return "Supertip";
    case "Icon":
      return "Icon";
    case "Action":
      return typeOf(element) === "ShowTaskpane" ? `ShowTaskpane${version}` : null;
    case "Resources":
      return "Resources";
    case "Images":
      return "Images";
    case "Urls":
      return "Urls";
    case "ShortStrings":
    case "LongStrings":
      return "Strings";
    case "Image":
    case "Url":
    case "String":
      return parent === "Icon" ? null : "ResourceEntry";
    default:
      return null;
  }
}

function pathOf(element) {
  const parts = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentNode) {
    const type = typeOf(node);
    parts.unshift(type ? `${node.localName}[${type}]` : node.localName);
  }
  return parts.join("/");
}

function expectedNamespace(element, spec) {
  if (spec.bt) return NS.bt;
  const version = overridesVersion(element);
  if (!version) return NS.app;
  // A VersionOverrides element itself carries the namespace it opens.
  return version === "V1_1" ? NS.vo11 : NS.vo10;
}

function checkStructure(document) {
  const current = step("element order, cardinality and namespaces (XSD sequences)");
  const root = document.documentElement;
  if (!root || root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    current.errors.push(`the root must be <OfficeApp xmlns="${NS.app}">`);
    return finish(current);
  }
  if (typeOf(root) !== "MailApp") current.errors.push('OfficeApp must have xsi:type="MailApp"');
  for (const override of elementsNamed(document, "*", "VersionOverrides")) {
    const type = typeOf(override);
    const wanted = { VersionOverridesV1_0: NS.vo10, VersionOverridesV1_1: NS.vo11 }[type];
    if (!wanted) current.errors.push(`${pathOf(override)}: unknown xsi:type "${type}"`);
    else if (override.namespaceURI !== wanted) {
      current.errors.push(`${pathOf(override)}: ${type} needs xmlns="${wanted}"`);
    }
    if (type === "VersionOverridesV1_1" && override.parentNode.localName !== "VersionOverrides") {
      current.errors.push(`${pathOf(override)}: VersionOverridesV1_1 must be nested in VersionOverridesV1_0`);
    }
  }
  let rulesApplied = 0;
  const visit = (element) => {
    const ruleName = ruleFor(element);
    if (ruleName) {
      rulesApplied++;
      const specs = RULES[ruleName].map(parseSpec);
      const counts = new Map();
      let lastIndex = -1;
      let lastName = "";
      for (const child of childElements(element)) {
        const index = specs.findIndex((spec) => spec.name === child.localName);
        if (index < 0) {
          current.errors.push(`${pathOf(element)}: <${child.localName}> is not allowed here`);
          continue;
        }
        const spec = specs[index];
        const namespace =
          child.localName === "VersionOverrides" ? child.namespaceURI : expectedNamespace(child, spec);
        if (child.localName !== "VersionOverrides" && child.namespaceURI !== namespace) {
          current.errors.push(
            `${pathOf(child)}: expected namespace ${namespace}, found ${child.namespaceURI}`,
          );
        }
        if (index < lastIndex) {
          current.errors.push(`${pathOf(element)}: <${child.localName}> must come before <${lastName}>`);
        }
        if (index >= lastIndex) {
          lastIndex = index;
          lastName = child.localName;
        }
        counts.set(spec.name, (counts.get(spec.name) ?? 0) + 1);
      }
      for (const spec of specs) {
        const count = counts.get(spec.name) ?? 0;
        if (count < spec.min) current.errors.push(`${pathOf(element)}: missing <${spec.name}>`);
        if (count > spec.max)
          current.errors.push(`${pathOf(element)}: <${spec.name}> appears ${count} times`);
      }
    }
    childElements(element).forEach(visit);
  };
  visit(root);
  current.notes.push(`${rulesApplied} elements checked against their sequence`);
  return finish(current);
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Our own rules

const firstChild = (parent, name) => childElements(parent).find((child) => child.localName === name);
const text = (element) => (element?.textContent ?? "").trim();
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const CULTURE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const compareVersions = (a, b) => {
  const [aMajor, aMinor] = a.split(".").map(Number);
  const [bMajor, bMinor] = b.split(".").map(Number);
  return aMajor - bMajor || aMinor - bMinor;
};

function checkIdentity(document, { production = false } = {}) {
  const current = step("identity, locales and text lengths");
  const root = document.documentElement;
  const id = text(firstChild(root, "Id"));
  if (!id) current.errors.push("<Id> is missing or empty");
  else if (!GUID.test(id)) current.errors.push(`<Id> "${id}" is not a GUID`);
  else if (/^0{8}-/.test(id)) current.errors.push("<Id> is a placeholder GUID");
  const version = text(firstChild(root, "Version"));
  if (!VERSION.test(version)) current.errors.push(`<Version> "${version}" is not n.n.n.n`);
  const defaultLocale = text(firstChild(root, "DefaultLocale"));
  if (!CULTURE.test(defaultLocale))
    current.errors.push(`<DefaultLocale> "${defaultLocale}" is not a culture name`);
  const provider = text(firstChild(root, "ProviderName"));
  if (!provider || provider.length > 125) current.errors.push("<ProviderName> must have 1–125 characters");
  else if (production && /\(demo\)/i.test(provider))
    current.errors.push(
      `<ProviderName> "${provider}" is the development name; set the institution's (set-manifest-host --provider)`,
    );

  const limits = { DisplayName: 125, Description: 250 };
  const allLocales = new Set();
  const localized = []; // [label, element with DefaultValue + Overrides]
  for (const [name, limit] of Object.entries(limits)) {
    const element = firstChild(root, name);
    if (element) localized.push([`<${name}>`, element, limit]);
  }
  for (const list of elementsNamed(document, NS.bt, "ShortStrings")) {
    for (const entry of childElements(list))
      localized.push([`string ${entry.getAttribute("id")}`, entry, 125]);
  }
  for (const list of elementsNamed(document, NS.bt, "LongStrings")) {
    for (const entry of childElements(list))
      localized.push([`string ${entry.getAttribute("id")}`, entry, 250]);
  }
  for (const [label, element, limit] of localized) {
    const values = [element.getAttribute("DefaultValue") ?? ""];
    for (const override of childElements(element)) {
      const locale = override.getAttribute("Locale") ?? "";
      if (!CULTURE.test(locale))
        current.errors.push(`${label}: Override Locale "${locale}" is not a culture name`);
      allLocales.add(locale);
      values.push(override.getAttribute("Value") ?? "");
    }
    for (const value of values) {
      if (value.trim().length === 0) current.errors.push(`${label}: empty text`);
      if (value.length > limit) current.errors.push(`${label}: ${value.length} characters (limit ${limit})`);
    }
  }
  // Every user-visible text must exist in every language the manifest speaks.
  for (const [label, element] of localized) {
    const locales = new Set(childElements(element).map((override) => override.getAttribute("Locale")));
    for (const locale of allLocales) {
      if (!locales.has(locale)) current.errors.push(`${label}: no ${locale} translation`);
    }
  }
  current.notes.push(
    `id ${id || "?"}, version ${version || "?"}, ${defaultLocale} + ${[...allLocales].join(", ")}`,
  );
  return finish(current);
}

/** What kind of resource a resid on this element must name. */
function resourceKindFor(element) {
  switch (element.localName) {
    case "Image":
      return "Images";
    case "SourceLocation":
    case "FunctionFile":
      return "Urls";
    case "Label":
    case "Title":
    case "Tooltip":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    default:
      return null;
  }
}

function checkResources(document) {
  const current = step("resource ids and references");
  let references = 0;
  for (const override of elementsNamed(document, "*", "VersionOverrides")) {
    const resources = firstChild(override, "Resources");
    if (!resources) continue;
    /** @type {Map<string, { kind: string, used: boolean }>} */
    const declared = new Map();
    for (const list of childElements(resources)) {
      for (const entry of childElements(list)) {
        const id = entry.getAttribute("id") ?? "";
        if (!id) current.errors.push(`${pathOf(entry)}: missing id`);
        if (id.length > 32) current.errors.push(`resource id "${id}" is longer than 32 characters`);
        if (declared.has(id)) current.errors.push(`resource id "${id}" is declared twice`);
        if (!entry.getAttribute("DefaultValue"))
          current.errors.push(`resource "${id}": missing DefaultValue`);
        declared.set(id, { kind: list.localName, used: false });
      }
    }
    const walk = (element) => {
      for (const child of childElements(element)) {
        // A nested VersionOverrides has its own Resources.
        if (child.localName === "VersionOverrides" || child.localName === "Resources") continue;
        const resid = child.getAttribute("resid");
        if (resid) {
          references++;
          const entry = declared.get(resid);
          const kind = resourceKindFor(child);
          if (!entry) current.errors.push(`${pathOf(child)}: resid "${resid}" is not declared in Resources`);
          else {
            entry.used = true;
            if (kind && entry.kind !== kind) {
              current.errors.push(`${pathOf(child)}: resid "${resid}" is in ${entry.kind}, expected ${kind}`);
            }
          }
        }
        walk(child);
      }
    };
    walk(override);
    for (const [id, entry] of declared) {
      if (!entry.used) current.warnings.push(`${pathOf(override)}: resource "${id}" is never used`);
    }
  }
  current.notes.push(`${references} resid references resolved`);
  return finish(current);
}

function allUrls(document) {
  /** @type {{ where: string, url: string }[]} */
  const found = [];
  const visit = (element) => {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name === "xmlns" || attribute.name.startsWith("xmlns:")) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attribute.value.trim())) {
        found.push({ where: `${pathOf(element)}@${attribute.name}`, url: attribute.value.trim() });
      }
    }
    const ownText = Array.from(element.childNodes)
      .filter((node) => node.nodeType === 3)
      .map((node) => node.nodeValue)
      .join("")
      .trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ownText)) found.push({ where: pathOf(element), url: ownText });
    childElements(element).forEach(visit);
  };
  visit(document.documentElement);
  return found;
}

function checkUrls(document, { production }) {
  const current = step(production ? "URLs: https only, no localhost" : "URLs: https only");
  const urls = allUrls(document);
  for (const { where, url } of urls) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      current.errors.push(`${where}: "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== "https:") current.errors.push(`${where}: ${url} is not https`);
    if (production && /^(localhost|127\.|\[::1\])/.test(parsed.hostname)) {
      current.errors.push(`${where}: ${url} still points at the development host`);
    }
    if (where.includes("AppDomain") && parsed.pathname !== "/") {
      current.errors.push(`${where}: an AppDomain is an origin, without a path (${url})`);
    }
  }
  current.notes.push(`${urls.length} URLs`);
  return finish(current);
}

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
export function pngSize(path) {
  const header = readFileSync(path).subarray(0, 24);
  const signature = "89504e470d0a1a0a";
  if (header.length < 24 || header.subarray(0, 8).toString("hex") !== signature) return null;
  if (header.subarray(12, 16).toString("ascii") !== "IHDR") return null;
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

function checkIcons(document) {
  const current = step("icons: files in assets/ with the declared pixel size");
  const root = document.documentElement;
  /** @type {{ where: string, url: string, size: number }[]} */
  const icons = [];
  for (const [name, size] of [
    ["IconUrl", 64],
    ["HighResolutionIconUrl", 128],
  ]) {
    const element = firstChild(root, name);
    if (!element) continue;
    icons.push({ where: name, url: element.getAttribute("DefaultValue") ?? "", size });
    for (const override of childElements(element)) {
      icons.push({
        where: `${name} (${override.getAttribute("Locale")})`,
        url: override.getAttribute("Value"),
        size,
      });
    }
  }
  for (const override of elementsNamed(document, "*", "VersionOverrides")) {
    const images = new Map();
    const resources = firstChild(override, "Resources");
    const imageList = resources && firstChild(resources, "Images");
    for (const image of imageList ? childElements(imageList) : [])
      images.set(image.getAttribute("id"), image);
    for (const icon of elementsNamed(override, "*", "Icon")) {
      if (overridesVersion(icon) !== overridesVersion(override) || icon.parentNode === null) continue;
      // Only icons that belong to this VersionOverrides level (not a nested one).
      let owner = icon.parentNode;
      while (owner && owner.localName !== "VersionOverrides") owner = owner.parentNode;
      if (owner !== override) continue;
      for (const reference of childElements(icon)) {
        const size = Number(reference.getAttribute("size"));
        const image = images.get(reference.getAttribute("resid"));
        if (!image) continue; // reported by the resource check
        icons.push({
          where: `image ${image.getAttribute("id")}`,
          url: image.getAttribute("DefaultValue"),
          size,
        });
      }
    }
  }
  const checkedFiles = new Set();
  for (const { where, url, size } of icons) {
    const match = /\/assets\/([^?#]+)$/.exec(url ?? "");
    if (!match) {
      current.errors.push(`${where}: ${url} is not served from assets/`);
      continue;
    }
    const file = join(repoRoot, "assets", decodeURIComponent(match[1]));
    if (!existsSync(file)) {
      current.errors.push(`${where}: assets/${match[1]} does not exist`);
      continue;
    }
    const actual = pngSize(file);
    if (!actual) current.errors.push(`${where}: assets/${match[1]} is not a PNG`);
    else if (actual.width !== size || actual.height !== size) {
      current.errors.push(
        `${where}: assets/${match[1]} is ${actual.width}×${actual.height}, expected ${size}×${size}`,
      );
    }
    checkedFiles.add(`${match[1]} (${size})`);
  }
  current.notes.push(`${icons.length} references, files: ${[...checkedFiles].sort().join(", ")}`);
  return finish(current);
}

/** Mailbox requirement-set minimums of manifest features (Office Add-ins manifest reference). */
const FEATURE_MINIMUMS = [
  { element: "SupportsPinning", minimum: "1.5", only: "V1_1" },
  { element: "SupportsSharedFolders", minimum: "1.8", only: "V1_1" },
];

/** The minimum Mailbox set the code declares: `export const MAILBOX_REQUIREMENT_SET = "1.x"` (or MIN_/MINIMUM_). */
export function requirementSetsInCode(sourceDir = join(repoRoot, "src")) {
  const pattern =
    /export\s+const\s+((?:MIN(?:IMUM)?_)?MAILBOX_REQUIREMENT(?:_SET)?)\b[^=]*=\s*["'](\d+\.\d+)["']/g;
  const found = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        for (const match of readFileSync(path, "utf8").matchAll(pattern)) {
          found.push({ file: relative(repoRoot, path), name: match[1], version: match[2] });
        }
      }
    }
  };
  walk(sourceDir);
  return found;
}

function checkRequirements(document) {
  const current = step("requirement sets");
  const root = document.documentElement;
  const baseSets = elementsNamed(root, NS.app, "Set").filter((set) => overridesVersion(set) === null);
  const baseMailbox = baseSets.find((set) => set.getAttribute("Name") === "Mailbox");
  const base = baseMailbox?.getAttribute("MinVersion") ?? "";
  if (!/^1\.\d+$/.test(base)) {
    current.errors.push('<Requirements> must name <Set Name="Mailbox" MinVersion="1.x">');
    return finish(current);
  }
  for (const override of elementsNamed(document, "*", "VersionOverrides")) {
    const requirements = firstChild(override, "Requirements");
    const sets = requirements && firstChild(requirements, "Sets");
    if (!sets) continue;
    const mailbox = childElements(sets).find((set) => set.getAttribute("Name") === "Mailbox");
    const version = mailbox?.getAttribute("MinVersion") || sets.getAttribute("DefaultMinVersion") || "";
    if (!mailbox) current.errors.push(`${pathOf(override)}: its Requirements do not name the Mailbox set`);
    else if (compareVersions(version, base) < 0) {
      current.errors.push(`${pathOf(override)}: Mailbox ${version} is below the base manifest's ${base}`);
    }
  }
  for (const { element, minimum, only } of FEATURE_MINIMUMS) {
    for (const found of elementsNamed(document, "*", element)) {
      if (text(found) !== "true") continue;
      if (overridesVersion(found) !== only)
        current.errors.push(`${pathOf(found)}: only valid in VersionOverrides ${only}`);
      if (compareVersions(base, minimum) < 0) {
        current.errors.push(`<${element}> needs Mailbox ${minimum}; the manifest requires only ${base}`);
      }
    }
  }
  const declared = requirementSetsInCode();
  if (declared.length === 0) {
    current.notes.push(`Mailbox ${base}; no MAILBOX_REQUIREMENT_SET export in src/ to compare with`);
  } else {
    for (const { file, name, version } of declared) {
      if (version !== base)
        current.errors.push(`${file}: ${name} = "${version}" but the manifest requires ${base}`);
    }
    current.notes.push(
      `Mailbox ${base}, matches ${declared.map(({ file, name }) => `${file} ${name}`).join(", ")}`,
    );
  }
  return finish(current);
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Unified JSON manifest: convert, then validate offline against the bundled JSON schemas

function localSchemaPath(schemaUrl) {
  const match = /json-schemas\/(teams\/[^#]+)/.exec(schemaUrl ?? "");
  if (!match) return null;
  const appManifest = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const path = join(appManifest, "build", "json-schemas", match[1]);
  return existsSync(path) ? path : null;
}

async function convertToJson(manifestPath, outputDir) {
  const current = step("conversion to the unified JSON manifest (office-addin-manifest-converter)");
  const { convert } = require("office-addin-manifest-converter");
  const original = { log: console.log, error: console.error, warn: console.warn };
  const messages = [];
  const capture = (...parts) => messages.push(format(...parts));
  Object.assign(console, { log: capture, error: capture, warn: capture });
  try {
    // imageDownload=false keeps it offline; verbose=true is what makes it report truncations and other warnings.
    await convert(manifestPath, outputDir, false, null, null, true);
  } catch (error) {
    current.errors.push(`conversion failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    Object.assign(console, original);
  }
  for (const message of messages) {
    const body = message.replace(/^\[CONVERTER\]:\s*/, "");
    if (/^ERROR:/i.test(body)) current.errors.push(body.replace(/^ERROR:\s*/i, ""));
    else if (/^WARNING:/i.test(body)) current.warnings.push(body.replace(/^WARNING:\s*/i, ""));
  }
  const jsonPath = join(outputDir, "manifest.json");
  if (!existsSync(jsonPath)) current.errors.push("the converter wrote no manifest.json");
  else current.notes.push(`wrote ${readdirSync(outputDir).join(", ")} (in a temporary folder)`);
  return { current: finish(current), jsonPath };
}

/**
 * The same JSON-schema validator office-addin-manifest uses (ajv with draft-04), from its own dependency tree.
 * unicodeRegExp is off because the bundled localization schema has patterns that are invalid with the u flag.
 */
function compileLocalizationSchema(schemaPath) {
  const appManifestRequire = createRequire(require.resolve("@microsoft/app-manifest/package.json"));
  const AjvDraft04 = appManifestRequire("ajv-draft-04");
  const addFormats = appManifestRequire("ajv-formats");
  const ajv = new (AjvDraft04.default ?? AjvDraft04)({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
  });
  (addFormats.default ?? addFormats)(ajv, ["uri", "email", "regex"]);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
}

async function validateJson(jsonPath) {
  const current = step("unified JSON manifest schema (office-addin-manifest, offline)");
  const manifest = JSON.parse(readFileSync(jsonPath, "utf8"));
  const schemaFile = localSchemaPath(manifest.$schema);
  if (!schemaFile) {
    // office-addin-manifest would download the schema; this check must stay offline.
    current.errors.push(
      `the JSON schema ${manifest.$schema} is not bundled, so it cannot be checked offline`,
    );
    return finish(current);
  }
  const { validateManifest } = require("office-addin-manifest");
  const validation = await validateManifest(jsonPath);
  for (const issue of validation.report?.errors ?? []) current.errors.push(String(issue.content));
  if (!validation.isValid && current.errors.length === 0)
    current.errors.push("reported invalid without details");

  // The per-language files, against the bundled localization schema of the same version (office-addin-manifest
  // does not check these).
  const validateLocalization = compileLocalizationSchema(
    join(dirname(schemaFile), "MicrosoftTeams.Localization.schema.json"),
  );
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const file = join(dirname(jsonPath), language.file);
    if (!existsSync(file)) {
      current.errors.push(`${language.file}: missing`);
      continue;
    }
    if (!validateLocalization(JSON.parse(readFileSync(file, "utf8")))) {
      for (const problem of validateLocalization.errors ?? []) {
        current.errors.push(`${language.file}: ${problem.instancePath} ${problem.message}`);
      }
    }
  }
  current.notes.push(
    `schema ${relative(repoRoot, schemaFile)}; ${manifest.localizationInfo?.additionalLanguages?.length ?? 0} language files`,
  );
  return finish(current);
}

// ---------------------------------------------------------------------------------------------------------------

/** Runs every check on one manifest file and returns the steps. */
export async function validateManifestFile(manifestPath, { production = false } = {}) {
  const steps = [checkWithXmllint(manifestPath)];
  const parse = step("well-formed XML (JS parser)");
  const { document, problems } = parseXml(readFileSync(manifestPath, "utf8"));
  parse.errors.push(...problems);
  steps.push(finish(parse));
  if (parse.status === "fail" || !document?.documentElement) return steps;
  steps.push(checkXsd(manifestPath));
  steps.push(checkStructure(document));
  steps.push(checkIdentity(document, { production }));
  steps.push(checkResources(document));
  steps.push(checkUrls(document, { production }));
  steps.push(checkIcons(document));
  steps.push(checkRequirements(document));
  if (steps.some((current) => current.status === "fail")) {
    // The converter's reaction to a manifest already known to be wrong adds noise, not information.
    const skipped = step("conversion to the unified JSON manifest and its schema");
    skipped.status = "skip";
    skipped.notes.push("not run: fix the errors above first");
    steps.push(skipped);
    return steps;
  }
  const outputDir = mkdtempSync(join(tmpdir(), "pregon-manifest-"));
  try {
    const { current, jsonPath } = await convertToJson(manifestPath, outputDir);
    steps.push(current);
    if (existsSync(jsonPath)) steps.push(await validateJson(jsonPath));
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
  return steps;
}

function printReport(manifestPath, steps) {
  const mark = { ok: "ok  ", skip: "skip", fail: "FAIL" };
  console.log(`Manifest check (offline): ${relative(process.cwd(), manifestPath) || manifestPath}`);
  for (const current of steps) {
    console.log(
      `  [${mark[current.status]}] ${current.title}${current.notes.length ? ` — ${current.notes.join("; ")}` : ""}`,
    );
    for (const error of current.errors) console.log(`         error: ${error}`);
    for (const warning of current.warnings) console.log(`         warning: ${warning}`);
  }
  const count = (status) => steps.filter((current) => current.status === status).length;
  const errors = steps.reduce((sum, current) => sum + current.errors.length, 0);
  const warnings = steps.reduce((sum, current) => sum + current.warnings.length, 0);
  console.log(
    `Result: ${count("ok")} passed, ${count("skip")} skipped, ${count("fail")} failed (${errors} errors, ${warnings} warnings)`,
  );
  console.log(
    "Not checked offline: Microsoft's validation service (store policies, live URL reachability, how each Outlook client renders the manifest).",
  );
  return errors + warnings === 0;
}

async function main() {
  const args = process.argv.slice(2);
  const production = args.includes("--production");
  const positional = args.filter((arg) => !arg.startsWith("--"));
  const manifestPath = resolve(positional[0] ?? join(repoRoot, "manifest.xml"));
  if (!existsSync(manifestPath) || !statSync(manifestPath).isFile()) {
    console.error(`No manifest at ${manifestPath}`);
    process.exit(2);
  }
  const steps = await validateManifestFile(manifestPath, { production });
  process.exit(printReport(manifestPath, steps) ? 0 : 1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
