// IT's pane and the test send (issue 13, point 1): "Enviar prueba" / "Send test" mails the test with progress and
// says where it went; the requester's answer shows as approved or as the changes asked, in their words; with
// testSend.approvalRequired the send button stays disabled, described by the reason, until approved.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PregonConfig } from "../../src/config/schema";
import type { MailHost, SelectedItem } from "../../src/ports/mailHost";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendTestMail } from "../../src/workflow/it/itActions";
import { newCase } from "../support/cases";
import { forwardInItInbox, openForward, prepareForCase, storedOfKind } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

const world = setupWorld();

function itHost(item: SelectedItem, displayLanguage: string): MailHost {
  return {
    userAddress: IT,
    displayLanguage,
    getTheme: () => "light",
    getSelectedItem: async () => item,
    onSelectionChanged: () => () => undefined,
    onThemeChanged: () => () => undefined,
    canOpenDraft: () => false,
    openDraft: async () => undefined,
  };
}

function renderIt(w: World, caseId: string, lang: "es-CO" | "en-US", config: PregonConfig) {
  const forward = forwardInItInbox(w, caseId);
  render(
    <App
      services={{
        host: itHost(w.it.select(forward.id, forward.subject), lang),
        mail: w.it.ctx.mail,
        config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );
}

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

function requesterReplies(w: World, caseId: string, requester: string, html: string): void {
  w.clock.advance(60_000);
  w.tenant.deliver(IT, {
    subject: `RE: [TEST] Subject [${caseId}]`,
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
  renderIt(w, opened.summary.id, "es-CO", withApproval(w, true));

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
  renderIt(w, opened.summary.id, "en-US", withApproval(w, true));

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
  renderIt(w, opened.summary.id, "en-US", withApproval(w, true));

  await screen.findByText(/^Test approved by /, {}, { timeout: 10_000 });
  const send = await sendTrigger(/^(Send now|Schedule send…)$/);
  expect(send).toHaveProperty("disabled", false);
  expect(screen.queryByText("The send needs the requester's approval of the test.")).toBeNull();
});

it("es: without the approval setting the send is enabled before any test", async () => {
  const w = world();
  const opened = await prepared(w, "01-structured-es.json");
  renderIt(w, opened.summary.id, "es-CO", withApproval(w, false));
  const send = await sendTrigger(/^(Enviar ahora|Programar envío…)$/);
  expect(send).toHaveProperty("disabled", false);
  expect(screen.getByRole("button", { name: "Enviar prueba" })).toBeTruthy();
});
