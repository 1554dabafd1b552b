// Issue 13, the urgent lane: an urgent case's forward reaches IT marked the way Outlook shows it (Graph's
// `importance: "high"`, kept by the emulator on the recipient's copy) and with [URGENTE] / [URGENT] after the case
// tag in the subject, in the language Pregón writes to the shared mailboxes; a normal case's forward keeps neither.
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import type { WorkflowContext } from "../../src/workflow/context";
import { newCase } from "../support/cases";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

const world = setupWorld();

describe("the forward of an urgent case", () => {
  it("goes to IT with high importance and [URGENTE] after the case tag (es)", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json", { urgency: "urgent" });
    expect(created.fields.urgency).toBe("urgent");

    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);

    const inbox = w.tenant.storedMessages(IT, "inbox");
    expect(inbox).toHaveLength(1);
    const received = inbox[0]!;
    expect(received.importance).toBe("high");
    expect(received.subject.startsWith(`[${created.id}] [URGENTE] Solicitud de envío masivo: `)).toBe(true);
    // Read back through Graph, as IT's pane would list it.
    const listed = await w.it.ctx.mail.getMessage(IT, received.id);
    expect(listed.subject).toBe(received.subject);
    w.afterSentItemsDelay();
    expect(w.tenant.storedMessages(COMMUNICATIONS, "sentitems")[0]?.importance).toBe("high");
  });

  it("says [URGENT] when Pregón writes in English", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json", { urgency: "urgent" });
    const ctx: WorkflowContext = {
      ...w.comms.ctx,
      config: { ...w.config, institution: { ...w.config.institution, defaultLanguage: "en" } },
    };

    await forwardToIt(ctx, COMMUNICATIONS, messageId);

    const received = w.tenant.storedMessages(IT, "inbox")[0]!;
    expect(received.importance).toBe("high");
    expect(received.subject.startsWith(`[${created.id}] [URGENT] Mass mail request: `)).toBe(true);
  });

  it("a normal case's forward has normal importance and no urgent mark", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json", { urgency: "normal" });

    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);

    const received = w.tenant.storedMessages(IT, "inbox")[0]!;
    expect(received.importance).toBe("normal");
    expect(received.subject.startsWith(`[${created.id}] Solicitud de envío masivo: `)).toBe(true);
    expect(received.subject).not.toContain("[URGENTE]");
  });
});
