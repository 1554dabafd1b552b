// Issue 13 in the demo, driven through both panes as the two people would: IT's test send (the [PRUEBA] copy
// reaches the requester and never the groups; the requester's "approved" reply shows on IT's case; after changes
// asked, a second test [PRUEBA 2] and only its approval enables a required approval), the urgent
// lane (Communications ticks "Urgente": IT's forward is [URGENTE] with high importance and both dashboards list
// the case first among the open ones), and the content checks' findings on the hostile request 08. Every test
// starts from the seed (?fresh=1); the tenant's mailboxes are read straight from the page's emulator.
import type { Locator } from "playwright-core";
import type { MessageKey } from "../../src/i18n/catalogue";
import type { Demo, Lang } from "./helpers";
import {
  COMMUNICATIONS,
  FIXTURE_01_SUBJECT,
  IT,
  caseCard,
  caseIdOf,
  deliver,
  escapeRe,
  eventually,
  messageRow,
  outcome,
  recordTiming,
  requestForm,
  selectMessage,
  sendTrigger,
  showView,
  stateBadge,
  storedMessages,
  t,
  demoPerTest,
} from "./helpers";

const demos = demoPerTest();

/** Fixture 01's mass mail subject, its requester, and the members of its groups (Estudiantes and Docentes). */
const MASS_SUBJECT = "Convocatoria de movilidad académica 2027-1";
const REQUESTER = "decanatura.fiet@universidad.example";
const MEMBERS = ["laura.estudiante", "juan.estudiante", "maria.docente", "carlos.docente"].map(
  (m) => `${m}@universidad.example`,
);
/** Request 08 (test/data/requests/08-hostile-html.json): its subject carries a literal script tag. */
const REQUEST_08_SUBJECT = "Solicitud envío <script>alert(1)</script> masivo";

function button(scope: Locator, lang: Lang, key: MessageKey): Locator {
  return scope.getByRole("button", { name: t(lang, key), exact: true });
}

function itCase(d: Demo, id: string): Locator {
  return d.itPane.getByRole("region", { name: t(d.lang, "it.title", { id }) });
}

function itStateText(d: Demo, id: string, text: string): Locator {
  return itCase(d, id).getByRole("heading", { level: 2 }).locator("xpath=..").getByText(text, {
    exact: true,
  });
}

/** A catalogue string as a pattern: its {placeholders} match any text (values given are filled in first). */
function pattern(lang: Lang, key: MessageKey, values: Record<string, string> = {}): RegExp {
  const marker = "\u0000";
  const filled = t(lang, key, values);
  const parts = filled.replace(/\{[^}]+\}/g, marker).split(marker);
  return new RegExp(parts.map((p) => escapeRe(p).source).join(".+"));
}

/** A request in Communications → (optionally "Urgente") → "Crear caso" → "Enviar a TIC"; the case id and card. */
async function createAndForward(
  d: Demo,
  subject: string,
  options: { urgent?: boolean; complete?: boolean } = {},
): Promise<{ id: string; card: Locator }> {
  await selectMessage(d, "comms", subject);
  const form = requestForm(d);
  await form.waitFor();
  if (options.complete) await completeForm(d, form);
  if (options.urgent) {
    const flag = form.getByRole("checkbox", { name: t(d.lang, "field.urgentFlag"), exact: true });
    await flag.check();
    expect(await flag.isChecked()).toBe(true);
  }
  await button(form, d.lang, "request.create").click();
  const card = caseCard(d);
  await outcome(d.commsPane, stateBadge(card, t(d.lang, "state.received")), "Crear caso");
  const id = await caseIdOf(card);
  await button(card, d.lang, "act.forward").click();
  await outcome(card, stateBadge(card, t(d.lang, "state.forwarded")), "Enviar a TIC");
  await messageRow(d, "it", `[${id}]`).first().waitFor();
  await eventually("the forward in Communications' Sent Items", async () =>
    (await storedMessages(d.page, COMMUNICATIONS, "sentitems")).some((m) => m.subject.includes(`[${id}]`)),
  );
  return { id, card };
}

/**
 * What a person types when intake found too little (request 08 is hostile HTML, not a structured request): a
 * requesting unit, an allowed sender, a subject and one audience, each only when the form has none.
 */
async function completeForm(d: Demo, form: Locator): Promise<void> {
  const fill = async (key: MessageKey, value: string) => {
    const input = form.getByRole("textbox", { name: t(d.lang, key) });
    if ((await input.inputValue()).trim() === "") await input.fill(value);
  };
  await fill("field.requestingUnit", "Decanatura Facultad de Ingeniería Electrónica");
  await fill("field.desiredSender", "decanatura.fiet@universidad.example");
  await fill("field.subject", "Oferta de promociones");
  const students = form.getByRole("checkbox", { name: "Estudiantes", exact: true });
  if (!(await students.isChecked())) await students.check();
}

/** IT opens the case's forward and waits for its case view. */
async function openInIt(d: Demo, id: string): Promise<Locator> {
  await messageRow(d, "it", `[${id}]`).filter({ hasText: "Solicitud de envío masivo" }).first().click();
  const it = itCase(d, id);
  await it.waitFor();
  return it;
}

/** IT prepares the mass mail of an opened case. */
async function prepare(d: Demo, id: string, it: Locator): Promise<void> {
  await it
    .getByText(/18[.,]432/)
    .first()
    .waitFor();
  await button(it, d.lang, "it.prepare").click();
  await outcome(it, itStateText(d, id, t(d.lang, "it.state.prepared")), "Preparar correo masivo");
}

interface DemoConfigWindow {
  __pregonDemo: { it: { services: { config: { testSend?: { approvalRequired: boolean } } } } };
}

/** The IT side's configuration in the running demo (the object the pane reads), testSend set as given. */
function setApprovalRequired(d: Demo, required: boolean): Promise<boolean> {
  return d.page.evaluate((value) => {
    const config = (window as unknown as DemoConfigWindow).__pregonDemo.it.services.config;
    try {
      config.testSend = { approvalRequired: value };
    } catch {
      return false;
    }
    return config.testSend?.approvalRequired === value;
  }, required);
}

async function testSendLoop(approvalRequired: boolean): Promise<void> {
  const started = Date.now();
  const d = await demos.open();
  const lang = d.lang;
  if (approvalRequired) {
    // The demo has no URL parameter for the configuration; the page's hook hands out the very object the panes
    // read (main.tsx), so the test sets testSend.approvalRequired there before IT opens the case.
    expect(await setApprovalRequired(d, true)).toBe(true);
  }
  const { id } = await createAndForward(d, FIXTURE_01_SUBJECT);
  const it = await openInIt(d, id);
  await itStateText(d, id, t(lang, "it.state.received")).waitFor();
  await prepare(d, id, it);

  const send = sendTrigger(it, lang);
  await send.waitFor();
  const reason = it.getByText(t(lang, "it.test.needsApproval"), { exact: true });
  if (approvalRequired) {
    expect(await send.isDisabled()).toBe(true);
    const describedBy = await send.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    expect(await d.page.locator(`[id="${describedBy}"]`).innerText()).toBe(t(lang, "it.test.needsApproval"));
  } else {
    // demo.config.json: testSend.approvalRequired false — the test is offered, the send does not wait for it.
    expect(await send.isEnabled()).toBe(true);
    expect(await reason.count()).toBe(0);
  }

  // "Enviar prueba": one [PRUEBA] copy to the requester (and Communications), none to the groups.
  await button(it, lang, "it.test.send").click();
  await outcome(
    it,
    it.getByRole("status").filter({ hasText: pattern(lang, "it.test.sent") }),
    "Enviar prueba",
  );
  const test = await eventually("the [PRUEBA] copy in the requester's inbox", async () =>
    (await storedMessages(d.page, REQUESTER, "inbox")).find((m) => m.subject.startsWith("[PRUEBA]")),
  );
  expect(test.subject).toBe(`[PRUEBA] ${MASS_SUBJECT} [${id}]`);
  expect(test.bccRecipients).toEqual([]);
  const inComms = (await storedMessages(d.page, COMMUNICATIONS, "inbox")).filter(
    (m) => m.subject === test.subject,
  );
  expect(inComms).toHaveLength(1);
  // The emulator files copies (Sent Items) 2 s late; wait past that before looking for absence at the members.
  await d.page.waitForTimeout(2_500);
  for (const member of MEMBERS) {
    const got = (await storedMessages(d.page, member, "inbox")).filter(
      (m) => m.subject.includes("[PRUEBA]") || m.subject === MASS_SUBJECT,
    );
    expect([member, got.length]).toEqual([member, 0]);
  }
  if (approvalRequired) expect(await sendTrigger(it, lang).isDisabled()).toBe(true);

  // The requester answers "Aprobado, gracias" to tic@ with the case id in the subject.
  await deliver(d.page, IT, {
    subject: `RE: ${test.subject}`,
    from: { emailAddress: { name: "Decanatura Facultad de Ingeniería Electrónica", address: REQUESTER } },
    toRecipients: [{ emailAddress: { address: IT } }],
    body: { contentType: "html", content: "<p>Aprobado, gracias</p>" },
  });

  // IT reopens the case (another message, then the forward again): the approval shows.
  await messageRow(d, "it", `RE: ${test.subject}`).first().waitFor();
  await messageRow(d, "it", `RE: ${test.subject}`).first().click();
  await d.itPane.locator('main[aria-busy="true"]').waitFor({ state: "detached" });
  const again = await openInIt(d, id);
  const approved = again.getByText(pattern(lang, "it.test.approved", { by: REQUESTER }));
  await approved.waitFor();
  expect(await approved.innerText()).toContain(`${REQUESTER}`);
  const sendAfter = sendTrigger(again, lang);
  expect(await sendAfter.isEnabled()).toBe(true);
  expect(await again.getByText(t(lang, "it.test.needsApproval"), { exact: true }).count()).toBe(0);
  recordTiming(`issue13: test send loop (approvalRequired ${approvalRequired})`, Date.now() - started);
}

test("issue #13: IT's test send reaches the requester as [PRUEBA] and never the groups; the requester's approval shows on IT's case (demo config: approval not required, send enabled throughout)", async () => {
  await testSendLoop(false);
});

test("issue #13: with testSend.approvalRequired set, IT's send stays disabled (described by the reason) until the requester approves the test", async () => {
  try {
    await testSendLoop(true);
  } finally {
    // The next test opens the demo again (a new page load reads demo.config.json afresh); reset anyway.
    if (demos.current) await setApprovalRequired(demos.current, false).catch(() => false);
  }
});

/** The requester answers a test copy (by its subject) to tic@ with these words; IT then reopens the case. */
async function requesterAnswers(d: Demo, id: string, testSubject: string, words: string): Promise<Locator> {
  const subject = `RE: ${testSubject}`;
  await deliver(d.page, IT, {
    subject,
    from: { emailAddress: { name: "Decanatura Facultad de Ingeniería Electrónica", address: REQUESTER } },
    toRecipients: [{ emailAddress: { address: IT } }],
    body: { contentType: "html", content: `<p>${words}</p>` },
  });
  // IT reopens the case (the answer, then the forward again): the pane looks for the answer on opening.
  const row = messageRow(d, "it", subject).first();
  await row.waitFor();
  await row.click();
  await d.itPane.locator('main[aria-busy="true"]').waitFor({ state: "detached" });
  return openInIt(d, id);
}

test("issue #13: after changes asked, IT sends the corrected draft as [PRUEBA 2]; a late approval of [PRUEBA] keeps the required approval missing, the approval of [PRUEBA 2] enables the send", async () => {
  const d = await demos.open();
  const lang = d.lang;
  try {
    expect(await setApprovalRequired(d, true)).toBe(true);
    const { id } = await createAndForward(d, FIXTURE_01_SUBJECT);
    const it = await openInIt(d, id);
    await prepare(d, id, it);
    await button(it, lang, "it.test.send").click();
    await outcome(
      it,
      it.getByRole("status").filter({ hasText: pattern(lang, "it.test.sent") }),
      "Enviar prueba",
    );
    const first = `[PRUEBA] ${MASS_SUBJECT} [${id}]`;
    await eventually("the [PRUEBA] copy in the requester's inbox", async () =>
      (await storedMessages(d.page, REQUESTER, "inbox")).some((m) => m.subject === first),
    );

    // The requester asks for a change: IT sees their words and is offered another test.
    const asked = await requesterAnswers(d, id, first, "Cambien la fecha al 12 de diciembre, por favor.");
    await asked.getByText("Cambien la fecha al 12 de diciembre, por favor.", { exact: true }).waitFor();
    expect(await sendTrigger(asked, lang).isDisabled()).toBe(true);
    await button(asked, lang, "it.test.sendAnother").click();
    await outcome(
      asked,
      asked.getByRole("status").filter({ hasText: pattern(lang, "it.test.sentRound", { round: "2" }) }),
      "Enviar otra prueba",
    );
    const second = `[PRUEBA 2] ${MASS_SUBJECT} [${id}]`;
    await eventually("the [PRUEBA 2] copy in the requester's inbox", async () =>
      (await storedMessages(d.page, REQUESTER, "inbox")).some((m) => m.subject === second),
    );
    expect(await button(asked, lang, "it.test.sendAnother").count()).toBe(0);
    // Two test copies in IT's Sent Items (Exchange files them late: wait past that), none at the groups.
    await d.page.waitForTimeout(2_500);
    const sentTests = (await storedMessages(d.page, IT, "sentitems")).filter((m) =>
      m.subject.includes(`[${id}]`),
    );
    expect(sentTests.map((m) => m.subject).sort()).toEqual([first, second].sort());
    for (const member of MEMBERS) {
      const got = (await storedMessages(d.page, member, "inbox")).filter(
        (m) => m.subject.includes("[PRUEBA") || m.subject === MASS_SUBJECT,
      );
      expect([member, got.length]).toEqual([member, 0]);
    }

    // A late "Aprobado" to the first test approves a draft that has changed since: the send stays disabled.
    const late = await requesterAnswers(d, id, first, "Aprobado");
    await late
      .getByRole("status")
      .filter({ hasText: pattern(lang, "it.test.sentRound", { round: "2" }) })
      .waitFor();
    await late.getByText(pattern(lang, "it.test.changesAskedRound", { round: "1" })).waitFor();
    expect(await sendTrigger(late, lang).isDisabled()).toBe(true);
    expect(await late.getByText(t(lang, "it.test.needsApproval"), { exact: true }).count()).toBe(1);

    // The approval of the second test enables it.
    const approved = await requesterAnswers(d, id, second, "Aprobado, gracias");
    const shown = approved.getByText(pattern(lang, "it.test.approvedRound", { round: "2", by: REQUESTER }));
    await shown.waitFor();
    expect(await sendTrigger(approved, lang).isEnabled()).toBe(true);
    expect(await approved.getByText(t(lang, "it.test.needsApproval"), { exact: true }).count()).toBe(0);
  } finally {
    await setApprovalRequired(d, false).catch(() => false);
  }
});

test("issue #13: an urgent request reaches IT as [URGENTE] with high importance, and both dashboards list it first among open cases", async () => {
  const started = Date.now();
  const d = await demos.open();
  const lang = d.lang;
  const { id } = await createAndForward(d, FIXTURE_01_SUBJECT, { urgent: true });

  // IT's inbox: the forward's subject carries [URGENTE], its importance is high (the stored message).
  const row = messageRow(d, "it", `[${id}]`).filter({ hasText: "[URGENTE]" });
  await row.first().waitFor();
  const forward = await eventually("the urgent forward in IT's inbox", async () =>
    (await storedMessages(d.page, IT, "inbox")).find(
      (m) => m.subject.includes(`[${id}]`) && m.subject.includes("[URGENTE]"),
    ),
  );
  expect(forward.importance).toBe("high");

  // Communications' dashboard: the urgent case is the first row (open cases come first).
  await showView(d, "dashboard");
  const commsRows = d.commsPane
    .getByRole("region", { name: t(lang, "dashboard.listLabel"), exact: true })
    .getByRole("listitem");
  const firstComms = (await commsRows.first().innerText()).replace(/\s+/g, " ");
  expect(firstComms).toContain(id);
  expect(firstComms).toContain(t(lang, "case.urgent"));
  // The seed has other open cases (on time and overdue): the urgent one is ahead of them.
  expect(await commsRows.count()).toBeGreaterThan(1);

  // IT's open cases: the urgent case first.
  await d.itPane
    .getByRole("button", { name: t(lang, "it.openCases"), exact: true })
    .first()
    .click();
  const itList = d.itPane.getByRole("list", { name: t(lang, "it.openCases"), exact: true });
  await itList.waitFor();
  const itRows = itList.getByRole("listitem");
  const firstIt = (await itRows.first().innerText()).replace(/\s+/g, " ");
  expect(firstIt).toContain(id);
  expect(firstIt).toContain(t(lang, "case.urgent"));
  expect(await itRows.count()).toBeGreaterThan(1);
  recordTiming("issue13: urgent lane", Date.now() - started);
});

/** The three findings the brief names: an image without alt, "clic aquí", a deceptive link. */
function expectedFindings(lang: Lang): RegExp[] {
  return [
    pattern(lang, "warning.imageWithoutAlt"),
    pattern(lang, "warning.vagueLinkText", { where: "clic aquí" }),
    pattern(lang, "warning.deceptiveLink"),
  ];
}

/**
 * A structured request (like fixture 01) whose mass-mail text has all three: an image from an allowed host without
 * alt text, a link reading "clic aquí", and a link that shows one address and leads to another. Request 08 has
 * its image and "clic aquí" in the Remitente/Asunto lines, not in the message text the checks read.
 */
const FINDINGS_SUBJECT = "Solicitud envío correo masivo - Feria de bienestar 2027";
const FINDINGS_REQUEST = {
  subject: FINDINGS_SUBJECT,
  from: {
    emailAddress: {
      name: "Vicerrectoría de Cultura y Bienestar",
      address: "vicebienestar@universidad.example",
    },
  },
  toRecipients: [{ emailAddress: { address: COMMUNICATIONS } }],
  receivedDateTime: "2026-11-28T14:00:00Z",
  body: {
    contentType: "html",
    content:
      "<p>Buenos días,</p><p>Solicitamos el envío del siguiente correo masivo:</p>" +
      "<p><b>Remitente:</b> Vicerrectoría de Cultura y Bienestar<br><b>Asunto:</b> Feria de bienestar 2027<br>" +
      "<b>Dirigido a:</b> estudiantes<br><b>Fecha de envío:</b> 15 de diciembre de 2026</p>" +
      "<p><b>Mensaje:</b></p><div><p>La Vicerrectoría invita a la feria de bienestar 2027.</p>" +
      '<p><img src="https://www.universidad.example/feria-2027.png" width="400" height="200"></p>' +
      '<p>Para ver el programa haga <a href="https://www.universidad.example/feria">clic aquí</a>.</p>' +
      '<p>Inscripciones: <a href="https://universidad.example.attacker.example/login">' +
      "https://www.universidad.example/inscripciones</a></p></div><p>Cordialmente,<br>Vicerrectoría</p>",
  },
};

/** The findings list in IT's review of an opened case (fails with what the case view shows when there is none). */
async function itFindings(d: Demo, it: Locator): Promise<string[]> {
  const list = it.getByRole("list", { name: t(d.lang, "it.content.findings"), exact: true });
  await list.waitFor().catch(async (e: unknown) => {
    const shown = (await it.innerText()).replace(/\s+/g, " ");
    throw new Error(`No findings list in IT's review (${String(e)}); the case view shows: ${shown}`);
  });
  return (await list.getByRole("listitem").allInnerTexts()).map((x) => x.replace(/\s+/g, " "));
}

/** The warnings on Communications' request form, as one text. */
async function formText(d: Demo, subject: string): Promise<string> {
  await selectMessage(d, "comms", subject);
  const form = requestForm(d);
  await form.waitFor();
  await d.commsPane.getByRole("progressbar").waitFor({ state: "detached" });
  return (await form.innerText()).replace(/\s+/g, " ");
}

test("issue #13: a request with an image without alt, 'clic aquí' and a deceptive link → all three findings on Communications' form and in IT's review after the forward", async () => {
  const started = Date.now();
  const d = await demos.open();
  const lang = d.lang;
  await deliver(d.page, COMMUNICATIONS, FINDINGS_REQUEST);
  const text = await formText(d, FINDINGS_SUBJECT);
  for (const wanted of expectedFindings(lang)) {
    expect([wanted.source, wanted.test(text), text]).toEqual([wanted.source, true, text]);
  }
  const { id } = await createAndForward(d, FINDINGS_SUBJECT, { complete: true });
  const items = await itFindings(d, await openInIt(d, id));
  for (const wanted of expectedFindings(lang)) {
    expect([wanted.source, items.some((x) => wanted.test(x)), items]).toEqual([wanted.source, true, items]);
  }
  recordTiming("issue13: findings in both panes", Date.now() - started);
});

test("issue #13: seeded request 08 (hostile HTML) → its deceptive link is a finding on Communications' form and in IT's review after the forward", async () => {
  const d = await demos.open();
  const lang = d.lang;
  const deceptive = pattern(lang, "warning.deceptiveLink", {
    text: "universidad.example",
    host: "universidad.example.attacker.example",
  });
  const text = await formText(d, REQUEST_08_SUBJECT);
  expect([deceptive.test(text), text]).toEqual([true, text]);
  const { id } = await createAndForward(d, REQUEST_08_SUBJECT, { complete: true });
  const items = await itFindings(d, await openInIt(d, id));
  expect([items.some((x) => deceptive.test(x)), items]).toEqual([true, items]);
});
