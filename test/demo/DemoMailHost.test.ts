// The demo's mail-host stand-in gives the pane REST ids only through a conversion, as Outlook does: the id the
// message list hands it is EWS-style, which Graph (here the embedded tenant) refuses.
import { createTenant } from "../../src/emulator";
import { DemoMailHost } from "../../src/demo/DemoMailHost";
import { convertToRestId, toEwsId } from "../../src/demo/officeIds";

const DOMAIN = "universidad.example";
const ANA = `ana@${DOMAIN}`;

function setup() {
  const tenant = createTenant({ domain: DOMAIN, users: [{ address: ANA, displayName: "Ana" }] });
  const restId = tenant.deliver(ANA, {
    subject: "Solicitud",
    from: { emailAddress: { address: `facultad@${DOMAIN}` } },
    body: { contentType: "html", content: "<p>Hola</p>" },
  });
  const host = new DemoMailHost({
    userAddress: ANA,
    displayLanguage: "es-CO",
    theme: "light",
    onOpenDraft: () => undefined,
  });
  const get = (id: string) =>
    tenant.fetch(
      new Request(`https://graph.microsoft.com/v1.0/me/messages/${encodeURIComponent(id)}`, {
        headers: { Authorization: `Bearer ${tenant.issueToken(ANA)}` },
      }),
    );
  return { restId, host, get };
}

describe("EWS-style ids in the demo host", () => {
  it("differ from the REST id and convert back to it, only for REST v2.0", () => {
    const { restId } = setup();
    const ewsId = toEwsId(restId);
    expect(ewsId).not.toBe(restId);
    expect(convertToRestId(ewsId, "v2.0")).toBe(restId);
    expect(() => convertToRestId(ewsId, "v1.0")).toThrow(/v2\.0/);
    // A REST id is not an EWS id: converting twice is a bug the stand-in reports.
    expect(() => convertToRestId(restId, "v2.0")).toThrow(/not an EWS item id/);
  });

  it("gives the pane the converted id, which Graph accepts; the unconverted one is refused", async () => {
    const { restId, host, get } = setup();
    const ewsId = toEwsId(restId);
    host.select({ ewsItemId: ewsId, subject: "Solicitud", mailbox: "me" });

    const selected = await host.getSelectedItem();
    expect(selected).toEqual({ itemId: restId, subject: "Solicitud", mailbox: "me" });
    expect((await get(selected?.itemId ?? "")).status).toBe(200);

    const unconverted = await get(ewsId);
    expect(unconverted.status).toBe(400);
    expect(((await unconverted.json()) as { error: { code: string } }).error.code).toBe(
      "ErrorInvalidIdMalformed",
    );
  });

  it("has nothing selected until the list selects something", async () => {
    const { host } = setup();
    expect(await host.getSelectedItem()).toBeNull();
  });
});

describe("showing a message from the pane (a dashboard row)", () => {
  it("asks the demo's list to select it, and the list's selection is what the pane then reads", async () => {
    const { restId, host } = setup();
    const asked: Array<[string, string]> = [];
    const changes = jest.fn();
    host.onSelectionChanged(changes);
    const stop = host.onOpenMessage((id, mailbox) => {
      asked.push([id, mailbox]);
      host.select({ ewsItemId: toEwsId(id), subject: "Solicitud", mailbox });
    });

    expect(host.canOpenMessage()).toBe(true);
    await host.openMessage(restId, "me");
    expect(asked).toEqual([[restId, "me"]]);
    expect(changes).toHaveBeenCalledTimes(1);
    expect(await host.getSelectedItem()).toEqual({ itemId: restId, subject: "Solicitud", mailbox: "me" });
    stop();
  });

  it("without a list, selects the message itself (an ItemChanged for the pane)", async () => {
    const { restId, host, get } = setup();
    const changes = jest.fn();
    host.onSelectionChanged(changes);
    await host.openMessage(restId, "me");
    expect(changes).toHaveBeenCalledTimes(1);
    const selected = await host.getSelectedItem();
    expect(selected).toMatchObject({ itemId: restId, mailbox: "me" });
    expect((await get(selected?.itemId ?? "")).status).toBe(200);
  });
});
