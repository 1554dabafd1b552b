// IT's steps against the directory as Exchange really has it: a count that cannot be had never blocks the mass
// mail, a dynamic distribution group (not in Graph) is still sent to, and a group that refuses IT leaves a
// non-delivery report that Pregón links to the case and passes on to Communications.
import { EVIDENCE_HEADER, decodeEvidenceHeader } from "../../src/domain/evidenceHeader";
import type { TenantSpec } from "../../src/emulator";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { refusedGroupsOf, confirmationSearchStart } from "../../src/workflow/deliveryNotice";
import { audienceCounts } from "../../src/workflow/it/groups";
import { confirmToCommunications, prepareMassMail, sendMassMail } from "../../src/workflow/it/itActions";
import { openItItem } from "../../src/workflow/it/openItCase";
import { chooseSender } from "../../src/workflow/it/senders";
import { openItem } from "../../src/workflow/openItem";
import { newCase } from "../support/cases";
import { forwardInItInbox, openForward, storedOfKind } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, DOMAIN, IT, TENANT_SPEC, setupWorld } from "../support/world";

const STUDENTS = `estudiantes@${DOMAIN}`;
const FACULTY = `docentes@${DOMAIN}`;
const STAFF = `administrativos@${DOMAIN}`;

/** The demo institution with administrativos@ an unrestricted Exchange dynamic group, and docentes@ restricted. */
function directorySpec(): TenantSpec {
  const spec = structuredClone(TENANT_SPEC);
  for (const group of spec.groups ?? []) {
    if (group.address === STAFF) {
      group.dynamic = true;
      delete group.acceptsMessagesOnlyFrom;
    }
    if (group.address === FACULTY) group.acceptsMessagesOnlyFrom = [`rectoria@${DOMAIN}`];
  }
  return spec;
}

const world = setupWorld({ spec: directorySpec() });

async function forwarded(w: World) {
  const created = await newCase(w, "01-structured-es.json", {
    audiences: ["estudiantes", "docentes", "administrativos"],
  });
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.clock.advance(60 * 60_000);
  return created;
}

describe("member counts", () => {
  it("a failed count and a group not in the directory do not block preparing, and the draft goes to every group", async () => {
    const w = world();
    const { case: created } = await forwarded(w);
    const studentsId = w.tenant.group(STUDENTS)?.id ?? "";
    w.tenant.faults.add({
      method: "GET",
      url: new RegExp(`/groups/${studentsId}/transitiveMembers`),
      effect: { kind: "unavailable", retryAfterSeconds: 0 },
    });
    const opened = await openForward(w, created.id);

    const counts = await audienceCounts(w.it.ctx);
    expect(counts.map((c) => [c.key, c.status, c.count])).toEqual([
      ["estudiantes", "unavailable", undefined],
      ["docentes", "counted", 1_387],
      ["administrativos", "notInDirectory", undefined],
    ]);
    expect(counts[0]?.error?.code).toBe("unavailable");

    const prepared = await prepareMassMail(w.it.ctx, opened, {
      audiences: ["estudiantes", "docentes", "administrativos"],
      counts,
      sender: chooseSender(w.config, opened.summary),
    });
    expect(prepared.state).toBe("prepared");
    expect(prepared.groups).toEqual([
      { address: STUDENTS },
      { address: FACULTY, count: 1_387 },
      { address: STAFF },
    ]);
    const draft = w.tenant.storedMessages(IT, "drafts").find((m) => m.id === prepared.draftId);
    expect(draft?.bccRecipients.map((r) => r.emailAddress.address)).toEqual([STUDENTS, FACULTY, STAFF]);
  });
});

describe("a group that refuses IT", () => {
  it("is linked to the case from the NDR in IT's Inbox, kept in IT's record and stated in the confirmation", async () => {
    const w = world();
    const { case: created, messageId } = await forwarded(w);
    const opened = await openForward(w, created.id);
    await prepareMassMail(w.it.ctx, opened, {
      audiences: ["estudiantes", "docentes", "administrativos"],
      counts: await audienceCounts(w.it.ctx),
      sender: chooseSender(w.config, opened.summary),
    });
    const sent = await sendMassMail(w.it.ctx, opened);
    expect(sent.state).toBe("sent");
    // Exchange delivered to the students and to the dynamic group's members, not to the restricted faculty.
    expect(w.tenant.storedMessages(`laura.estudiante@${DOMAIN}`, "inbox")).toHaveLength(1);
    expect(w.tenant.storedMessages(`pedro.admin@${DOMAIN}`, "inbox")).toHaveLength(1);
    expect(w.tenant.storedMessages(`maria.docente@${DOMAIN}`, "inbox")).toHaveLength(0);
    w.clock.advance(5 * 60_000);

    // Reopening the case in IT's pane links the report.
    const forward = forwardInItInbox(w, created.id);
    const reopened = await openItItem(w.it.ctx, w.it.select(forward.id, forward.subject));
    if (reopened.kind !== "itCase") throw new Error("not an IT case");
    expect(reopened.record.deliveryProblems).toEqual([
      expect.objectContaining({ address: FACULTY, kind: "refused", reportId: expect.any(String) }),
    ]);

    const confirmed = await confirmToCommunications(w.it.ctx, reopened);
    expect(confirmed.state).toBe("confirmed");
    expect(confirmed.deliveryProblems).toHaveLength(1);
    const confirmation = w.tenant
      .storedMessages(COMMUNICATIONS, "inbox")
      .find((m) => m.subject.includes(`[${created.id}]`) && m.from?.emailAddress.address === IT);
    const header = confirmation?.internetMessageHeaders.find((h) => h.name.toLowerCase() === EVIDENCE_HEADER);
    expect(decodeEvidenceHeader(header?.value)?.refused).toEqual([FACULTY]);
    expect(confirmation?.body.content).toContain("rechazó el envío");

    // Communications' case reads it from IT's confirmation.
    w.clock.advance(5 * 60_000);
    const onComms = await openItem(w.comms.ctx, w.comms.select(messageId));
    if (onComms.kind !== "case") throw new Error("not a case");
    expect(onComms.case.state).toBe("confirmed");
    const refused = await refusedGroupsOf(
      w.comms.ctx,
      COMMUNICATIONS,
      onComms.case.id,
      onComms.case.state,
      confirmationSearchStart(onComms.case),
    );
    expect(refused).toEqual([FACULTY]);
  });

  it("is linked at the confirmation while the Sent Items copy is still on its way (conversation from the draft)", async () => {
    const w = world();
    w.tenant.setSentItemsDelay(5_000);
    const { case: created } = await forwarded(w);
    const opened = await openForward(w, created.id);
    await prepareMassMail(w.it.ctx, opened, {
      audiences: ["estudiantes", "docentes", "administrativos"],
      counts: await audienceCounts(w.it.ctx),
      sender: chooseSender(w.config, opened.summary),
    });
    const sent = await sendMassMail(w.it.ctx, opened);
    expect(sent.sent?.conversationId).toEqual(expect.any(String));
    expect(storedOfKind(w, IT, "sentitems", created.id, "massMail")).toHaveLength(0);

    const confirmed = await confirmToCommunications(w.it.ctx, opened);
    expect(confirmed.deliveryProblems).toEqual([
      expect.objectContaining({ address: FACULTY, kind: "refused" }),
    ]);
    expect(storedOfKind(w, IT, "sentitems", created.id, "massMail")).toHaveLength(0);
  });

  it("leaves a case without reports as it was (no record write)", async () => {
    const w = world();
    const { case: created } = await forwarded(w);
    const opened = await openForward(w, created.id);
    await prepareMassMail(w.it.ctx, opened, {
      audiences: ["estudiantes"],
      counts: await audienceCounts(w.it.ctx),
      sender: chooseSender(w.config, opened.summary),
    });
    await sendMassMail(w.it.ctx, opened);
    const forward = forwardInItInbox(w, created.id);
    const before = forward.changeKey;
    const reopened = await openItItem(w.it.ctx, w.it.select(forward.id, forward.subject));
    if (reopened.kind !== "itCase") throw new Error("not an IT case");
    expect(reopened.record.deliveryProblems).toBeUndefined();
    expect(forwardInItInbox(w, created.id).changeKey).toBe(before);
  });
});
