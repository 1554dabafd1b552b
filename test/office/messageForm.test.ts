// Showing a dashboard row's message in Outlook: the Graph id goes through convertToEwsId (Office.js takes EWS ids)
// and opens with displayMessageFormAsync (Mailbox 1.9) or displayMessageForm below it; not on iOS/Android.
import { OfficeMailHost } from "../../src/office";
import { installOffice, uninstallOffice } from "./officeMock";

afterEach(uninstallOffice);

describe("opening a message from the pane", () => {
  it.each([
    ["OfficeOnline", true],
    ["PC", true],
    ["Mac", true],
    ["iOS", false],
    ["Android", false],
  ] as const)("on %s canOpenMessage is %s", (platform, expected) => {
    installOffice({ platform });
    expect(new OfficeMailHost().canOpenMessage()).toBe(expected);
  });

  it("converts the Graph id to an EWS id and opens it with displayMessageFormAsync", async () => {
    const office = installOffice();
    await new OfficeMailHost().openMessage("AAMk_msg-1=");
    expect(office.calls).toEqual(["convertToEwsId v2.0", "displayMessageFormAsync AAMk+msg/1="]);
  });

  it("uses displayMessageForm below Mailbox 1.9", async () => {
    const office = installOffice({ mailboxVersion: "1.8" });
    await new OfficeMailHost().openMessage("AAMk_msg-1=");
    expect(office.calls).toEqual(["convertToEwsId v2.0", "displayMessageForm AAMk+msg/1="]);
  });

  it("reports Outlook's refusal as officeFailed, and an unsupported client as officeUnsupported", async () => {
    installOffice({ fail: { displayMessageFormAsync: { code: 9030, name: "InvalidItemId", message: "x" } } });
    await expect(new OfficeMailHost().openMessage("AAMk_msg-1=")).rejects.toMatchObject({
      code: "officeFailed",
      details: { operation: "displayMessageFormAsync", officeCode: 9030 },
    });
    uninstallOffice();
    const office = installOffice({ platform: "iOS" });
    await expect(new OfficeMailHost().openMessage("AAMk_msg-1=")).rejects.toMatchObject({
      code: "officeUnsupported",
    });
    expect(office.calls).toEqual([]);
  });
});
