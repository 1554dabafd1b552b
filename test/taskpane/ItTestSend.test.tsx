// IT's pane and the test send (issue 13, point 1): "Enviar prueba" / "Send test" mails the test with progress and
// says where it went; the requester's answer shows as approved or as the changes asked, in their words; with
// testSend.approvalRequired the send button stays disabled, described by the reason, until approved. After
// changes asked, "Enviar otra prueba" / "Send another test" sends the corrected draft as test 2, and the pane
// says which round each line is about; only the answer to the latest round enables the send.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PregonConfig } from "../../src/config/schema";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { findTestReply, sendTestMail } from "../../src/workflow/it/itActions";
import { newCase } from "../support/cases";
import { renderItForward } from "../support/itPane";
import { openForward, prepareForCase, storedOfKind } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

const world = setupWorld();

function withApproval(w: World, required: boolean): PregonConfig {
  return { ...w.config, testSend: { approvalRequired: required } };
}

async function prepared(w: World, fixture: string) {
  const created = await newCase(w, fixture);
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  const opened = await openForward(w, created.case.id);
  await prepareForCase(w, opened);
  return openForward(w, created.case.id);
}

function requesterReplies(w: World, caseId: string, requester: string, html: string, mark = "[TEST]"): void {
  w.clock.advance(60_000);
  w.tenant.deliver(IT, {
    subject: `RE: ${mark} Subject [${caseId}]`,
    from: { emailAddress: { address: requester } },
    toRecipients: [{ emailAddress: { address: IT } }],
    body: { contentType: "html", content: html },
    receivedDateTime: w.clock.now().toISOString(),
  });
}

const sendTrigger = (name: RegExp) => screen.findByRole("button", { name }, { timeout: 10_000 });

it("es: «Enviar prueba» sends the test once and says to whom; the send waits for approval, with the reason", async () => {
  const user = userEvent.setup();
  const w = world();
  const opened = await prepared(w, "01-structured-es.json");
  renderItForward(w, opened.summary.id, { lang: "es-CO", config: withApproval(w, true) });

  const send = await sendTrigger(/^(Enviar ahora|Programar envío…)$/);
  expect(send).toHaveProperty("disabled", true);
  const reason = document.getElementById(send.getAttribute("aria-describedby") ?? "");
  expect(reason?.textContent).toBe("El envío requiere que el solicitante apruebe la prueba.");

  await user.click(screen.getByRole("button", { name: "Enviar prueba" }));
  const status = await screen.findByText(/^Prueba enviada a /, {}, { timeout: 10_000 });
  expect(status.textContent).toContain(opened.summary.requester.address);
  expect(status.textContent).toContain(COMMUNICATIONS);
  expect(screen.queryByRole("button", { name: "Enviar prueba" })).toBeNull();
  w.afterSentItemsDelay();
  expect(storedOfKind(w, IT, "sentitems", opened.summary.id, "testSend")).toHaveLength(1);
  expect(storedOfKind(w, IT, "sentitems", opened.summary.id, "massMail")).toHaveLength(0);
});

it("en: the changes the requester asked for are shown in their words, and the send stays disabled", async () => {
  const w = world();
  const opened = await prepared(w, "06-english.json");
  await sendTestMail(w.it.ctx, opened);
  requesterReplies(
    w,
    opened.summary.id,
    opened.summary.requester.address,
    "<p>Please fix the link to the form.</p>",
  );
  renderItForward(w, opened.summary.id, { lang: "en-US", config: withApproval(w, true) });

  const title = await screen.findByText(/asked for changes on/, {}, { timeout: 10_000 });
  expect(title.textContent).toContain(opened.summary.requester.address);
  expect(screen.getByText("Please fix the link to the form.")).toBeTruthy();
  const send = await sendTrigger(/^(Send now|Schedule send…)$/);
  expect(send).toHaveProperty("disabled", true);
  expect(document.getElementById(send.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
    "The send needs the requester's approval of the test.",
  );
});

it("en: an approval is shown and the send is enabled", async () => {
  const w = world();
  const opened = await prepared(w, "06-english.json");
  await sendTestMail(w.it.ctx, opened);
  requesterReplies(w, opened.summary.id, opened.summary.requester.address, "<p>Looks good, thanks!</p>");
  renderItForward(w, opened.summary.id, { lang: "en-US", config: withApproval(w, true) });

  await screen.findByText(/^Test approved by /, {}, { timeout: 10_000 });
  const send = await sendTrigger(/^(Send now|Schedule send…)$/);
  expect(send).toHaveProperty("disabled", false);
  expect(screen.queryByText("The send needs the requester's approval of the test.")).toBeNull();
});

it("es: without the approval setting the send is enabled before any test", async () => {
  const w = world();
  const opened = await prepared(w, "01-structured-es.json");
  renderItForward(w, opened.summary.id, { lang: "es-CO", config: withApproval(w, false) });
  const send = await sendTrigger(/^(Enviar ahora|Programar envío…)$/);
  expect(send).toHaveProperty("disabled", false);
  expect(screen.getByRole("button", { name: "Enviar prueba" })).toBeTruthy();
});

it("es: after changes asked, «Enviar otra prueba» sends test 2 once and the pane says which test each line is about", async () => {
  const user = userEvent.setup();
  const w = world();
  const opened = await prepared(w, "01-structured-es.json");
  const caseId = opened.summary.id;
  await sendTestMail(w.it.ctx, opened);
  requesterReplies(
    w,
    caseId,
    opened.summary.requester.address,
    "<p>Cambien el logo, por favor.</p>",
    "[PRUEBA]",
  );
  const mass = w.tenant.storedMessages(IT, "drafts").find((m) => m.id === opened.record.draftId);
  if (!mass) throw new Error("no mass-mail draft");
  mass.body.content = "<p>Con el logo nuevo.</p>";
  renderItForward(w, caseId, { lang: "es-CO", config: withApproval(w, true) });

  const title = await screen.findByText(/pidió cambios el/, {}, { timeout: 10_000 });
  expect(title.textContent).toContain(opened.summary.requester.address);
  expect(screen.getByText("Cambien el logo, por favor.")).toBeTruthy();
  const another = await screen.findByRole("button", { name: "Enviar otra prueba" });
  expect(screen.queryByRole("button", { name: "Enviar prueba" })).toBeNull();
  const send = await sendTrigger(/^(Enviar ahora|Programar envío…)$/);
  expect(send).toHaveProperty("disabled", true);

  await user.dblClick(another);
  const status = await screen.findByText(/^Prueba 2 enviada a /, {}, { timeout: 10_000 });
  expect(status.textContent).toContain(opened.summary.requester.address);
  // The changes asked stay in view, now named as the answer to test 1; test 2 awaits its own answer.
  expect(screen.getByText(/pidió cambios en la prueba 1 el/).textContent).toContain(
    opened.summary.requester.address,
  );
  expect(screen.queryByRole("button", { name: "Enviar otra prueba" })).toBeNull();
  expect(await sendTrigger(/^(Enviar ahora|Programar envío…)$/)).toHaveProperty("disabled", true);

  w.afterSentItemsDelay();
  const copies = storedOfKind(w, IT, "sentitems", caseId, "testSend");
  expect(copies).toHaveLength(2);
  const second = copies.filter((m) => m.subject.startsWith("[PRUEBA 2] "));
  expect(second).toHaveLength(1);
  expect(second[0]?.body.content).toBe("<p>Con el logo nuevo.</p>");
  expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(0);
});

it("en: a late approval of test 1 leaves the send disabled while test 2 awaits its answer", async () => {
  const w = world();
  const opened = await prepared(w, "06-english.json");
  const caseId = opened.summary.id;
  const requester = opened.summary.requester.address;
  const first = await sendTestMail(w.it.ctx, opened);
  requesterReplies(w, caseId, requester, "<p>Please fix the link.</p>");
  await findTestReply(w.it.ctx, opened, first);
  await sendTestMail(w.it.ctx, await openForward(w, caseId), { round: 2 });
  requesterReplies(w, caseId, requester, "<p>Approved.</p>");
  renderItForward(w, caseId, { lang: "en-US", config: withApproval(w, true) });

  await screen.findByText(/^Test 2 sent to /, {}, { timeout: 10_000 });
  expect(screen.getByText(/asked for changes to test 1 on/)).toBeTruthy();
  expect(screen.getByText("Please fix the link.")).toBeTruthy();
  expect(screen.queryByText(/approved by/)).toBeNull();
  expect(screen.queryByRole("button", { name: "Send another test" })).toBeNull();
  const send = await sendTrigger(/^(Send now|Schedule send…)$/);
  expect(send).toHaveProperty("disabled", true);
  expect(document.getElementById(send.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
    "The send needs the requester's approval of the test.",
  );
});

it("en: the approval of test 2 is shown as such and enables the send", async () => {
  const w = world();
  const opened = await prepared(w, "06-english.json");
  const caseId = opened.summary.id;
  const requester = opened.summary.requester.address;
  const first = await sendTestMail(w.it.ctx, opened);
  requesterReplies(w, caseId, requester, "<p>Please fix the link.</p>");
  await findTestReply(w.it.ctx, opened, first);
  await sendTestMail(w.it.ctx, await openForward(w, caseId), { round: 2 });
  requesterReplies(w, caseId, requester, "<p>Looks good now.</p>", "[TEST 2]");
  renderItForward(w, caseId, { lang: "en-US", config: withApproval(w, true) });

  const approved = await screen.findByText(/^Test 2 approved by /, {}, { timeout: 10_000 });
  expect(approved.textContent).toContain(requester);
  const send = await sendTrigger(/^(Send now|Schedule send…)$/);
  expect(send).toHaveProperty("disabled", false);
  expect(screen.queryByText("The send needs the requester's approval of the test.")).toBeNull();
});
