// Issue 15, point 6, in the workflow against the embedded tenant: a message that cites two different case ids
// (subject, or subject and body) with no x-pregon-case-id header to decide is not opened as whichever comes
// first: openItem says which ids it cites and reads or writes nothing for them until one is chosen.
import { openCitedCase, openItem } from "../../src/workflow/openItem";
import { newCase } from "../support/cases";
import { COMMUNICATIONS, loadFixture, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();

async function twoCases(w: World) {
  const a = await newCase(w, "01-structured-es.json");
  const b = await newCase(w, "02-freeform-es.json");
  return { a: a.case.id, b: b.case.id, aMessage: a.messageId, bMessage: b.messageId };
}

function deliverReply(
  w: World,
  subject: string,
  body: string,
  headers: Array<{ name: string; value: string }> = [],
) {
  const reply = structuredClone(loadFixture("01-structured-es.json"));
  reply.subject = subject;
  reply.body = { contentType: "html", content: body };
  delete reply.conversationId;
  if (headers.length > 0) reply.internetMessageHeaders = headers;
  return w.deliverRequest(reply);
}

describe("a message that cites two cases", () => {
  it("two ids in the subject: says so and opens neither until one is chosen, writing nothing", async () => {
    const w = world();
    const { a, b, bMessage } = await twoCases(w);
    const replyId = deliverReply(w, `RE: [${a}] y [${b}] fechas`, "<p>¿Se pueden enviar juntos?</p>");
    const before = w.tenant.log.entries().length;

    const opened = await openItem(w.comms.ctx, w.comms.select(replyId));
    expect(opened).toMatchObject({ kind: "ambiguous", caseIds: [a, b] });
    const during = w.tenant.log.entries().slice(before);
    expect(during.filter((e) => e.method !== "GET")).toEqual([]);
    // Only the selected message was read: no lookup of either case yet.
    expect(during).toHaveLength(1);

    if (opened.kind !== "ambiguous") throw new Error("expected ambiguous");
    const chosen = await openCitedCase(w.comms.ctx, COMMUNICATIONS, opened.message, b);
    expect(chosen).toMatchObject({ kind: "case", case: { id: b }, message: { id: bMessage } });
    expect(chosen.kind === "case" ? chosen.openedVia?.id : undefined).toBe(replyId);
  });

  it("one id in the subject and another in the body: says so too", async () => {
    const w = world();
    const { a, b } = await twoCases(w);
    const replyId = deliverReply(w, `RE: [${a}] Convocatoria`, `<p>Esto también afecta al caso ${b}.</p>`);
    const opened = await openItem(w.comms.ctx, w.comms.select(replyId));
    expect(opened).toMatchObject({ kind: "ambiguous", caseIds: [a, b] });
  });

  it("the same id quoted in the body is one case and opens as it", async () => {
    const w = world();
    const { a, aMessage } = await twoCases(w);
    const replyId = deliverReply(
      w,
      `RE: [${a}] Convocatoria`,
      `<blockquote>Asunto: [${a}] Convocatoria</blockquote>`,
    );
    const opened = await openItem(w.comms.ctx, w.comms.select(replyId));
    expect(opened).toMatchObject({ kind: "case", case: { id: a }, message: { id: aMessage } });
  });

  it("the case id header decides whatever the subject and body cite", async () => {
    const w = world();
    const { a, b } = await twoCases(w);
    const replyId = deliverReply(w, `RE: [${b}] y [${a}]`, `<p>${b}</p>`, [
      { name: "x-pregon-case-id", value: a },
    ]);
    const opened = await openItem(w.comms.ctx, w.comms.select(replyId));
    expect(opened).toMatchObject({ kind: "case", case: { id: a } });
  });

  it("a new request whose body mentions earlier cases stays a request", async () => {
    const w = world();
    const { a, b } = await twoCases(w);
    const request = structuredClone(loadFixture("02-freeform-es.json"));
    const body = request.body as { content: string };
    body.content = `${body.content}<p>Como en los envíos ${a} y ${b}.</p>`;
    const id = w.deliverRequest(request);
    const opened = await openItem(w.comms.ctx, w.comms.select(id));
    expect(opened.kind).toBe("request");
  });
});
