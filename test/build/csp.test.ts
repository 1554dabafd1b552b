// The production Content-Security-Policy must let the pane reach every origin its Graph traffic goes to, or the
// browser blocks the request before it leaves: Graph itself, and Exchange's upload-session host, where
// createUploadSession's uploadUrl points (attachments over 3 MB). The emulator serves both origins with the
// same defaults as Microsoft 365, so its origins are the list to check.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_BASE_URL, DEFAULT_UPLOAD_ORIGIN } from "../../src/emulator/state/tenant";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CSP } = require("../../webpack.config.js") as { CSP: string };

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name);
  return found ? found.slice(1) : [];
}

describe("production CSP connect-src", () => {
  it.each([
    ["Graph", DEFAULT_BASE_URL],
    ["the attachment upload host", DEFAULT_UPLOAD_ORIGIN],
    ["the identity platform", "https://login.microsoftonline.com"],
  ])("allows %s (%s)", (_label, origin) => {
    expect(directive(CSP, "connect-src")).toContain(new URL(origin).origin);
  });

  it("has no wildcard that would make the check meaningless", () => {
    expect(directive(CSP, "connect-src").some((source) => source.includes("*") || source === "https:")).toBe(
      false,
    );
  });
});

describe("production CSP img-src", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { imageSources } = require("../../webpack.config.js") as {
    imageSources: (configFile?: string) => string[];
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const template = require("../../src/config/pregon.config.json") as { imageHosts?: string[] };

  it("is the pane itself plus exactly the configured image hosts (the hosts a mass mail keeps images from)", () => {
    const hosts = template.imageHosts ?? [];
    expect(hosts.length).toBeGreaterThan(0);
    expect(directive(CSP, "img-src")).toEqual([
      "'self'",
      "data:",
      "blob:",
      ...hosts.map((h) => `https://${h}`),
    ]);
  });

  it("has no wildcard and no bare https: (a tracking pixel from any host would load)", () => {
    expect(directive(CSP, "img-src").some((source) => source.includes("*") || source === "https:")).toBe(
      false,
    );
  });

  it("stops the build on an image host that is not a plain host name (it would be written into the policy)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pregon-csp-"));
    const file = path.join(dir, "pregon.config.json");
    for (const bad of [
      "*",
      "https:",
      "www.u.example; script-src *",
      "'unsafe-inline'",
      "www.u.example/img",
    ]) {
      writeFileSync(file, JSON.stringify({ imageHosts: [bad] }));
      expect(() => imageSources(file)).toThrow(/not a host name/);
    }
    writeFileSync(file, JSON.stringify({}));
    expect(imageSources(file)).toEqual([]);
  });
});
