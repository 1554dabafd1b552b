// A recipient that is not an SMTP address: real Graph refuses the whole send with 400 ErrorInvalidRecipients
// ("At least one recipient isn't valid., Recipient "bad" isn't resolved. …", microsoftgraph/ruby-connect-rest-
// sample#15, microsoftgraph/php-connect-sample#13). Nothing is delivered, nothing lands in Sent Items, and a draft
// stays a draft. The old emulator took such an address as "external" and answered 202.
import { ANA, LAURA, TIC, errorCode, obj, setupEmulator } from "./helpers";

const h = setupEmulator();
const to = (address: string) => ({ emailAddress: { address } });

describe("recipients that are not SMTP addresses", () => {
  it.each([
    "laura.universidad.example",
    "laura@@universidad.example",
    "laura gomez@x.example",
    "@x.example",
    "laura@",
    "laura@x..example",
  ])("sendMail to %p answers 400 ErrorInvalidRecipients and delivers to nobody", async (bad) => {
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Aviso", toRecipients: [to(LAURA)], ccRecipients: [to(bad)] },
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("ErrorInvalidRecipients");
    expect(JSON.stringify(reply.body)).toContain("isn't resolved");
    h.afterSentItemsDelay();
    expect(h.tenant.storedMessages(LAURA, "inbox")).toEqual([]);
    expect(h.tenant.storedMessages(TIC, "sentitems")).toEqual([]);
  });

  it("a draft with such a recipient stays in Drafts when its send is refused", async () => {
    const token = h.token(ANA);
    const draft = obj(
      (await h.call(token, "POST", "/me/messages", { subject: "Relevo", toRecipients: [to("nadie")] })).body,
    );
    const sent = await h.call(token, "POST", `/me/messages/${encodeURIComponent(String(draft.id))}/send`);
    expect(sent.status).toBe(400);
    expect(errorCode(sent.body)).toBe("ErrorInvalidRecipients");
    expect(h.tenant.storedMessages(ANA, "drafts").map((m) => m.id)).toEqual([draft.id]);
  });

  it("a reply to a message whose sender address is malformed is refused the same way", async () => {
    const delivered = h.tenant.deliver(ANA, {
      subject: "Solicitud",
      from: { emailAddress: { name: "Laura", address: "laura.universidad.example" } },
      toRecipients: [to(ANA)],
      body: { contentType: "text", content: "Hola" },
    });
    const reply = await h.call(h.token(ANA), "POST", `/me/messages/${encodeURIComponent(delivered)}/reply`, {
      comment: "Recibido",
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("ErrorInvalidRecipients");
  });

  it("still accepts external and in-tenant addresses", async () => {
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Fuera", toRecipients: [to("persona@otra.example"), to(LAURA)] },
    });
    expect(reply.status).toBe(202);
    expect(h.tenant.storedMessages(LAURA, "inbox")).toHaveLength(1);
  });
});
