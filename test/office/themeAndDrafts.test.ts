import { OfficeMailHost } from "../../src/office";
import { luminance, themeFromBackground } from "../../src/office/theme";
import { officeAsync } from "../../src/office/officeAsync";
import { installOffice, uninstallOffice } from "./officeMock";

afterEach(uninstallOffice);

describe("theme", () => {
  it.each([
    ["#1f1f1f", "dark"],
    ["#262626", "dark"],
    ["#666666", "dark"],
    ["#ffffff", "light"],
    ["#f3f2f1", "light"],
  ])("body background %s → %s", (color, expected) => {
    installOffice({ bodyBackgroundColor: color });
    expect(new OfficeMailHost().getTheme()).toBe(expected);
  });

  it("falls back to the web view's preference below Mailbox 1.14 or on an unreadable colour", () => {
    installOffice({ mailboxVersion: "1.13", bodyBackgroundColor: "#000000" });
    expect(new OfficeMailHost().getTheme()).toBe("light");
    expect(themeFromBackground("black")).toBeUndefined();
  });

  it("computes WCAG relative luminance, short and long hex", () => {
    expect(luminance("#000")).toBe(0);
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("#777777")).toBeCloseTo(0.184, 3);
  });
});

describe("opening a draft", () => {
  it.each([
    ["OfficeOnline", true],
    ["PC", true],
    ["Mac", false],
    ["iOS", false],
    ["Android", false],
  ] as const)("on %s canOpenDraft is %s", (platform, expected) => {
    installOffice({ platform });
    expect(new OfficeMailHost().canOpenDraft()).toBe(expected);
  });

  it("converts the Graph id to an EWS id and opens it with displayMessageFormAsync", async () => {
    const office = installOffice({ platform: "PC" });

    await new OfficeMailHost().openDraft("AAMk_draft-1=");

    expect(office.calls).toEqual(["convertToEwsId v2.0", "displayMessageFormAsync AAMk+draft/1="]);
  });

  it("uses displayMessageForm below Mailbox 1.9", async () => {
    const office = installOffice({ platform: "PC", mailboxVersion: "1.8" });

    await new OfficeMailHost().openDraft("AAMk_draft-1=");

    expect(office.calls).toEqual(["convertToEwsId v2.0", "displayMessageForm AAMk+draft/1="]);
  });

  it("maps a failed displayMessageFormAsync to officeFailed", async () => {
    installOffice({
      platform: "OfficeOnline",
      fail: { displayMessageFormAsync: { code: 9030, name: "InvalidItemId", message: "x" } },
    });

    await expect(new OfficeMailHost().openDraft("AAMk_draft-1=")).rejects.toMatchObject({
      code: "officeFailed",
      details: { operation: "displayMessageFormAsync", officeCode: 9030, officeError: "InvalidItemId" },
    });
  });

  it("refuses on a client that cannot open drafts", async () => {
    const office = installOffice({ platform: "Mac" });

    await expect(new OfficeMailHost().openDraft("AAMk_draft-1=")).rejects.toMatchObject({
      code: "officeUnsupported",
    });
    expect(office.calls).toEqual([]);
  });
});

describe("officeAsync", () => {
  it("turns a synchronous throw of the Office API into officeFailed", async () => {
    installOffice();
    await expect(
      officeAsync("getAsync", () => {
        throw new TypeError("bad argument");
      }),
    ).rejects.toMatchObject({ code: "officeFailed", details: { operation: "getAsync" } });
  });
});
