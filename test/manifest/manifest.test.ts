// The manifest passes the same offline checks as `npm run validate`, and those checks are not vacuous: copies of
// the manifest broken on purpose fail them, each for the reason it was broken. The scripts run as child processes,
// exactly as CI runs them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repoRoot = resolve(__dirname, "../..");
const manifestXml = readFileSync(join(repoRoot, "manifest.xml"), "utf8");
const timeout = 60_000;
let workDir = "";

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "pregon-manifest-test-"));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

function run(script: string, ...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(repoRoot, "scripts", script), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Writes a copy of manifest.xml changed by `edit`, failing loudly if the edit did not apply. */
function brokenCopy(name: string, edit: (xml: string) => string): string {
  const changed = edit(manifestXml);
  expect(changed).not.toBe(manifestXml);
  const path = join(workDir, `${name}.xml`);
  writeFileSync(path, changed);
  return path;
}

describe("manifest.xml", () => {
  it(
    "passes every offline check with no errors and no warnings",
    () => {
      const { status, output } = run("validate-manifest.mjs");
      expect(output).toMatch(/Result: \d+ passed, \d+ skipped, 0 failed \(0 errors, 0 warnings\)/);
      expect(output).toContain("[ok  ] unified JSON manifest schema");
      expect(status).toBe(0);
    },
    timeout,
  );

  it(
    "fails without an Id",
    () => {
      const path = brokenCopy("no-id", (xml) => xml.replace(/\s*<Id>[^<]*<\/Id>/, ""));
      const { status, output } = run("validate-manifest.mjs", path);
      expect(output).toContain("missing <Id>");
      expect(status).toBe(1);
    },
    timeout,
  );

  it(
    "fails with an http URL",
    () => {
      const path = brokenCopy("http", (xml) =>
        xml.replace("https://localhost:3000/taskpane.html", "http://localhost:3000/taskpane.html"),
      );
      const { status, output } = run("validate-manifest.mjs", path);
      expect(output).toMatch(/http:\/\/localhost:3000\/taskpane\.html is not https/);
      expect(status).toBe(1);
    },
    timeout,
  );

  it(
    "fails when elements are out of the schema's order",
    () => {
      const path = brokenCopy("order", (xml) =>
        xml.replace(/(\s*<Permissions>[^<]*<\/Permissions>)(\s*<Rule [^>]*\/>)/, "$2$1"),
      );
      const { status, output } = run("validate-manifest.mjs", path);
      expect(output).toContain("<Permissions> must come before <Rule>");
      expect(status).toBe(1);
    },
    timeout,
  );

  it(
    "fails when a button icon has the wrong pixel size",
    () => {
      const path = brokenCopy("icon-size", (xml) =>
        xml.replace('size="80" resid="Icon.80x80"', 'size="80" resid="Icon.32x32"'),
      );
      const { status, output } = run("validate-manifest.mjs", path);
      expect(output).toContain("assets/icon-32.png is 32×32, expected 80×80");
      expect(status).toBe(1);
    },
    timeout,
  );

  it(
    "fails when a string lacks its English translation",
    () => {
      const path = brokenCopy("translation", (xml) =>
        xml.replace(/(<bt:String id="OpenPane.Title"[^>]*>)\s*<bt:Override[^>]*\/>/, "$1"),
      );
      const { status, output } = run("validate-manifest.mjs", path);
      expect(output).toContain("string OpenPane.Title: no en-US translation");
      expect(status).toBe(1);
    },
    timeout,
  );

  it(
    "is not accepted as a production manifest while it points at localhost",
    () => {
      const { status, output } = run("validate-manifest.mjs", "--production");
      expect(output).toContain("still points at the development host");
      expect(status).toBe(1);
    },
    timeout,
  );
});

describe("set-manifest-host", () => {
  it(
    "rewrites every development URL for a production host, and the result validates in production mode",
    () => {
      const out = join(workDir, "manifest.prod.xml");
      const { status, output } = run(
        "set-manifest-host.mjs",
        "https://addins.example.edu/pregon",
        "--provider=Universidad Ejemplo & Co",
        out,
      );
      expect(output).toContain("Validated offline (production mode): no errors, no warnings.");
      expect(status).toBe(0);
      const prod = readFileSync(out, "utf8");
      const withoutComments = prod.replace(/<!--[\s\S]*?-->/g, "");
      expect(withoutComments).not.toContain("localhost");
      expect(withoutComments).toContain(
        '<SourceLocation DefaultValue="https://addins.example.edu/pregon/taskpane.html" />',
      );
      expect(withoutComments).toContain("<AppDomain>https://addins.example.edu</AppDomain>");
      expect(withoutComments).toContain("<AppDomain>https://login.microsoftonline.com</AppDomain>");
      expect(withoutComments).toContain("<ProviderName>Universidad Ejemplo &amp; Co</ProviderName>");
      expect(withoutComments).not.toContain("(demo)");
    },
    timeout,
  );

  it("refuses to write a production manifest without the institution's provider name", () => {
    const out = join(workDir, "no-provider.xml");
    const { status, output } = run("set-manifest-host.mjs", "https://addins.example.edu/pregon", out);
    expect(output).toContain("--provider is required");
    expect(status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it(
    "does not accept the development provider name in production mode",
    () => {
      const path = brokenCopy("provider", (xml) =>
        xml.replace(/https:\/\/localhost:3000/g, "https://addins.example.edu"),
      );
      const { status, output } = run("validate-manifest.mjs", path, "--production");
      expect(output).toContain('<ProviderName> "Universidad (demo)" is the development name');
      expect(status).toBe(1);
    },
    timeout,
  );

  it("refuses a base URL that is not https", () => {
    const { status, output } = run(
      "set-manifest-host.mjs",
      "http://addins.example.edu/pregon/",
      join(workDir, "x.xml"),
    );
    expect(output).toContain("must be an https URL");
    expect(status).toBe(2);
  });
});
