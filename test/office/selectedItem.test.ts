import { OfficeMailHost } from "../../src/office";
import { installOffice, readMessage, uninstallOffice } from "./officeMock";

afterEach(uninstallOffice);

describe("OfficeMailHost.getSelectedItem", () => {
  it("maps the read-mode message and converts its EWS id to a Graph (REST v2.0) id", async () => {
    const office = installOffice({ item: readMessage() });

    const item = await new OfficeMailHost().getSelectedItem();

    expect(item).toEqual({
      itemId: "AAMkADc3_MWUy-MGQ0AAA=",
      subject: "Solicitud de envío masivo: semana de la ciencia",
      from: { name: "Facultad de Ciencias", address: "ciencias@uni.example.edu.co" },
      conversationId: "AAQkADc3MWUyMGQ0",
      mailbox: "me",
    });
    expect(office.calls).toContain("convertToRestId v2.0");
  });

  it("addresses an item in a shared mailbox through its owner", async () => {
    installOffice({
      item: readMessage({
        getSharedPropertiesAsync: (callback: (r: unknown) => void) =>
          callback({
            status: "succeeded",
            value: {
              owner: "comunicaciones@uni.example.edu.co",
              targetMailbox: "comunicaciones@uni.example.edu.co",
              targetRestUrl: "https://outlook.office.com/api",
              delegatePermissions: 63,
            },
          }),
      }),
    });

    const item = await new OfficeMailHost().getSelectedItem();

    expect(item?.mailbox).toBe("comunicaciones@uni.example.edu.co");
  });

  it("treats a failed getSharedPropertiesAsync (item not shared) and the user's own address as 'me'", async () => {
    installOffice({
      item: readMessage({
        getSharedPropertiesAsync: (callback: (r: unknown) => void) =>
          callback({
            status: "failed",
            error: { code: 9041, name: "GenericResponseError", message: "not shared" },
          }),
      }),
    });
    expect((await new OfficeMailHost().getSelectedItem())?.mailbox).toBe("me");

    installOffice({
      item: readMessage({
        getSharedPropertiesAsync: (callback: (r: unknown) => void) =>
          callback({ status: "succeeded", value: { owner: "Ana.Perez@uni.example.edu.co" } }),
      }),
    });
    expect((await new OfficeMailHost().getSelectedItem())?.mailbox).toBe("me");
  });

  it("returns null when nothing, an appointment, or a compose form is selected", async () => {
    installOffice();
    expect(await new OfficeMailHost().getSelectedItem()).toBeNull();
    installOffice({ item: readMessage({ itemType: "appointment" }) });
    expect(await new OfficeMailHost().getSelectedItem()).toBeNull();
    const compose = readMessage();
    delete compose.itemId;
    installOffice({ item: compose });
    expect(await new OfficeMailHost().getSelectedItem()).toBeNull();
  });

  it("does not ask getSelectedItemsAsync for a missing id (it needs ReadWriteMailbox, not in the manifest)", async () => {
    const getSelectedItemsAsync = jest.fn((callback: (result: unknown) => void) =>
      callback({
        status: "succeeded",
        value: [{ itemId: "AAMk+sel/1=", subject: "x", itemType: "message" }],
      }),
    );
    installOffice({ item: readMessage({ itemId: "" }), getSelectedItemsAsync });

    await expect(new OfficeMailHost().getSelectedItem()).rejects.toMatchObject({
      code: "officeFailed",
      details: { operation: "itemId" },
    });
    expect(getSelectedItemsAsync).not.toHaveBeenCalled();
  });

  it("fails with officeFailed when no id can be had at all", async () => {
    installOffice({ item: readMessage({ itemId: "" }) });

    await expect(new OfficeMailHost().getSelectedItem()).rejects.toMatchObject({
      code: "officeFailed",
      nextStep: "reload",
      details: { operation: "itemId" },
    });
  });

  it("reads the user's address and Outlook's display language", () => {
    installOffice();
    const host = new OfficeMailHost();
    expect(host.userAddress).toBe("ana.perez@uni.example.edu.co");
    expect(host.displayLanguage).toBe("es-CO");
  });

  it("says officeUnsupported outside Office", async () => {
    uninstallOffice();
    await expect(new OfficeMailHost().getSelectedItem()).rejects.toMatchObject({ code: "officeUnsupported" });
  });
});
