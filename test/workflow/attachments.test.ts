// What the requester attached reaches the recipients of the mass mail: files as files, and the images the
// message shows inline as inline images its cid: references still resolve to. Images elsewhere in the request
// (a signature logo) stay behind.
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendMassMail } from "../../src/workflow/it/itActions";
import { referencedContentIds } from "../../src/domain/intake/attachments";
import { newCase } from "../support/cases";
import { openForward, prepareForCase, storedOfKind } from "../support/procedure";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

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
  await sendMassMail(w.it.ctx, opened);

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
