// The sender's MAPI named properties on internal mail: dropped (default) or kept on the recipients' copies;
// x- internet headers (PS_INTERNET_HEADERS properties) arrive in both modes.
import { ANA, CASE_ID_PROP, HEADER_PROP, TIC, list, obj, setupEmulator } from "./helpers";

const h = setupEmulator();
const CANONICAL_CASE_ID = "String {00020329-0000-0000-c000-000000000046} Name pregon.caseId";
const CANONICAL_HEADER = "String {00020386-0000-0000-c000-000000000046} Name x-pregon-case";

async function sendWithProperties(): Promise<void> {
  const token = h.token(ANA);
  const draft = obj(
    (
      await h.call(token, "POST", "/me/messages", {
        subject: "Con propiedades",
        toRecipients: [{ emailAddress: { address: TIC } }],
        singleValueExtendedProperties: [
          { id: HEADER_PROP, value: "CM-2611-7F3K" },
          { id: CASE_ID_PROP, value: "CM-2611-7F3K" },
        ],
      })
    ).body,
  );
  const sent = await h.call(token, "POST", `/me/messages/${encodeURIComponent(String(draft.id))}/send`);
  expect(sent.status).toBe(202);
  h.afterSentItemsDelay();
}

function receivedIds(): string[] {
  return (h.tenant.storedMessages(TIC, "inbox")[0]?.singleValueExtendedProperties ?? []).map((p) => p.id);
}

describe("named properties across delivery", () => {
  it("drops the sender's named properties by default (the stricter of what Exchange is seen to do)", async () => {
    expect(h.tenant.behaviour.namedPropertiesOnDelivery).toBe("drop");
    await sendWithProperties();
    expect(receivedIds()).toEqual([CANONICAL_HEADER]);
    expect(h.tenant.storedMessages(ANA, "sentitems")[0]?.singleValueExtendedProperties).toHaveLength(2);
  });

  it("keeps them on the recipients' copies when told to, besides the promoted x- header", async () => {
    h.tenant.behaviour.namedPropertiesOnDelivery = "keep";
    await sendWithProperties();
    expect(receivedIds().sort()).toEqual([CANONICAL_HEADER, CANONICAL_CASE_ID].sort());
    const received = h.tenant.storedMessages(TIC, "inbox")[0];
    const sent = h.tenant.storedMessages(ANA, "sentitems")[0];
    // A copy, not the sender's object: the recipient's copy changes alone.
    const mine = received?.singleValueExtendedProperties.find((p) => p.id === CANONICAL_CASE_ID);
    if (mine) mine.value = "changed";
    expect(sent?.singleValueExtendedProperties.find((p) => p.id === CANONICAL_CASE_ID)?.value).toBe(
      "CM-2611-7F3K",
    );
  });

  it.each(["drop", "keep"] as const)(
    "delivers the x- header as a filterable property and an internet header in %s mode",
    async (mode) => {
      h.tenant.behaviour.namedPropertiesOnDelivery = mode;
      await sendWithProperties();
      const filter = new URLSearchParams({
        $filter: `singleValueExtendedProperties/Any(ep: ep/id eq '${HEADER_PROP}' and ep/value eq 'CM-2611-7F3K')`,
        $select: "internetMessageHeaders",
      });
      const found = list((await h.call(h.token(TIC), "GET", `/me/messages?${filter.toString()}`)).body);
      expect(found).toHaveLength(1);
      expect(found[0]?.internetMessageHeaders).toEqual(
        expect.arrayContaining([{ name: "x-pregon-case", value: "CM-2611-7F3K" }]),
      );
    },
  );
});
