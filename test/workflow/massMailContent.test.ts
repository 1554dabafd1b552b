// What must be true of a mass mail before it reaches 20,000 people, on the embedded tenant: it is never empty
// (prepare and send refuse, nothing is drafted or sent), it carries no tracking pixel and no image from outside the
// configured hosts (IT is told how many were removed), IT sees what the sanitizer took away, and its text keeps
// every character the requester wrote.
import { AppError } from "../../src/domain/errors";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendMassMail } from "../../src/workflow/it/itActions";
import { newCase } from "../support/cases";
import { openForward, prepareForCase, storedOfKind } from "../support/procedure";
import type { ItCase } from "../support/procedure";
import { sendAttempts } from "../support/requestLog";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, OPERATOR, loadFixture, setupWorld } from "../support/world";

const world = setupWorld();

/** Fixture 01 with another message body (and subject line in the body, when given). */
function requestWithMessage(messageHtml: string, subject = "Convocatoria de movilidad académica 2027-1") {
  const request = loadFixture("01-structured-es.json") as { body: { content: string } };
  request.body.content =
    `<p>Buenos días,</p><p><b>Remitente:</b> Decanatura Facultad de Ingeniería Electrónica y Telecomunicaciones<br>` +
    `<b>Asunto:</b> ${subject}<br><b>Dirigido a:</b> estudiantes<br><b>Fecha de envío:</b> 4 de diciembre de 2026</p>` +
    `<p><b>Mensaje:</b> ${messageHtml}</p><p>Cordialmente,<br>Secretaría de Decanatura</p>`;
  return request;
}

async function forwarded(
  w: World,
  request: string | Record<string, unknown>,
): Promise<{ caseId: string; opened: ItCase }> {
  const { case: created, messageId } = await newCase(w, request);
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  return { caseId: created.id, opened: await openForward(w, created.id) };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return error;
}

function membersOf(w: World, audience: string): string[] {
  const group = w.config.audiences.find((a) => a.key === audience)?.group ?? "";
  return w.tenant.group(group)?.members ?? [];
}

describe("the mass mail is never empty", () => {
  const imageOnlyNoLabels = () => {
    const request = loadFixture("01-structured-es.json") as Record<string, unknown> & {
      body: { content: string };
      attachments: unknown[];
      hasAttachments: boolean;
    };
    request.body.content = '<p><img src="cid:pieza@01DB" alt="" width="600"></p>';
    request.hasAttachments = true;
    request.attachments = [
      {
        "@odata.type": "#microsoft.graph.fileAttachment",
        name: "pieza.png",
        contentType: "image/png",
        isInline: true,
        contentId: "pieza@01DB",
        contentBytes: "iVBORw0KGgo=",
      },
    ];
    return request;
  };

  it.each([
    [
      "a message the sanitizer empties",
      () => requestWithMessage('<script>alert(1)</script><img src="x" onerror="alert(1)">'),
    ],
    ["a message of whitespace only", () => requestWithMessage("&nbsp; &nbsp;<br> ")],
    ["an empty Mensaje: part", () => requestWithMessage("")],
    ["an image-only mail with no labels (the image is dropped)", imageOnlyNoLabels],
    [
      "a message that is only a tracking pixel",
      () => requestWithMessage('<img src="https://t.example/o.gif" width="1" height="1">'),
    ],
  ])("%s: IT cannot prepare it; nothing is drafted and no claim is left", async (_name, request) => {
    const w = world();
    const { caseId, opened } = await forwarded(w, request());
    expect(opened.content.hasContent).toBe(false);

    const error = await refusal(prepareForCase(w, opened));

    expect(error).toMatchObject({ code: "emptyMassMail", details: { at: "message" }, nextStep: "none" });
    expect(storedOfKind(w, IT, "drafts", caseId, "massMail")).toHaveLength(0);
    const reopened = await openForward(w, caseId);
    expect(reopened.record.state).toBe("received");
    expect(reopened.record.claim).toBeUndefined();
  });

  it("a draft emptied before the send (e.g. in a compose window): Send refuses and nothing goes out", async () => {
    const w = world();
    const { caseId, opened } = await forwarded(w, "01-structured-es.json");
    const prepared = await prepareForCase(w, opened);
    const draftId = prepared.draftId ?? "";
    // What Outlook's compose window does when the operator deletes the text: a PATCH of the draft's body.
    const patch = await w.tenant.fetch(
      new Request(`https://graph.microsoft.com/v1.0/users/${IT}/messages/${encodeURIComponent(draftId)}`, {
        method: "PATCH",
        headers: {
          authorization: `Bearer ${w.tenant.issueToken(OPERATOR)}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ body: { contentType: "html", content: "<p>&nbsp;</p><p>\u200B</p>" } }),
      }),
    );
    expect(patch.status).toBe(200);

    const error = await refusal(sendMassMail(w.it.ctx, opened));

    expect(error).toMatchObject({ code: "emptyMassMail", details: { at: "draft" } });
    expect(sendAttempts(w.tenant, OPERATOR)).toHaveLength(0);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(0);
    expect(storedOfKind(w, IT, "drafts", caseId, "massMail")).toHaveLength(1);
  });

  it("a request whose message is an attached piece (empty body on purpose) is still prepared and sent", async () => {
    const w = world();
    const { caseId, opened } = await forwarded(w, "03-flyer-attachment.json");
    expect(opened.content.hasContent).toBe(true);
    await prepareForCase(w, opened);
    await sendMassMail(w.it.ctx, opened);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(1);
  });
});

describe("images in the mass mail", () => {
  it("keeps images from the configured hosts and cid:, drops tracking pixels, hidden images and other hosts, and tells IT", async () => {
    const w = world();
    expect(w.config.imageHosts).toContain("www.universidad.example");
    const { caseId, opened } = await forwarded(
      w,
      requestWithMessage(
        "La Facultad invita a la convocatoria de movilidad 2027-1." +
          '<img src="https://www.universidad.example/movilidad/banner.png" alt="Movilidad" width="600">' +
          '<img src="https://tracker.example/open.gif?u=42" width="1" height="1">' +
          '<img src="https://www.universidad.example/pixel.gif" style="display:none">' +
          '<img src="https://cdn.elsewhere.example/foto.jpg" alt="Foto">',
      ),
    );
    expect(opened.content).toMatchObject({
      hasContent: true,
      hiddenImagesRemoved: 2,
      externalImagesRemoved: 1,
    });
    expect(opened.messageHtml).not.toMatch(/tracker\.example|elsewhere\.example|pixel\.gif/);

    await prepareForCase(w, opened);
    await sendMassMail(w.it.ctx, opened);
    w.afterSentItemsDelay();

    const [sent] = storedOfKind(w, IT, "sentitems", caseId, "massMail");
    const html = sent?.body.content ?? "";
    expect(html).toContain('src="https://www.universidad.example/movilidad/banner.png"');
    expect(html).not.toMatch(/tracker\.example|elsewhere\.example|pixel\.gif/);
    const member = membersOf(w, "estudiantes")[0] ?? "";
    const received = w.tenant
      .storedMessages(member, "inbox")
      .find((m) => m.subject === opened.summary.fields.subject);
    expect(received?.body.content).not.toMatch(/tracker\.example/);
  });
});

describe("what the sanitizer took away", () => {
  it("a message that lost most of its visible text is reported with both versions", async () => {
    const w = world();
    const { opened } = await forwarded(
      w,
      requestWithMessage(
        "Inscripciones abiertas." +
          "<video>La información completa de requisitos, fechas y documentos está en este video institucional.</video>",
      ),
    );
    expect(opened.content.change.substantial).toBe(true);
    expect(opened.content.before).toContain("requisitos, fechas y documentos");
    expect(opened.content.after).toBe("Inscripciones abiertas.");
  });

  it("an ordinary message is not reported", async () => {
    const w = world();
    const { opened } = await forwarded(w, "01-structured-es.json");
    expect(opened.content.change).toMatchObject({ substantial: false, lostChars: 0 });
    expect(opened.content).toMatchObject({ hiddenImagesRemoved: 0, externalImagesRemoved: 0 });
  });
});

describe("the mass mail keeps every character", () => {
  it("a family emoji, a flag, a keycap, a skin tone and combining accents reach the members as written", async () => {
    const w = world();
    const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}";
    const sequences = [family, "\u{1F1E8}\u{1F1F4}", "1\uFE0F\u20E3", "\u{1F44D}\u{1F3FD}", "Bogota\u0301"];
    const all = sequences.join(" ");
    const { caseId, opened } = await forwarded(
      w,
      requestWithMessage(`Día de la familia ${all}.`, `Día ${all}`),
    );
    expect(opened.summary.fields.subject).toBe(`Día ${all}`);

    await prepareForCase(w, opened);
    await sendMassMail(w.it.ctx, opened);
    w.afterSentItemsDelay();

    const [sent] = storedOfKind(w, IT, "sentitems", caseId, "massMail");
    expect(sent?.subject).toBe(`Día ${all}`);
    const member = membersOf(w, "estudiantes")[0] ?? "";
    const received = w.tenant.storedMessages(member, "inbox").find((m) => m.subject === `Día ${all}`);
    for (const sequence of sequences) expect(received?.body.content).toContain(sequence);
  });
});
