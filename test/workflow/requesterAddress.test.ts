// Issue 15, point 3, in the workflow against the embedded tenant: a case is never created for a missing or
// malformed requester address (a named problem, not "the case record is damaged"), and the relay refuses such an
// address with a typed error before it claims, drafts or sends anything.
import { AppError } from "../../src/domain/errors";
import { createCaseFromRequest } from "../../src/workflow/actions/createCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { updateCase } from "../../src/workflow/caseStore";
import { fieldsFromProposal, newCase, openCase, openRequest } from "../support/cases";
import { itSendsAndConfirms } from "../support/procedure";
import { COMMUNICATIONS, loadFixture, setupWorld } from "../support/world";

const world = setupWorld();

function expectInvalidAddress(error: unknown, problem: string): void {
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("invalidAddress");
  expect((error as AppError).details).toEqual({ role: "requester", problem });
}

describe("the requester's address in the workflow", () => {
  it("refuses to create a case for a request with no From, naming the address, and writes nothing", async () => {
    const w = world();
    const fixture = { ...loadFixture("01-structured-es.json") };
    delete fixture.from;
    const messageId = w.deliverRequest(fixture);
    const opened = await openRequest(w.comms, messageId);
    expect(opened.proposal.requesterProblem).toBe("missing");

    const error = await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: opened.proposal.requester,
      fields: fieldsFromProposal(opened.proposal, opened.message.subject),
    }).catch((e: unknown) => e);
    expectInvalidAddress(error, "missing");
    expect(w.tenant.log.count({ method: "PATCH" })).toBe(0);
    expect((await openRequest(w.comms, messageId)).kind).toBe("request");
  });

  it("refuses a malformed requester address at creation", async () => {
    const w = world();
    const messageId = w.deliverRequest("01-structured-es.json");
    const opened = await openRequest(w.comms, messageId);
    const error = await createCaseFromRequest(w.comms.ctx, {
      mailbox: COMMUNICATIONS,
      messageId,
      requester: { name: "Laura", address: "laura@@universidad.example" },
      fields: fieldsFromProposal(opened.proposal, opened.message.subject),
    }).catch((e: unknown) => e);
    expectInvalidAddress(error, "manyAt");
    expect(w.tenant.log.count({ method: "PATCH" })).toBe(0);
  });

  it("stores the trimmed address when the requester's is well formed", async () => {
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    expect(created.case.requester.address).toBe(created.opened.proposal.requester.address.trim());
  });

  it("relay: refuses a confirmed case whose stored requester address is malformed before any claim or send", async () => {
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    await itSendsAndConfirms(w, created.case.id);
    w.afterSentItemsDelay();
    expect((await openCase(w.comms, created.messageId)).case.state).toBe("confirmed");
    // A record written before the address rule existed may hold such an address.
    await updateCase(w.comms.ctx, COMMUNICATIONS, created.messageId, (c) => ({
      ...c,
      requester: { name: "Laura", address: "laura.universidad.example" },
    }));
    const before = w.tenant.log.entries().length;

    const error = await relayToRequester(w.comms.ctx, COMMUNICATIONS, created.messageId).catch(
      (e: unknown) => e,
    );
    expectInvalidAddress(error, "noAt");
    const after = w.tenant.log.entries().slice(before);
    expect(after.filter((e) => e.method !== "GET")).toEqual([]);
    const reopened = await openCase(w.comms, created.messageId);
    expect(reopened.case.state).toBe("confirmed");
    expect(reopened.case.claim).toBeUndefined();
  });
});
