// Issue 15 in the browser: what the mass mail carries, driven through the demo's panes by role and accessible name.
//   1. A request whose message the sanitizer empties (only a script and a style) cannot be sent: IT's pane shows
//      the refusal with its reason and the way out, "Preparar correo masivo" is disabled and described by it, and
//      nothing is drafted, sent or delivered to the groups.
//   2. A request with visible text and a 1×1 tracking image from a host outside the demo configuration's
//      `imageHosts`: neither pane loads the image (every request to that host is routed and counted: none), IT's
//      review reports it removed, and the copies the groups' members receive (the emulated tenant's) do not carry it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Route } from "playwright-core";
import type { Demo, Lang } from "./helpers";
import {
  ROOT,
  COMMUNICATIONS,
  DOMAIN,
  IT,
  caseCard,
  caseIdOf,
  deliver,
  disconnect,
  eventually,
  messageRow,
  openDemo,
  outcome,
  requestForm,
  selectMessage,
  stateBadge,
  storedMessages,
  t,
} from "./helpers";

afterAll(disconnect);

const TRACKER_HOST = "tracker.example";
const MEMBERS = [`laura.estudiante@${DOMAIN}`, `juan.estudiante@${DOMAIN}`];
/** A transparent 1×1 GIF: what a tracking server answers. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** A request as a unit writes it: sender, subject, audience, then the message (`messageHtml`). */
function request(subject: string, messageHtml: string, receivedAt: string) {
  return {
    subject: `Solicitud envío correo masivo - ${subject}`,
    from: {
      emailAddress: {
        name: "Decanatura Facultad de Ingeniería Electrónica",
        address: `decanatura.fiet@${DOMAIN}`,
      },
    },
    toRecipients: [
      { emailAddress: { name: "Centro de Gestión de las Comunicaciones", address: COMMUNICATIONS } },
    ],
    receivedDateTime: receivedAt,
    body: {
      contentType: "html",
      content:
        `<p><b>Remitente:</b> Decanatura Facultad de Ingeniería Electrónica y Telecomunicaciones<br>` +
        `<b>Asunto:</b> ${subject}<br><b>Dirigido a:</b> estudiantes</p>` +
        `<p><b>Mensaje:</b> ${messageHtml}</p><p>Cordialmente,<br>Secretaría de Decanatura</p>`,
    },
    hasAttachments: false,
    attachments: [],
  };
}

function button(scope: Locator, lang: Lang, key: Parameters<typeof t>[1]): Locator {
  return scope.getByRole("button", { name: t(lang, key), exact: true });
}

function itCase(d: Demo, id: string): Locator {
  return d.itPane.getByRole("region", { name: t(d.lang, "it.title", { id }) });
}

function itStateText(d: Demo, id: string, key: Parameters<typeof t>[1]): Locator {
  return itCase(d, id)
    .getByRole("heading", { level: 2 })
    .locator("xpath=..")
    .getByText(t(d.lang, key), { exact: true });
}

/** Delivers the request, opens it in Communications' pane, creates its case and forwards it; opens it in IT's. */
async function forwardedToIt(
  d: Demo,
  mail: ReturnType<typeof request>,
): Promise<{ id: string; it: Locator }> {
  await deliver(d.page, COMMUNICATIONS, mail);
  await selectMessage(d, "comms", mail.subject);
  const form = requestForm(d);
  await form.waitFor();
  await button(form, d.lang, "request.create").click();
  const card = caseCard(d);
  await outcome(d.commsPane, stateBadge(card, t(d.lang, "state.received")), "Crear caso");
  const id = await caseIdOf(card);
  await button(card, d.lang, "act.forward").click();
  await outcome(card, stateBadge(card, t(d.lang, "state.forwarded")), "Enviar a TIC");
  await messageRow(d, "it", `[${id}]`).first().waitFor();
  await selectMessage(d, "it", `[${id}]`);
  const it = itCase(d, id);
  await it.waitFor();
  await itStateText(d, id, "it.state.received").waitFor();
  return { id, it };
}

/** Messages in IT's drafts and Sent Items addressed to groups (mass mails), by subject. */
async function massMailsWithSubject(d: Demo, subject: string) {
  const drafts = await storedMessages(d.page, IT, "drafts");
  const sent = await storedMessages(d.page, IT, "sentitems");
  return [...drafts, ...sent].filter((m) => m.bccRecipients.length > 0 && m.subject === subject);
}

test("a request whose message sanitizes to nothing cannot be sent: IT sees why and what to do, Prepare is disabled, the groups get nothing", async () => {
  const d = await openDemo();
  const lang = d.lang;
  const subject = "Aviso que el filtro deja vacío";
  const mail = request(
    subject,
    "<script>alert('mass mail')</script><style>p { color: red }</style>",
    "2026-12-01T15:00:00Z",
  );
  const { id, it } = await forwardedToIt(d, mail);

  // The refusal, with its reason (nothing visible to send) and the way out (ask Communications), in an alert.
  const refusal = it.getByRole("alert").filter({ hasText: t(lang, "error.emptyMassMail") });
  await refusal.waitFor();
  const prepare = button(it, lang, "it.prepare");
  expect(await prepare.isDisabled()).toBe(true);
  // The disabled button says why: its description is the refusal's text.
  const describedBy = (await prepare.getAttribute("aria-describedby")) ?? "";
  expect(describedBy).not.toBe("");
  expect((await d.page.locator(`[id="${describedBy}"]`).innerText()).trim()).toBe(
    t(lang, "error.emptyMassMail"),
  );
  // A click on the disabled button does nothing.
  await prepare.click({ force: true });
  await itStateText(d, id, "it.state.received").waitFor();

  // Nothing was drafted or sent, and no member of the groups received it.
  expect(await massMailsWithSubject(d, subject)).toEqual([]);
  for (const member of MEMBERS) {
    const inbox = await storedMessages(d.page, member, "inbox");
    expect(inbox.filter((m) => m.subject === subject)).toEqual([]);
  }
  expect(d.problems).toEqual([]);
}, 120_000);

test("a tracking image from a host outside imageHosts is never loaded, IT's review reports it removed, and the groups' copies do not carry it", async () => {
  const d = await openDemo();
  const lang = d.lang;
  const demoConfig = JSON.parse(readFileSync(join(ROOT, "src", "demo", "demo.config.json"), "utf8")) as {
    imageHosts: string[];
  };
  expect(demoConfig.imageHosts).not.toContain(TRACKER_HOST);
  const tracked: string[] = [];
  const answer = (route: Route) => {
    tracked.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "image/gif", body: PIXEL });
  };
  const pattern = `https://${TRACKER_HOST}/**`;
  await d.context.route(pattern, answer);
  try {
    const subject = "Jornada de puertas abiertas 2027";
    const visible = "La Facultad invita a la jornada de puertas abiertas del 10 de febrero de 2027.";
    const mail = request(
      subject,
      `${visible}<img src="https://${TRACKER_HOST}/open.gif?u=42" width="1" height="1" alt="">`,
      "2026-12-01T15:05:00Z",
    );
    const { id, it } = await forwardedToIt(d, mail);

    // Communications' preview showed the text (the image held, never loaded); IT's preview shows the text too.
    const itPreview = it.getByRole("region", { name: t(lang, "preview.title"), exact: true });
    await itPreview.getByText(visible, { exact: true }).waitFor();
    expect(await itPreview.locator("img").count()).toBe(0);

    // IT's review says what was removed.
    const review = it.getByRole("region", { name: t(lang, "it.content.changedTitle"), exact: true });
    await review
      .getByRole("note")
      .filter({ hasText: t(lang, "it.content.hiddenRemoved", { count: "1" }) })
      .waitFor();

    // Prepare and send; the students' copies arrive without the image.
    await button(it, lang, "it.prepare").click();
    await outcome(it, itStateText(d, id, "it.state.prepared"), "Preparar correo masivo");
    await button(it, lang, "it.sendNow").click();
    const dialog = d.page.getByRole("alertdialog");
    await dialog.waitFor();
    await button(dialog, lang, "it.sendConfirm").click();
    await outcome(it, itStateText(d, id, "it.state.sent"), "Enviar ahora");

    for (const member of MEMBERS) {
      const copy = await eventually(`the mass mail in ${member}'s inbox`, async () =>
        (await storedMessages(d.page, member, "inbox")).find((m) => m.subject === subject),
      );
      expect(copy.body.content).toContain(visible);
      expect(copy.body.content).not.toContain(TRACKER_HOST);
      expect(copy.body.content).not.toMatch(/<img\b/i);
    }
    const [sentCopy] = await eventually("the mass mail's Sent Items copy", async () => {
      const sent = (await storedMessages(d.page, IT, "sentitems")).filter(
        (m) => m.bccRecipients.length > 0 && m.subject === subject,
      );
      return sent.length > 0 ? sent : undefined;
    });
    expect(sentCopy?.body.content).not.toContain(TRACKER_HOST);

    // Back on the request in Communications' pane: still not loaded there either.
    await selectMessage(d, "comms", mail.subject);
    await caseCard(d, id).waitFor();
    expect(tracked).toEqual([]);
    expect(d.problems).toEqual([]);

    // The count is not blind: the page asking for that host directly is routed and counted.
    await d.page.evaluate(async (url) => {
      const probe = new Image();
      const loaded = new Promise((resolve) => {
        probe.onload = resolve;
        probe.onerror = resolve;
      });
      probe.src = url;
      await loaded;
    }, `https://${TRACKER_HOST}/probe.gif`);
    expect(tracked).toEqual([`https://${TRACKER_HOST}/probe.gif`]);
  } finally {
    await d.context.unroute(pattern, answer);
  }
}, 120_000);
