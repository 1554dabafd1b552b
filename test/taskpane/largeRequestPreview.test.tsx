// Issue 11: a large request opens without freezing the pane. The preview lays out at most PREVIEW_MAX_LENGTH
// characters of the message and says, as a status note in the pane's language, that the rest is not shown but
// is not lost; the request's extraction and the forward to IT keep the whole message.
import { render, screen } from "@testing-library/react";
import { MessagePreview } from "../../src/taskpane/components/MessagePreview";
import { PREVIEW_MAX_LENGTH, boundPreview } from "../../src/taskpane/components/previewBound";
import { I18nProvider } from "../../src/taskpane/I18nContext";
import { createCaseFromRequest } from "../../src/workflow/actions/createCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { openItem } from "../../src/workflow/openItem";
import { fieldsFromProposal } from "../support/cases";
import { forwardInItInbox } from "../support/procedure";
import { COMMUNICATIONS, setupWorld } from "../support/world";

const world = setupWorld();

const PARAGRAPH = '<p>Párrafo <b>número</b> con <a href="https://www.universidad.example/e">enlace</a>.</p>';
/** A message of `count` paragraphs, the last one naming itself so that its presence can be checked. */
const messageOf = (count: number) => `${PARAGRAPH.repeat(count - 1)}<p>ÚLTIMO PÁRRAFO ${count}</p>`;
const LONG = messageOf(Math.ceil((3 * PREVIEW_MAX_LENGTH) / PARAGRAPH.length));

describe("boundPreview", () => {
  it("keeps a message within the bound whole, with no note", () => {
    expect(boundPreview(PARAGRAPH)).toEqual({ html: PARAGRAPH });
  });

  it("cuts a longer one before a tag, within the bound, and says how much it shows of how much", () => {
    const out = boundPreview(LONG);
    expect(out.html.length).toBeLessThanOrEqual(PREVIEW_MAX_LENGTH);
    expect(out.html.length).toBeGreaterThan(PREVIEW_MAX_LENGTH - PARAGRAPH.length);
    expect(LONG.startsWith(out.html)).toBe(true);
    expect(LONG.charAt(out.html.length)).toBe("<");
    expect(out.cut).toEqual({ shown: out.html.length, length: LONG.length });
  });

  it("cuts text with no tag at the bound", () => {
    const text = "a".repeat(PREVIEW_MAX_LENGTH + 10);
    expect(boundPreview(text).html).toHaveLength(PREVIEW_MAX_LENGTH);
  });
});

function renderPreview(lang: "es" | "en", html: string) {
  return render(
    <I18nProvider lang={lang} timeZone="America/Bogota">
      <h2 id="t">Vista previa</h2>
      <MessagePreview sanitizedHtml={html} labelId="t" imageHosts={[]} />
    </I18nProvider>,
  );
}

describe("the preview of a long message", () => {
  it("es: shows only the first part, and a status note says the rest is not shown but is forwarded whole", () => {
    renderPreview("es", LONG);
    const note = screen.getByRole("status");
    expect(note.textContent).toMatch(
      /El mensaje es muy largo: la vista previa muestra sus primeros [\d.]+ de [\d.]+ caracteres\. El resto no se muestra aquí, pero sigue en el mensaje\./,
    );
    const region = screen.getByRole("region", { name: "Vista previa" });
    const shown = region.querySelectorAll("p").length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(LONG.split("<p>").length - 1);
    expect(region.textContent).not.toContain("ÚLTIMO PÁRRAFO");
  });

  it("en: the same note in English", () => {
    renderPreview("en", LONG);
    expect(screen.getByRole("status").textContent).toMatch(
      /The message is very long: the preview shows its first [\d,]+ of [\d,]+ characters\. The rest is not shown here but stays in the message\./,
    );
  });

  it("a message within the bound is shown whole, with no note", () => {
    renderPreview("en", messageOf(20));
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByRole("region", { name: "Vista previa" }).textContent).toContain("ÚLTIMO PÁRRAFO 20");
  });
});

describe("a long request opened in steps and forwarded", () => {
  it("keeps the whole message in the proposal and in the forward IT receives", async () => {
    const w = world();
    const head = "<p>Asunto: Semana de la ciencia<br>Destinatarios: estudiantes</p><p>Mensaje:</p>";
    const itemId = w.deliverRequest({
      subject: "Solicitud de envío masivo larga",
      from: {
        emailAddress: { name: "Vicerrectoría Académica", address: "vicerrectoria@universidad.example" },
      },
      receivedDateTime: "2026-11-30T15:00:00Z",
      body: { contentType: "html", content: head + LONG },
    });
    // The pane's way: a pause between the extraction's steps.
    let pauses = 0;
    const ctx = { ...w.comms.ctx, pause: async () => void (pauses += 1) };
    const opened = await openItem(ctx, w.comms.select(itemId));
    if (opened.kind !== "request") throw new Error(`Expected a request, got ${opened.kind}`);
    expect(pauses).toBeGreaterThan(0);
    const html = opened.proposal.message.value?.html ?? "";
    expect(html.length).toBeGreaterThan(PREVIEW_MAX_LENGTH);
    expect(html).toContain(`ÚLTIMO PÁRRAFO`);

    const created = await createCaseFromRequest(ctx, {
      mailbox: COMMUNICATIONS,
      messageId: itemId,
      requester: opened.proposal.requester,
      fields: fieldsFromProposal(opened.proposal, opened.message.subject),
    });
    await forwardToIt(ctx, COMMUNICATIONS, itemId);
    const forward = forwardInItInbox(w, created.id);
    // The message as the pane read it travels in the forward, every paragraph of it, the last one included.
    const body = forward.body.content;
    expect(body).toContain("ÚLTIMO PÁRRAFO");
    expect(body.split("Párrafo <b>número</b>").length - 1).toBeGreaterThanOrEqual(
      LONG.split("Párrafo <b>número</b>").length - 1,
    );
  });
});
