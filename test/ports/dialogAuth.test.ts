import {
  dialogRequestUrl,
  parseDialogMessage,
  readDialogClaims,
  serializeDialogMessage,
} from "../../src/ports/dialogAuth";
import type { DialogAuthMessage } from "../../src/ports/dialogAuth";

describe("dialog protocol", () => {
  it.each<DialogAuthMessage>([
    { type: "pregon-auth", ok: true, accessToken: "t", expiresOn: "2026-11-27T15:00:00Z" },
    { type: "pregon-auth", ok: false, errorCode: "user_cancelled" },
  ])("round-trips %p", (message) => {
    expect(parseDialogMessage(serializeDialogMessage(message))).toEqual(message);
  });

  it.each([
    "not json",
    "null",
    '{"type":"other","ok":true,"accessToken":"t","expiresOn":"x"}',
    '{"type":"pregon-auth","ok":true,"accessToken":"t"}',
    '{"type":"pregon-auth","ok":false}',
  ])("rejects %p", (text) => {
    expect(parseDialogMessage(text)).toBeUndefined();
  });

  it("ignores extra fields the page might add", () => {
    const text = '{"type":"pregon-auth","ok":false,"errorCode":"x","debug":"y"}';
    expect(parseDialogMessage(text)).toEqual({ type: "pregon-auth", ok: false, errorCode: "x" });
  });

  it("carries a claims challenge to the dialog page and back out of its query string", () => {
    const claims = '{"access_token":{"xms_cc":{"values":["CP1"]}}}';
    const url = dialogRequestUrl("dialog.html", claims);
    expect(url.startsWith("dialog.html?claims=")).toBe(true);
    expect(readDialogClaims(url.slice(url.indexOf("?")))).toBe(claims);
    expect(dialogRequestUrl("dialog.html?lang=es", claims)).toContain("dialog.html?lang=es&claims=");
    expect(dialogRequestUrl("dialog.html")).toBe("dialog.html");
    expect(readDialogClaims("?lang=es")).toBeUndefined();
  });
});
