// Mail that really moves between mailboxes: send, sendMail, group expansion, Send As, replies and forwards.
import {
  ANA,
  CASE_ID_PROP,
  COMMS,
  DOMAIN,
  HEADER_PROP,
  JUAN,
  LAURA,
  RECTORIA,
  STUDENTS,
  TIC,
  errorCode,
  incoming,
  list,
  obj,
  setupEmulator,
} from "./helpers";
import { Tenant } from "../../src/emulator";
import { DEFAULT_SENT_ITEMS_DELAY_MS } from "../../src/emulator/mail/sentItemsDelay";

const h = setupEmulator();
const to = (address: string) => ({ emailAddress: { address } });

function inbox(address: string) {
  return h.tenant.storedMessages(address, "inbox");
}

describe("sendMail", () => {
  it("delivers to each existing member of a distribution group in Bcc, and keeps a copy in Sent Items", async () => {
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: {
        subject: "Convocatoria de movilidad",
        body: { contentType: "html", content: "<p>Mensaje masivo</p>" },
        bccRecipients: [to(STUDENTS)],
      },
    });
    expect(reply.status).toBe(202);
    for (const member of [LAURA, JUAN]) {
      const [copy] = inbox(member);
      expect(copy?.subject).toBe("Convocatoria de movilidad");
      expect(copy?.isRead).toBe(false);
      expect(copy?.bccRecipients).toEqual([]);
      expect(copy?.from?.emailAddress.address).toBe(TIC);
    }
    h.afterSentItemsDelay();
    const [sent] = h.tenant.storedMessages(TIC, "sentitems");
    expect(sent?.bccRecipients).toEqual([to(STUDENTS)]);
    expect(h.tenant.storedMessages(TIC, "drafts")).toEqual([]);
    expect(inbox(LAURA)[0]?.internetMessageId).toBe(sent?.internetMessageId);
  });

  it("accepts external addresses and can skip Sent Items", async () => {
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Fuera", toRecipients: [to("persona@otra.example")] },
      saveToSentItems: false,
    });
    expect(reply.status).toBe(202);
    h.afterSentItemsDelay();
    expect(h.tenant.storedMessages(TIC, "sentitems")).toEqual([]);
  });

  it("refuses a message with no recipients and an unknown parameter", async () => {
    const none = await h.call(h.token(TIC), "POST", "/me/sendMail", { message: { subject: "nadie" } });
    expect(none.status).toBe(400);
    expect(errorCode(none.body)).toBe("ErrorInvalidRecipients");
    const odd = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "x", toRecipients: [to(ANA)] },
      urgent: true,
    });
    expect(odd.status).toBe(400);
  });
});

describe("POST /messages/{id}/send", () => {
  it("moves the draft to Sent Items under a new id and delivers To, Cc and Bcc", async () => {
    const token = h.token(ANA);
    const draft = obj(
      (
        await h.call(token, "POST", "/me/messages", {
          subject: "Reenvío",
          toRecipients: [to(TIC)],
          ccRecipients: [to(LAURA)],
          bccRecipients: [to(JUAN)],
        })
      ).body,
    );
    const sent = await h.call(token, "POST", `/me/messages/${encodeURIComponent(String(draft.id))}/send`);
    expect(sent.status).toBe(202);
    expect(sent.body).toBe("");
    expect([TIC, LAURA, JUAN].map((a) => inbox(a).length)).toEqual([1, 1, 1]);
    const again = await h.call(token, "POST", `/me/messages/${encodeURIComponent(String(draft.id))}/send`);
    expect(again.status).toBe(404);
    expect(errorCode(again.body)).toBe("ErrorItemNotFound");
    expect(inbox(TIC)).toHaveLength(1);
    h.afterSentItemsDelay();
    const sentItems = list((await h.call(token, "GET", "/me/mailFolders/sentitems/messages")).body);
    expect(sentItems.map((m) => m.subject)).toEqual(["Reenvío"]);
    expect(sentItems[0]?.id).not.toBe(draft.id);
    expect(sentItems[0]?.isDraft).toBe(false);
  });

  it("files the Sent Items copy seconds after the 202, by the tenant's clock, keeping the draft's internetMessageId", async () => {
    const token = h.token(ANA);
    const draft = obj(
      (await h.call(token, "POST", "/me/messages", { subject: "Tarde", toRecipients: [to(TIC)] })).body,
    );
    expect(String(draft.internetMessageId)).toMatch(/^<.+@.+>$/);
    expect(h.tenant.sentItems.delayMs).toBe(DEFAULT_SENT_ITEMS_DELAY_MS);
    expect(DEFAULT_SENT_ITEMS_DELAY_MS).toBeGreaterThan(0);
    expect(
      (await h.call(token, "POST", `/me/messages/${encodeURIComponent(String(draft.id))}/send`)).status,
    ).toBe(202);
    const sentItems = async () =>
      list(
        (await h.call(token, "GET", "/me/mailFolders/sentitems/messages?$select=id,internetMessageId")).body,
      );
    // Right after the 202: not in Sent Items, and the draft id no longer resolves.
    expect(await sentItems()).toEqual([]);
    expect((await h.call(token, "GET", `/me/messages/${encodeURIComponent(String(draft.id))}`)).status).toBe(
      404,
    );
    h.advance(DEFAULT_SENT_ITEMS_DELAY_MS - 1);
    expect(await sentItems()).toEqual([]);
    h.advance(1);
    const [copy] = await sentItems();
    expect(copy?.id).not.toBe(draft.id);
    expect(copy?.internetMessageId).toBe(draft.internetMessageId);
  });

  it("holds the copies of /reply, /forward and /sendMail the same way; a test can choose the delay", async () => {
    h.tenant.setSentItemsDelay(5_000);
    const token = h.token(ANA);
    const id = h.tenant.deliver(ANA, incoming("Original"));
    await h.call(token, "POST", `/me/messages/${encodeURIComponent(id)}/reply`, { comment: "ok" });
    await h.call(token, "POST", `/me/messages/${encodeURIComponent(id)}/forward`, {
      comment: "fyi",
      toRecipients: [to(TIC)],
    });
    await h.call(token, "POST", "/me/sendMail", { message: { subject: "Nuevo", toRecipients: [to(TIC)] } });
    h.advance(4_999);
    expect(h.tenant.storedMessages(ANA, "sentitems")).toEqual([]);
    h.advance(1);
    expect(h.tenant.storedMessages(ANA, "sentitems").map((m) => m.subject)).toEqual([
      "Nuevo",
      "FW: Original",
      "RE: Original",
    ]);
    expect(() => h.tenant.setSentItemsDelay(-1)).toThrow();
  });

  it("keeps copies on their way across a snapshot, neither lost nor filed early", async () => {
    const token = h.token(ANA);
    await h.call(token, "POST", "/me/sendMail", {
      message: { subject: "En camino", toRecipients: [to(TIC)] },
    });
    const now = h.tenant.now().getTime();
    let at = now;
    const again = Tenant.fromJSON(JSON.parse(JSON.stringify(h.tenant)), { now: () => new Date(at) });
    expect(again.storedMessages(ANA, "sentitems")).toEqual([]);
    at = now + DEFAULT_SENT_ITEMS_DELAY_MS;
    expect(again.storedMessages(ANA, "sentitems").map((m) => m.subject)).toEqual(["En camino"]);
  });

  it("refuses to send a message that is not a draft", async () => {
    const id = h.tenant.deliver(ANA, incoming("Recibido"));
    const reply = await h.call(h.token(ANA), "POST", `/me/messages/${encodeURIComponent(id)}/send`);
    expect(reply.status).toBe(400);
  });

  it("turns internet-header extended properties into x- headers on the delivered copies", async () => {
    const token = h.token(ANA);
    const draft = obj(
      (
        await h.call(token, "POST", "/me/messages", {
          subject: "Con cabecera",
          toRecipients: [to(TIC)],
          internetMessageHeaders: [{ name: "x-pregon-origin", value: "taskpane" }],
          singleValueExtendedProperties: [
            { id: HEADER_PROP, value: "CM-2611-7F3K" },
            { id: CASE_ID_PROP, value: "CM-2611-7F3K" },
          ],
        })
      ).body,
    );
    await h.call(token, "POST", `/me/messages/${encodeURIComponent(String(draft.id))}/send`);
    const received = obj(
      (
        await h.call(
          h.token(TIC),
          "GET",
          `/me/messages/${encodeURIComponent(inbox(TIC)[0]?.id ?? "")}?$select=internetMessageHeaders`,
        )
      ).body,
    );
    const headers = received.internetMessageHeaders as Array<{ name: string; value: string }>;
    expect(headers).toEqual(
      expect.arrayContaining([
        { name: "x-pregon-case", value: "CM-2611-7F3K" },
        { name: "x-pregon-origin", value: "taskpane" },
      ]),
    );
    expect(headers.find((h2) => h2.name === "Message-ID")?.value).toBe(draft.internetMessageId);
    expect(inbox(TIC)[0]?.singleValueExtendedProperties.map((p) => p.id)).not.toContain(
      "String {00020329-0000-0000-c000-000000000046} Name pregon.caseId",
    );
    const filter = new URLSearchParams({
      $filter: `singleValueExtendedProperties/Any(ep: ep/id eq '${HEADER_PROP}' and ep/value eq 'CM-2611-7F3K')`,
    });
    expect(list((await h.call(h.token(TIC), "GET", `/me/messages?${filter.toString()}`)).body)).toHaveLength(
      1,
    );
    h.afterSentItemsDelay();
    const sent = h.tenant.storedMessages(ANA, "sentitems")[0];
    expect(sent?.singleValueExtendedProperties).toHaveLength(2);
  });
});

describe("Send As", () => {
  it("answers 403 ErrorSendAsDenied when from is not the sender and no grant exists", async () => {
    const token = h.token(ANA);
    const draft = obj(
      (
        await h.call(token, "POST", "/me/messages", {
          subject: "x",
          from: to(RECTORIA),
          toRecipients: [to(TIC)],
        })
      ).body,
    );
    const reply = await h.call(token, "POST", `/me/messages/${encodeURIComponent(String(draft.id))}/send`);
    expect(reply.status).toBe(403);
    expect(errorCode(reply.body)).toBe("ErrorSendAsDenied");
    expect(inbox(TIC)).toEqual([]);
    expect(h.tenant.storedMessages(ANA, "drafts")).toHaveLength(1);
  });

  it("sends as another address when the tenant grants Send As", async () => {
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Comunicado", from: to(RECTORIA), bccRecipients: [to(STUDENTS)] },
    });
    expect(reply.status).toBe(202);
    expect(inbox(LAURA)[0]?.from).toEqual({ emailAddress: { name: "Rectoría", address: RECTORIA } });
  });

  it("lets a shared mailbox's delegate send from it, and refuses a user without access", async () => {
    const ok = await h.call(h.token(ANA), "POST", `/users/${COMMS}/sendMail`, {
      message: { subject: "Desde comunicaciones", toRecipients: [to(TIC)] },
    });
    expect(ok.status).toBe(202);
    expect(inbox(TIC)[0]?.from?.emailAddress.address).toBe(COMMS);
    h.afterSentItemsDelay();
    expect(h.tenant.storedMessages(COMMS, "sentitems")).toHaveLength(1);
    const denied = await h.call(h.token(TIC), "POST", `/users/${COMMS}/sendMail`, {
      message: { subject: "x", toRecipients: [to(ANA)] },
    });
    expect(denied.status).toBe(403);
  });

  it("sends a non-delivery report when a restricted group refuses the sender; others still receive it", async () => {
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: { subject: "Para el consejo", toRecipients: [to(`consejo@${DOMAIN}`), to(ANA)] },
    });
    expect(reply.status).toBe(202);
    expect(inbox(RECTORIA)).toEqual([]);
    expect(inbox(ANA)).toHaveLength(1);
    const [ndr] = inbox(TIC);
    expect(ndr?.subject).toBe("Undeliverable: Para el consejo");
    expect(ndr?.body.content).toContain("5.7.1");
  });
});

describe("replies and forwards", () => {
  function request(): string {
    return h.tenant.deliver(
      COMMS,
      incoming("Solicitud correo masivo", {
        from: to(LAURA),
        attachments: [
          {
            "@odata.type": "#microsoft.graph.fileAttachment",
            name: "pieza.png",
            contentType: "image/png",
            contentBytes: "iVBORw0KGgo=",
          },
        ],
      }),
    );
  }

  it("createForward returns a FW: draft in the same conversation with the comment above the quote and the attachments", async () => {
    const id = request();
    const token = h.token(ANA);
    const reply = await h.call(
      token,
      "POST",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}/createForward`,
      {
        comment: "<p>Caso [CM-2611-7F3K]</p>",
        toRecipients: [to(TIC)],
      },
    );
    expect(reply.status).toBe(201);
    const draft = obj(reply.body);
    const original = h.tenant.mailbox(COMMS)?.messages.get(id);
    expect(draft.subject).toBe("FW: Solicitud correo masivo");
    expect(draft.conversationId).toBe(original?.conversationId);
    expect(draft.isDraft).toBe(true);
    expect(draft.toRecipients).toEqual([to(TIC)]);
    expect(draft.hasAttachments).toBe(true);
    const content = String(obj(draft.body).content);
    expect(content.indexOf("CM-2611-7F3K")).toBeLessThan(content.indexOf("<p>Solicitud correo masivo</p>"));
    expect(content).toContain("<b>Subject:</b> Solicitud correo masivo");
  });

  it("a forward draft PATCHed with an x- header property and sent keeps the conversation and carries the header", async () => {
    const id = request();
    const token = h.token(ANA);
    const draft = obj(
      (
        await h.call(token, "POST", `/users/${COMMS}/messages/${encodeURIComponent(id)}/createForward`, {
          toRecipients: [to(TIC)],
        })
      ).body,
    );
    await h.call(token, "PATCH", `/users/${COMMS}/messages/${encodeURIComponent(String(draft.id))}`, {
      subject: "FW: Solicitud correo masivo [CM-2611-7F3K]",
      singleValueExtendedProperties: [{ id: HEADER_PROP, value: "CM-2611-7F3K" }],
    });
    expect(
      (await h.call(token, "POST", `/users/${COMMS}/messages/${encodeURIComponent(String(draft.id))}/send`))
        .status,
    ).toBe(202);
    const [received] = inbox(TIC);
    expect(received?.conversationId).toBe(h.tenant.mailbox(COMMS)?.messages.get(id)?.conversationId);
    expect(received?.internetMessageHeaders).toContainEqual({ name: "x-pregon-case", value: "CM-2611-7F3K" });
    expect(received?.attachments.map((a) => a.name)).toEqual(["pieza.png"]);
  });

  it("forward sends at once; reply goes to the original sender with subject RE: and In-Reply-To", async () => {
    const id = request();
    const token = h.token(ANA);
    expect(
      (
        await h.call(token, "POST", `/users/${COMMS}/messages/${encodeURIComponent(id)}/forward`, {
          comment: "Para TIC",
          toRecipients: [to(TIC)],
        })
      ).status,
    ).toBe(202);
    expect(inbox(TIC)[0]?.subject).toBe("FW: Solicitud correo masivo");
    expect(
      (
        await h.call(token, "POST", `/users/${COMMS}/messages/${encodeURIComponent(id)}/reply`, {
          comment: "Recibido",
        })
      ).status,
    ).toBe(202);
    const [answer] = inbox(LAURA);
    const original = h.tenant.mailbox(COMMS)?.messages.get(id);
    expect(answer?.subject).toBe("RE: Solicitud correo masivo");
    expect(answer?.conversationId).toBe(original?.conversationId);
    expect(answer?.internetMessageHeaders).toContainEqual({
      name: "In-Reply-To",
      value: original?.internetMessageId,
    });
    expect(answer?.attachments).toEqual([]);
  });

  it("createReply does not prefix twice, and createReplyAll keeps the other recipients", async () => {
    const id = h.tenant.deliver(
      ANA,
      incoming("RE: Seguimiento", {
        from: to(TIC),
        toRecipients: [to(ANA), to(LAURA)],
        ccRecipients: [to(JUAN)],
      }),
    );
    const token = h.token(ANA);
    const reply = obj(
      (await h.call(token, "POST", `/me/messages/${encodeURIComponent(id)}/createReply`, {})).body,
    );
    expect(reply.subject).toBe("RE: Seguimiento");
    expect(reply.toRecipients).toEqual([to(TIC)]);
    const all = obj(
      (await h.call(token, "POST", `/me/messages/${encodeURIComponent(id)}/createReplyAll`)).body,
    );
    expect(all.toRecipients).toEqual([to(TIC), to(LAURA)]);
    expect(all.ccRecipients).toEqual([to(JUAN)]);
  });

  // Real Graph writes the quote header in English with the sent time in UTC, no zone named, even when asked for
  // another zone (microsoftgraph/microsoft-graph-docs#5481, #5035, #15767) — not JavaScript's "… GMT" form.
  it("createReply quotes the original's sent time as Exchange does: English, UTC, no zone named", async () => {
    const id = h.tenant.deliver(
      ANA,
      incoming("Seguimiento", { from: to(TIC), sentDateTime: "2026-12-03T23:30:05Z" }),
    );
    const token = h.token(ANA);
    const reply = obj(
      (
        await h.call(
          token,
          "POST",
          `/me/messages/${encodeURIComponent(id)}/createReply`,
          {},
          {
            Prefer: 'outlook.timezone="Romance Standard Time"',
          },
        )
      ).body,
    );
    const html = String((reply.body as { content: string }).content);
    expect(html).toContain("<b>Sent:</b> Thursday, December 3, 2026 11:30:05 PM<br>");
    expect(html).not.toContain("GMT");
  });

  it("refuses comment together with message.body (400), for forward and for createReply", async () => {
    const id = request();
    const token = h.token(ANA);
    const both = { comment: "a", message: { body: { contentType: "text", content: "b" } } };
    const forward = await h.call(
      token,
      "POST",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}/forward`,
      {
        ...both,
        toRecipients: [to(TIC)],
      },
    );
    expect(forward.status).toBe(400);
    expect(errorCode(forward.body)).toBe("ErrorInvalidRequest");
    const createReply = await h.call(
      token,
      "POST",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}/createReply`,
      both,
    );
    expect(createReply.status).toBe(400);
    expect(errorCode(createReply.body)).toBe("ErrorInvalidRequest");
    expect(inbox(TIC)).toEqual([]);
  });

  // Graph documents `message` on createForward/createReply as the draft's writable properties, and extended
  // properties may be set when an item is created: Pregón tags its drafts with the case id and kind at birth.
  it("createForward and createReply take extended properties in `message`; the drafts are found by them", async () => {
    const id = request();
    const token = h.token(ANA);
    const propId = "String {0bb34ac3-8e10-442d-8039-5a9450954b36} Name pregon.caseId";
    const tags = { singleValueExtendedProperties: [{ id: propId, value: "CM-2611-7F3K" }] };
    const base = `/users/${COMMS}/messages/${encodeURIComponent(id)}`;
    const forward = await h.call(token, "POST", `${base}/createForward`, {
      message: { toRecipients: [to(TIC)], ...tags },
    });
    expect(forward.status).toBe(201);
    const reply = await h.call(token, "POST", `${base}/createReply`, { message: tags });
    expect(reply.status).toBe(201);
    const filter = encodeURIComponent(
      `singleValueExtendedProperties/any(ep: ep/id eq '${propId}' and ep/value eq 'CM-2611-7F3K')`,
    );
    const found = list(
      (await h.call(token, "GET", `/users/${COMMS}/mailFolders/drafts/messages?$filter=${filter}&$select=id`))
        .body,
    );
    expect(found.map((m) => m.id).sort()).toEqual(
      [(forward.body as { id: string }).id, (reply.body as { id: string }).id].sort(),
    );
  });

  it("refuses a forward with recipients in both places or in neither", async () => {
    const id = request();
    const token = h.token(ANA);
    const both = await h.call(
      token,
      "POST",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}/createForward`,
      {
        toRecipients: [to(TIC)],
        message: { toRecipients: [to(TIC)] },
      },
    );
    expect(both.status).toBe(400);
    const neither = await h.call(
      token,
      "POST",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}/forward`,
      { comment: "x" },
    );
    expect(neither.status).toBe(400);
  });

  it("uses message.body as the lead text and applies other message properties", async () => {
    const id = request();
    const token = h.token(ANA);
    const draft = obj(
      (
        await h.call(token, "POST", `/users/${COMMS}/messages/${encodeURIComponent(id)}/createForward`, {
          message: {
            toRecipients: [to(TIC)],
            body: { contentType: "text", content: "Línea 1\nLínea <2>" },
            categories: ["Pregón"],
          },
        })
      ).body,
    );
    expect(String(obj(draft.body).content)).toContain("Línea 1<br>Línea &lt;2&gt;");
    expect(draft.categories).toEqual(["Pregón"]);
  });
});
