import type { AppError } from "../../src/domain/errors";
import { OfficeMailHost } from "../../src/office";
import { EVENT_TYPES, installOffice, uninstallOffice } from "./officeMock";

afterEach(uninstallOffice);

describe("selection and theme events", () => {
  it("registers one ItemChanged handler for all listeners and removes it with the last one", async () => {
    const office = installOffice();
    const host = new OfficeMailHost();
    const seen: string[] = [];

    const offA = host.onSelectionChanged(() => seen.push("a"));
    const offB = host.onSelectionChanged(() => seen.push("b"));
    await host.settled();
    office.fire(EVENT_TYPES.ItemChanged);

    expect(office.calls).toEqual(["addHandlerAsync olkItemSelectedChanged"]);
    expect(seen).toEqual(["a", "b"]);

    offA();
    await host.settled();
    office.fire(EVENT_TYPES.ItemChanged);
    expect(seen).toEqual(["a", "b", "b"]);
    expect(office.calls).toHaveLength(1);

    offB();
    offB(); // unsubscribing twice is harmless
    await host.settled();
    expect(office.calls).toEqual([
      "addHandlerAsync olkItemSelectedChanged",
      "removeHandlerAsync olkItemSelectedChanged",
    ]);
    expect(office.handlers.size).toBe(0);
  });

  it("ends with nothing registered when a listener leaves before Office answered", async () => {
    const office = installOffice();
    const host = new OfficeMailHost();

    const off = host.onSelectionChanged(() => undefined);
    off();
    await host.settled();

    expect(office.handlers.size).toBe(0);
  });

  it("keeps other listeners running when one throws", async () => {
    const office = installOffice();
    const host = new OfficeMailHost();
    const seen: string[] = [];
    host.onSelectionChanged(() => {
      throw new Error("boom");
    });
    host.onSelectionChanged(() => seen.push("ok"));
    await host.settled();

    office.fire(EVENT_TYPES.ItemChanged);

    expect(seen).toEqual(["ok"]);
  });

  it("reports a refused subscription as officeFailed with Office's code and name", async () => {
    installOffice({
      fail: {
        addHandlerAsync: { code: 5000, name: "Permission Denied", message: "The add-in lacks permission" },
      },
    });
    const errors: AppError[] = [];
    const host = new OfficeMailHost({ onError: (e) => errors.push(e) });

    host.onSelectionChanged(() => undefined);
    await host.settled();

    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: "officeFailed",
      details: { operation: "addHandlerAsync", officeCode: 5000, officeError: "Permission Denied" },
    });
  });

  it("subscribes to OfficeThemeChanged on Mailbox 1.14", async () => {
    const office = installOffice({ mailboxVersion: "1.14" });
    const host = new OfficeMailHost();
    let changes = 0;

    host.onThemeChanged(() => changes++);
    await host.settled();
    office.fire(EVENT_TYPES.OfficeThemeChanged);

    expect(office.calls).toEqual(["addHandlerAsync officeThemeChanged"]);
    expect(changes).toBe(1);
  });

  it("makes onThemeChanged a no-op below Mailbox 1.14", async () => {
    const office = installOffice({ mailboxVersion: "1.13" });
    const host = new OfficeMailHost();

    const off = host.onThemeChanged(() => undefined);
    off();
    await host.settled();

    expect(office.calls).toEqual([]);
  });
});
