import { whenOutlookReady } from "../../src/office";
import { installOffice, uninstallOffice } from "./officeMock";

afterEach(uninstallOffice);

function withHost(host: string): void {
  installOffice();
  const office = (globalThis as unknown as { Office: Record<string, unknown> }).Office;
  office.HostType = { Outlook: "Outlook", Word: "Word" };
  office.onReady = () => Promise.resolve({ host, platform: "OfficeOnline" });
}

describe("whenOutlookReady", () => {
  it("resolves in Outlook", async () => {
    withHost("Outlook");
    await expect(whenOutlookReady()).resolves.toBeUndefined();
  });

  it("refuses another Office application, or no Office at all", async () => {
    withHost("Word");
    await expect(whenOutlookReady()).rejects.toMatchObject({
      code: "officeUnsupported",
      details: { host: "Word" },
    });
    uninstallOffice();
    await expect(whenOutlookReady()).rejects.toMatchObject({ code: "officeUnsupported" });
  });
});
