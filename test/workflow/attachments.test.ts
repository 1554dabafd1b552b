// What the requester attached reaches the recipients of the mass mail: files as files, and the images the
// message shows inline as inline images its cid: references still resolve to. Images elsewhere in the request
// (a signature logo) stay behind.
import type { TenantSpec } from "../../src/emulator";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { audienceCounts } from "../../src/workflow/it/groups";
import { prepareMassMail, sendMassMail } from "../../src/workflow/it/itActions";
import { openItItem } from "../../src/workflow/it/openItCase";
import { chooseSender } from "../../src/workflow/it/senders";
import { referencedContentIds } from "../../src/domain/intake/attachments";
import { newCase } from "../support/cases";
import { forwardInItInbox, openForward, prepareForCase, storedOfKind } from "../support/procedure";
import { COMMUNICATIONS, DOMAIN, IT, TENANT_SPEC, loadFixture, setupWorld } from "../support/world";

const world = setupWorld();

it("a banner shown in the message travels inline with its Content-ID; the signature image does not", async () => {
  const w = world();
  // Rectoría: a sender IT may send as, so the send itself is not what this test is about.
  const { messageId, case: created } = await newCase(w, "12-table-inline-images.json", {
    desiredSender: "Rectoría",
  });
  const request = w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === messageId);
  const byName = new Map(request?.attachments.map((a) => [a.name, a.id]));
  expect(created.fields.attachmentIds.sort()).toEqual(
    [byName.get("banner.png"), byName.get("terminos-convocatoria-2027.pdf")].sort(),
  );

  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  const opened = await openForward(w, created.id);
  expect(opened.attachments.map((a) => a.name).sort()).toEqual([
    "banner.png",
    "terminos-convocatoria-2027.pdf",
  ]);
  await prepareForCase(w, opened);
  const sent = await sendMassMail(w.it.ctx, opened);
  // Scheduled for the requested date (the default when it is ahead): Exchange holds it in Drafts until then.
  const at = sent.sent?.scheduledFor;
  expect(at).toBeDefined();
  w.clock.advance(Date.parse(at ?? "") - w.clock.now().getTime() + 1000);
  w.tenant.settle(); // the held mail leaves now; its Sent Items copy is filed the usual delay later

  w.afterSentItemsDelay();
  const [massMail] = storedOfKind(w, IT, "sentitems", created.id, "massMail");
  const cids = referencedContentIds(massMail?.body.content ?? "");
  expect(cids).toEqual(["banner-investigacion@01db"]);
  const carried = massMail?.attachments.map((a) => [a.name, a.isInline, a.contentId?.toLowerCase() ?? null]);
  expect(carried?.sort()).toEqual([
    ["banner.png", true, "banner-investigacion@01db"],
    ["terminos-convocatoria-2027.pdf", false, null],
  ]);
  // The recipients' copies resolve the image too.
  const member = w.tenant.group("docentes@universidad.example")?.members[0] ?? "";
  const received = w.tenant.storedMessages(member, "inbox")[0];
  expect(received?.attachments.find((a) => a.isInline)?.contentId?.toLowerCase()).toBe(cids[0]);
});

describe("a file over 3 MB (Graph's one-request limit)", () => {
  const SIZE = 3_400_000;
  const OPERATOR = `operador.tic@${DOMAIN}`;

  /** A structured request with a large PDF attached. */
  function withLargeFile(): Record<string, unknown> {
    const request = loadFixture("01-structured-es.json");
    const bytes = Buffer.alloc(SIZE, 7);
    return {
      ...request,
      hasAttachments: true,
      attachments: [
        {
          "@odata.type": "#microsoft.graph.fileAttachment",
          name: "reglamento.pdf",
          contentType: "application/pdf",
          isInline: false,
          contentBytes: bytes.toString("base64"),
        },
      ],
    };
  }

  /** The demo tenant with tic@ as a shared mailbox that an IT operator works in as a delegate. */
  function sharedItSpec(): TenantSpec {
    const spec = structuredClone(TENANT_SPEC);
    spec.users = spec.users.filter((u) => u.address !== IT);
    spec.users.push({ address: OPERATOR, displayName: "Operador TIC" });
    spec.sharedMailboxes = [
      ...(spec.sharedMailboxes ?? []),
      { address: IT, displayName: "División TIC", delegates: [OPERATOR], delegatesCanSendAs: true },
    ];
    spec.sendAs = (spec.sendAs ?? []).map((grant) => ({ ...grant, user: OPERATOR }));
    return spec;
  }

  /** The demo tenant with tic@ as an ordinary user mailbox that IT signs in to (config: IT's "personal mailbox"). */
  function ownItSpec(): TenantSpec {
    const spec = structuredClone(TENANT_SPEC);
    const shared = spec.sharedMailboxes?.find((m) => m.address === IT);
    spec.sharedMailboxes = (spec.sharedMailboxes ?? []).filter((m) => m.address !== IT);
    spec.users.push({ address: IT, displayName: shared?.displayName ?? "División TIC" });
    spec.sendAs = (spec.sendAs ?? []).map((grant) => ({ ...grant, user: IT }));
    return spec;
  }

  it("IT in its own mailbox: travels through an upload session on Exchange's upload host", async () => {
    const w = world({ spec: ownItSpec() });
    const { messageId, case: created } = await newCase(w, withLargeFile(), { desiredSender: "Rectoría" });
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    const it = w.actor(IT, "me");
    const forward = forwardInItInbox(w, created.id);
    const opened = await openItItem(it.ctx, it.select(forward.id, forward.subject));
    if (opened.kind !== "itCase") throw new Error(`Expected an IT case, got ${opened.kind}`);
    await prepareMassMail(it.ctx, opened, {
      audiences: opened.summary.fields.audiences,
      counts: await audienceCounts(it.ctx),
      sender: chooseSender(w.config, opened.summary),
    });
    await sendMassMail(it.ctx, opened);

    w.afterSentItemsDelay();
    const [massMail] = storedOfKind(w, IT, "sentitems", created.id, "massMail");
    expect(massMail?.attachments.map((a) => [a.name, a.size])).toEqual([["reglamento.pdf", SIZE]]);
    const puts = w.tenant.log.filter({ method: "PUT" });
    expect(puts.length).toBeGreaterThan(1);
    expect(puts.every((e) => e.url.startsWith("https://outlook.office.com/api/v2.0/"))).toBe(true);
  }, 60_000);

  it("an operator working in the shared tic@: refused before any draft exists, with the message that says what to do", async () => {
    const w = world({ spec: sharedItSpec() });
    const { messageId, case: created } = await newCase(w, withLargeFile(), { desiredSender: "Rectoría" });
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    const operator = w.actor(OPERATOR, IT);
    const forward = forwardInItInbox(w, created.id);
    const opened = await openItItem(operator.ctx, operator.select(forward.id, forward.subject));
    if (opened.kind !== "itCase") throw new Error(`Expected an IT case, got ${opened.kind}`);
    expect(opened.attachments.map((a) => a.name)).toEqual(["reglamento.pdf"]);
    const draftsBefore = w.tenant.storedMessages(IT, "drafts").length;

    const attempt = prepareMassMail(operator.ctx, opened, {
      audiences: opened.summary.fields.audiences,
      counts: await audienceCounts(operator.ctx),
      sender: chooseSender(w.config, opened.summary),
    });

    await expect(attempt).rejects.toMatchObject({
      code: "attachmentTooLargeForSharedMailbox",
      details: { name: "reglamento.pdf" },
    });
    expect(w.tenant.storedMessages(IT, "drafts")).toHaveLength(draftsBefore);
    expect(w.tenant.log.filter({ method: "POST", url: /\/createUploadSession$/ })).toHaveLength(0);
  }, 60_000);
});
