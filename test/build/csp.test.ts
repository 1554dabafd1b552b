// The production Content-Security-Policy must let the pane reach every origin its Graph traffic goes to, or the
// browser blocks the request before it leaves: Graph itself, and Exchange's upload-session host, where
// createUploadSession's uploadUrl points (attachments over 3 MB). The emulator serves both origins with the
// same defaults as Microsoft 365, so its origins are the list to check.
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
