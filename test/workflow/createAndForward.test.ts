// Steps 1 and 2 of the procedure against the embedded tenant: every request fixture becomes a case whose record
// is on the request message in comunicaciones@, and the forward reaches IT's inbox with the case id in the
// subject and the x-pregon-case / x-pregon-case-id headers, attachments and all.
import { CASE_HEADER, decodeCaseHeader } from "../../src/domain/caseHeader";
import * as caseIdModule from "../../src/domain/caseId";
import { CASE_ID_ALPHABET } from "../../src/domain/caseId";
import { decodeCase } from "../../src/domain/codec";
import { CASE_ID_HEADER } from "../../src/domain/evidenceHeader";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { stateCategory } from "../../src/workflow/categories";
import { createCaseFromRequest } from "../../src/workflow/actions/createCase";
import { fieldsFromProposal, newCase, openCase, openRequest } from "../support/cases";
import { logged, routeKind } from "../support/requestLog";
import { COMMUNICATIONS, IT, requestFixtureNames, setupWorld } from "../support/world";

const world = setupWorld();

describe("create a case from each request fixture", () => {
  it.each(requestFixtureNames())("%s", async (fixture) => {
    const w = world();
    const { messageId, case: created, opened } = await newCase(w, fixture);

    expect(opened.message.id).toBe(messageId);
    // Every case has what the procedure needs, whether read from the request or filled in by the professional.
    expect(created.fields.subject.trim()).not.toBe("");
    expect(created.fields.desiredSender.trim()).not.toBe("");
    expect(created.fields.requestingUnit.trim()).not.toBe("");
    expect(created.fields.audiences.length).toBeGreaterThan(0);
    expect(created.state).toBe("received");
    expect(created.id).toMatch(/^CM-\d{4}-[0-9A-Z]{4}$/);
    expect(created.requestMessageId).toBe(messageId);
    expect(created.history.map((h) => h.action)).toEqual(["created"]);
    expect(created.history[0]?.by).toBe(w.comms.ctx.user);

    // What Graph holds, read back through the adapter (GET with the extended properties expanded).
    const stored = await w.comms.ctx.mail.getMessage(COMMUNICATIONS, messageId);
    expect(stored.caseProps).toMatchObject({ kind: "request", caseId: created.id, state: "received" });
    expect(stored.caseProps.dueDate).toBe(created.dueDate);
    const decoded = decodeCase(stored.caseProps.record ?? "");
    expect(decoded).toEqual({ ok: true, case: created });
    expect(stored.categories).toContain(stateCategory("received", "es"));

    // Opening it again shows the case, not a request.
    const reopened = await openCase(w.comms, messageId);
    expect(reopened.case).toEqual(created);
  });
});

describe("an incomplete request", () => {
  it("lists what is missing, and the case keeps what the professional filled in", async () => {
    const w = world();
    const messageId = w.deliverRequest("05-missing-fields.json");
    const opened = await openRequest(w.comms, messageId);
    expect(opened.proposal.missing.length).toBeGreaterThan(0);
    expect(opened.proposal.missing).toEqual(expect.arrayContaining(["audiences", "requestedDate"]));

    const filled = {
      audiences: ["docentes" as const],
      requestedDate: "2026-12-14",
      desiredSender: "Rectoría",
    };
    const created = await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: opened.proposal.requester,
      fields: { ...fieldsFromProposal(opened.proposal, opened.message.subject), ...filled },
    });
    expect(created.fields).toMatchObject(filled);
    // The due date follows the date the professional gave, not the default lead time.
    expect(created.dueDate).toBe("2026-12-14");
    const stored = await w.comms.ctx.mail.getMessage(COMMUNICATIONS, messageId);
    expect(stored.caseProps.dueDate).toBe("2026-12-14");
  });
});

describe("case ids", () => {
  it("a new case never takes an id already used in the mailbox", async () => {
    const w = world();
    const first = await newCase(w, "01-structured-es.json");
    // The next draw repeats the first case's id (the random source gives the same bytes), then varies.
    const symbols = first.case.id.slice(-4);
    const bytes = [...symbols].map((ch) => CASE_ID_ALPHABET.indexOf(ch));
    const real: Crypto["getRandomValues"] = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
    let repeats = 1;
    const spy = jest.spyOn(globalThis.crypto, "getRandomValues").mockImplementation((array) => {
      if (array instanceof Uint8Array && array.length === 8 && repeats > 0) {
        repeats -= 1;
        array.set([...bytes, ...bytes]);
        return array;
      }
      return real(array);
    });
    try {
      const second = await newCase(w, "02-freeform-es.json");
      expect(repeats).toBe(0);
      expect(second.case.id).not.toBe(first.case.id);
      const withFirstId = await w.comms.ctx.mail.listCases(COMMUNICATIONS, { caseId: first.case.id });
      expect(withFirstId.items.map((m) => m.id)).toEqual([first.messageId]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("forward to IT", () => {
  it("sends one forward with the case id and headers, delivered to tic@ with the attachment kept", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "03-flyer-attachment.json");
    expect(created.fields.attachmentIds).toHaveLength(1);

    const forwarded = await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);

    // The action returned on the 202: the Sent Items copy is filed seconds later.
    expect(w.tenant.storedMessages(COMMUNICATIONS, "sentitems")).toHaveLength(0);
    w.afterSentItemsDelay();
    const sentItems = w.tenant.storedMessages(COMMUNICATIONS, "sentitems");
    expect(sentItems).toHaveLength(1);
    const sent = sentItems[0]!;
    expect(sent.subject).toContain(`[${created.id}]`);
    expect(sent.toRecipients.map((r) => r.emailAddress.address)).toEqual([IT]);
    const sentHeaders = new Map(sent.internetMessageHeaders.map((h) => [h.name.toLowerCase(), h.value]));
    expect(sentHeaders.get(CASE_ID_HEADER)).toBe(created.id);
    expect(decodeCaseHeader(sentHeaders.get(CASE_HEADER))?.id).toBe(created.id);
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);

    const inbox = w.tenant.storedMessages(IT, "inbox");
    expect(inbox).toHaveLength(1);
    const received = inbox[0]!;
    expect(received.subject).toBe(sent.subject);
    const headers = new Map(received.internetMessageHeaders.map((h) => [h.name.toLowerCase(), h.value]));
    expect(headers.get(CASE_ID_HEADER)).toBe(created.id);
    const summary = decodeCaseHeader(headers.get(CASE_HEADER));
    expect(summary).toMatchObject({ id: created.id, dueDate: created.dueDate, requester: created.requester });
    expect(summary?.fields.subject).toBe(created.fields.subject);
    expect(received.attachments.map((a) => [a.name, a.contentType, a.isInline])).toEqual([
      ["pieza-curso-ofimatica.png", "image/png", false],
    ]);
    const original = w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === messageId);
    expect(received.attachments[0]?.contentBytes).toBe(original?.attachments[0]?.contentBytes);
    expect(received.attachments[0]?.contentBytes.length).toBeGreaterThan(0);

    // The record says so at once, with the sent mail's internetMessageId (the draft's, which it keeps); the Sent
    // Items copy's id follows on the next opening.
    expect(forwarded.state).toBe("forwarded");
    const entry = forwarded.history.at(-1);
    expect(entry).toMatchObject({ action: "forwarded", by: w.comms.ctx.user });
    expect(entry?.evidence?.messageId).toBeUndefined();
    expect(entry?.evidence?.internetMessageId).toBe(sent.internetMessageId);
    const stored = await w.comms.ctx.mail.getMessage(COMMUNICATIONS, messageId);
    expect(stored.caseProps.state).toBe("forwarded");
    expect(decodeCase(stored.caseProps.record ?? "")).toEqual({ ok: true, case: forwarded });
    expect(stored.categories).toEqual([stateCategory("forwarded", "es")]);

    // Once more does nothing: the case is already forwarded.
    const again = await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(again).toEqual(forwarded);
    expect(w.tenant.storedMessages(COMMUNICATIONS, "sentitems")).toHaveLength(1);

    const reopened = await openCase(w.comms, messageId);
    expect(reopened.case.history.at(-1)?.evidence).toMatchObject({
      messageId: sent.id,
      internetMessageId: sent.internetMessageId,
    });
  });
});

describe("a case id already carried by a message of the mailbox", () => {
  it("is looked up with the request's read in one round trip, and a fresh id is drawn and looked up", async () => {
    const w = world();
    const { case: first } = await newCase(w, "01-structured-es.json");
    const messageId = w.deliverRequest("01-structured-es.json");
    const opened = await openRequest(w.comms, messageId);
    // The first draw repeats the existing case's id; the next draws are the domain's own random ones.
    const draws = jest.spyOn(caseIdModule, "generateCaseId").mockReturnValueOnce(first.id);
    try {
      const { result: created, entries } = await logged(w.tenant, () =>
        createCaseFromRequest(w.comms.ctx, {
          mailbox: COMMUNICATIONS,
          messageId,
          requester: opened.proposal.requester,
          fields: fieldsFromProposal(opened.proposal, opened.message.subject),
        }),
      );

      expect(created.id).not.toBe(first.id);
      expect(created.id).toMatch(/^CM-\d{4}-[0-9A-Z]{4}$/);
      expect(draws).toHaveBeenCalledTimes(2);
      expect(entries.map((e) => `${e.batchStepId !== undefined ? "[b] " : ""}${routeKind(e)}`)).toEqual([
        "[b] GET messages/{id}",
        "[b] GET messages?filter",
        "POST $batch",
        "GET messages?filter",
        "PATCH messages/{id}",
      ]);
      const stored = await w.comms.ctx.mail.getMessage(COMMUNICATIONS, messageId);
      expect(stored.caseProps.caseId).toBe(created.id);
    } finally {
      draws.mockRestore();
    }
  });
});
