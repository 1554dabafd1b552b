// Issue 12, points 5 and 9, in the workflow against the embedded tenant:
// - the confirmation goes to the recipient chosen when the case was created (request 07 arrived forwarded by
//   Secretaría General: the relay goes to Secretaría General, not to the Comité Electoral of the forwarded chain),
//   and a record without that choice still relays to its requester;
// - a request without a message text: the text typed on the form is stored in the case and is what the forward
//   carries to IT; "Ask the requester" sends one reply, in the request's language, listing what is missing, with
//   the case id in its subject and x- header, and an "asked" history entry — exactly once, also when the answer
//   to the send is lost.
import { AppError } from "../../src/domain/errors";
import { TEXT_BEGIN } from "../../src/domain/caseText";
import { askRequester } from "../../src/workflow/actions/askRequester";
import { createCaseFromRequest } from "../../src/workflow/actions/createCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { fieldsFromProposal, openCase, openRequest } from "../support/cases";
import { forwardInItInbox, itSendsAndConfirms, storedOfKind } from "../support/procedure";
import { COMMUNICATIONS, DOMAIN, loadFixture, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();
const SECRETARIA = `secretaria.general@${DOMAIN}`;
const COMITE = `comite.electoral@${DOMAIN}`;
const MUSICA = `musica@${DOMAIN}`;

async function confirmedCase(w: World, messageId: string, caseId: string): Promise<void> {
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  await itSendsAndConfirms(w, caseId);
  w.afterSentItemsDelay();
  expect((await openCase(w.comms, messageId)).case.state).toBe("confirmed");
}

/**
 * Request 07's fields, sent as Rectoría: IT has no Send As on Secretaría General in the demo tenant (the demo shows
 * Exchange refusing that sender), which is not what these tests are about.
 */
function fields07(opened: Awaited<ReturnType<typeof openRequest>>) {
  return { ...fieldsFromProposal(opened.proposal, opened.message.subject), desiredSender: "Rectoría" };
}

function relaysIn(w: World, address: string, caseId: string) {
  return w.tenant.storedMessages(address, "inbox").filter((m) => m.subject.includes(caseId));
}

describe("who gets the confirmation (issue 12, point 5)", () => {
  it("request 07: the case stores the chosen recipient (who wrote to Communications) and the relay goes there", async () => {
    const w = world();
    const messageId = w.deliverRequest("07-forwarded-chain.json");
    const opened = await openRequest(w.comms, messageId);
    expect(opened.proposal.requester.address).toBe(COMITE);
    expect(opened.proposal.forwardedBy?.address).toBe(SECRETARIA);

    const created = await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: opened.proposal.requester,
      fields: fields07(opened),
      relayTo: opened.proposal.forwardedBy,
    });
    expect((await openCase(w.comms, messageId)).case.relayTo).toEqual({
      name: "Secretaría General",
      address: SECRETARIA,
    });
    await confirmedCase(w, messageId, created.id);

    const closed = await relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(closed.state).toBe("closed");
    expect(relaysIn(w, SECRETARIA, created.id)).toHaveLength(1);
    expect(relaysIn(w, COMITE, created.id)).toHaveLength(0);
    w.afterSentItemsDelay();
    const sent = storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "relay");
    expect(sent.map((m) => m.toRecipients.map((r) => r.emailAddress.address))).toEqual([[SECRETARIA]]);
  });

  it("request 07: choosing the original requester relays to the Comité Electoral", async () => {
    const w = world();
    const messageId = w.deliverRequest("07-forwarded-chain.json");
    const opened = await openRequest(w.comms, messageId);
    const created = await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: opened.proposal.requester,
      fields: fields07(opened),
      relayTo: opened.proposal.requester,
    });
    await confirmedCase(w, messageId, created.id);
    await relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(relaysIn(w, COMITE, created.id)).toHaveLength(1);
    expect(relaysIn(w, SECRETARIA, created.id)).toHaveLength(0);
  });

  it("a record without the choice (written before it existed) still reads and relays to its requester", async () => {
    const w = world();
    const messageId = w.deliverRequest("07-forwarded-chain.json");
    const opened = await openRequest(w.comms, messageId);
    const created = await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: opened.proposal.requester,
      fields: fields07(opened),
    });
    expect(created.relayTo).toBeUndefined();
    await confirmedCase(w, messageId, created.id);
    await relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(relaysIn(w, COMITE, created.id)).toHaveLength(1);
  });

  it("refuses a chosen recipient whose address cannot get the confirmation, writing nothing", async () => {
    const w = world();
    const messageId = w.deliverRequest("07-forwarded-chain.json");
    const opened = await openRequest(w.comms, messageId);
    const error = await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: opened.proposal.requester,
      fields: fields07(opened),
      relayTo: { name: "Secretaría General", address: "secretaria.general" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalidAddress");
    expect(w.tenant.log.count({ method: "PATCH" })).toBe(0);
  });
});

describe("a request without a message text (issue 12, point 9)", () => {
  async function caseWithoutMessage(w: World, messageText?: string) {
    const messageId = w.deliverRequest("05-missing-fields.json");
    const opened = await openRequest(w.comms, messageId);
    expect(opened.proposal.message.source).toBe("missing");
    const created = await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: opened.proposal.requester,
      fields: fieldsFromProposal(opened.proposal, opened.message.subject),
      ...(messageText ? { messageText } : {}),
    });
    return { messageId, opened, created };
  }

  it("stores the typed text in the case, and the forward carries it to IT as the message to send", async () => {
    const w = world();
    const text =
      "Concierto de fin de año: viernes 11 de diciembre, 6 p. m., Paraninfo.\n\nEntrada libre <con aforo>.";
    const { messageId, created } = await caseWithoutMessage(w, text);
    expect((await openCase(w.comms, messageId)).case.messageText).toBe(text);

    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    const forward = forwardInItInbox(w, created.id);
    const body = forward.body.content;
    const begin = body.indexOf(`[[pregon:text:begin:${created.id}]]`);
    expect(begin).toBeGreaterThan(-1);
    const carried = body.slice(begin, body.indexOf(`[[pregon:text:end:${created.id}]]`));
    expect(carried).toContain("Concierto de fin de año: viernes 11 de diciembre, 6 p. m., Paraninfo.");
    expect(carried).toContain("Entrada libre &lt;con aforo&gt;.");
    expect(TEXT_BEGIN).not.toBe(`[[pregon:text:begin:${created.id}]]`);
  });

  it("refuses a typed text longer than the record can hold, writing nothing", async () => {
    const w = world();
    const messageId = w.deliverRequest("05-missing-fields.json");
    const opened = await openRequest(w.comms, messageId);
    const error = await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: opened.proposal.requester,
      fields: fieldsFromProposal(opened.proposal, opened.message.subject),
      messageText: "x".repeat(3001),
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("recordTooLarge");
    expect(w.tenant.log.count({ method: "PATCH" })).toBe(0);
  });

  it("asks the requester once, in Spanish, listing what is missing, linked to the case", async () => {
    const w = world();
    const { messageId, opened, created } = await caseWithoutMessage(w);
    const input = {
      lang: opened.proposal.lang,
      missing: ["message", "requestedDate"] as const,
      requestSubject: opened.message.subject,
    };

    const asked = await askRequester(w.comms.ctx, COMMUNICATIONS, messageId, {
      ...input,
      missing: [...input.missing],
    });
    const again = await askRequester(w.comms.ctx, COMMUNICATIONS, messageId, {
      ...input,
      missing: [...input.missing],
    });

    expect(asked.state).toBe("received");
    const entries = again.history.filter((h) => h.action === "asked");
    expect(entries).toHaveLength(1);
    expect(entries[0]?.note).toBe("message, requestedDate");
    const inbox = w.tenant.storedMessages(MUSICA, "inbox");
    expect(inbox).toHaveLength(1);
    const reply = inbox[0];
    if (!reply) throw new Error("no reply");
    expect(reply.subject).toContain(`[${created.id}]`);
    expect(reply.internetMessageHeaders).toContainEqual({ name: "x-pregon-case-id", value: created.id });
    expect(reply.body.content).toContain("El texto del mensaje, tal como deben recibirlo los destinatarios.");
    expect(reply.body.content).toContain("La fecha en la que desea que se haga el envío.");
    expect(reply.body.content).not.toContain("El asunto que llevará");
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "ask")).toHaveLength(1);
    expect(entries[0]?.evidence?.internetMessageId).toBe(reply.internetMessageId);
    const reopened = await openCase(w.comms, messageId);
    expect(reopened.case.claim).toBeUndefined();
    expect(reopened.case.history.filter((h) => h.action === "asked")).toHaveLength(1);
  });

  it("asks in English when the request is in English", async () => {
    const w = world();
    const fixture = { ...loadFixture("06-english.json") };
    const messageId = w.deliverRequest(fixture);
    const opened = await openRequest(w.comms, messageId);
    expect(opened.proposal.lang).toBe("en");
    await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: opened.proposal.requester,
      fields: fieldsFromProposal(opened.proposal, opened.message.subject),
    });
    await askRequester(w.comms.ctx, COMMUNICATIONS, messageId, {
      lang: opened.proposal.lang,
      missing: ["message"],
      requestSubject: opened.message.subject,
    });
    const reply = w.tenant
      .storedMessages(opened.proposal.requester.address, "inbox")
      .find((m) => m.subject.includes("Information needed"));
    expect(reply?.body.content).toContain(
      "The text of the message, exactly as the recipients should read it.",
    );
  });

  it("a lost answer to the send: asking again sends no second reply and records the one that went out", async () => {
    const w = world();
    const { messageId, opened, created } = await caseWithoutMessage(w);
    w.tenant.faults.add({
      method: "POST",
      url: /\/send$/,
      effect: { kind: "failAfterEffect", as: "drop" },
      times: 1,
    });
    const input = {
      lang: opened.proposal.lang,
      missing: ["message" as const],
      requestSubject: opened.message.subject,
    };

    const first = await askRequester(w.comms.ctx, COMMUNICATIONS, messageId, input).catch((e: unknown) => e);
    const after =
      first instanceof AppError ? await askRequester(w.comms.ctx, COMMUNICATIONS, messageId, input) : first;

    expect(w.tenant.storedMessages(MUSICA, "inbox")).toHaveLength(1);
    expect(
      (after as { history: { action: string }[] }).history.filter((h) => h.action === "asked"),
    ).toHaveLength(1);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "ask")).toHaveLength(1);
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  });

  it("refuses to ask once the case went to IT, before any claim or send", async () => {
    const w = world();
    const { messageId } = await caseWithoutMessage(w);
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    const error = await askRequester(w.comms.ctx, COMMUNICATIONS, messageId, {
      lang: "es",
      missing: ["message"],
      requestSubject: "correo masivo",
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("illegalTransition");
    expect(w.tenant.storedMessages(MUSICA, "inbox")).toHaveLength(0);
    expect((await openCase(w.comms, messageId)).case.claim).toBeUndefined();
  });
});
