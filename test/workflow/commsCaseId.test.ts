// Communications' pane finds the case of a selected message by the x-pregon-case-id header first, then by the
// subject's tag, then by the conversation. IT's confirmation whose subject was rewritten (a hostile subject from
// the public XSS corpora, with a look-alike tag of a case that does not exist) still opens as its case; a reply
// with neither tag nor header, in the conversation of the case's request, opens as the case too. The corpora
// live in the shared folder beside the repository (or XSS_CORPORA_DIR); without it that test is skipped and says so.
import path from "node:path";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { openItem } from "../../src/workflow/openItem";
import { newCase } from "../support/cases";
import { itSendsAndConfirms } from "../support/procedure";
import { COMMUNICATIONS, loadFixture, setupWorld } from "../support/world";
import type { World } from "../support/world";
import { CORPORA_DIR, REPO_ROOT, corporaAvailable, hostileVectors } from "../support/xssCorpora";

const world = setupWorld();

/** A case forwarded to IT, sent and confirmed; IT's confirmation as delivered to comunicaciones@. */
async function confirmedCase(w: World) {
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.clock.advance(60 * 60_000);
  await itSendsAndConfirms(w, created.case.id);
  w.clock.advance(10 * 60_000);
  const confirmation = w.tenant
    .storedMessages(COMMUNICATIONS, "inbox")
    .find(
      (m) =>
        m.id !== created.messageId &&
        m.internetMessageHeaders.some((h) => h.name === "x-pregon-case-id" && h.value === created.case.id),
    );
  if (!confirmation) throw new Error("No confirmation arrived");
  return { ...created, confirmation };
}

if (!corporaAvailable) {
  describe.skip(`Rewritten confirmation subjects: skipped, ${path.relative(REPO_ROOT, CORPORA_DIR)} (beside the repository) not found`, () => {
    it("needs the shared xss folder", () => undefined);
  });
} else {
  it("IT's confirmation opens as its case in Communications' pane whatever its subject was rewritten to", async () => {
    const w = world();
    const { case: created, messageId, confirmation } = await confirmedCase(w);
    // A look-alike tag of a case that does not exist: read from the subject it would open nothing.
    const decoy = created.id === "CM-2601-2222" ? "CM-2601-3333" : "CM-2601-2222";
    const all = hostileVectors();
    const failures: Array<{ vector: string; got: string }> = [];
    for (const [i, vector] of all.entries()) {
      confirmation.subject = i % 2 === 0 ? vector : `RE: [${decoy}] ${vector}`;
      const opened = await openItem(w.comms.ctx, w.comms.select(confirmation.id, confirmation.subject));
      const got =
        opened.kind === "case"
          ? `${opened.case.id} ${opened.message.id === messageId ? "request" : opened.message.id}`
          : `${opened.kind} (${opened.kind === "other" ? (opened.caseId ?? "no id") : "no id"})`;
      if (got !== `${created.id} request`) failures.push({ vector: `#${i} ${vector.slice(0, 120)}`, got });
    }
    console.info(
      `rewritten confirmation subjects: ${all.length} opened, ${failures.length} not opened as their case`,
    );
    expect(all.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 600_000);
}

it("a reply with neither tag nor header, in the conversation of a case's request, opens as the case", async () => {
  const w = world();
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  const request = w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === created.messageId);
  if (!request) throw new Error("No request in comunicaciones@");
  const reply = structuredClone(loadFixture("01-structured-es.json"));
  reply.subject = "Re: una pregunta más";
  reply.conversationId = request.conversationId;
  const replyId = w.deliverRequest(reply);
  const stored = w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === replyId);
  expect(stored?.internetMessageHeaders.some((h) => h.name.toLowerCase() === "x-pregon-case-id")).toBe(false);
  expect(stored?.subject).not.toContain(created.case.id);

  const opened = await openItem(w.comms.ctx, w.comms.select(replyId, String(reply.subject)));
  expect(opened).toMatchObject({
    kind: "case",
    message: { id: created.messageId },
    openedVia: { id: replyId },
    case: { id: created.case.id },
  });

  // A message in another conversation, without tag or header, is still a request to turn into a case.
  const unrelated = structuredClone(loadFixture("02-freeform-es.json"));
  const unrelatedId = w.deliverRequest(unrelated);
  expect(await openItem(w.comms.ctx, w.comms.select(unrelatedId))).toMatchObject({ kind: "request" });
});
