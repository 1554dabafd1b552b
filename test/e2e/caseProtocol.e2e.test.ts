// Issue 10 in the demo, driven through both panes as the two people would: the case protocol between the
// mailboxes. A cancellation reaches IT (its pane shows it and offers nothing to prepare or send), a cancellation
// that arrives between Prepare and Send stops the send (nothing reaches the groups), an update after the forward
// is what IT sees and prepares from, and a reminder opened in IT's pane shows its case. Every test starts from
// the seed (?fresh=1); the tenant's mailboxes are read straight from the page's emulator.
import type { Locator } from "playwright-core";
import { CASE_HEADER, decodeCaseHeader } from "../../src/domain/caseHeader";
import { typedDate } from "../../src/domain/dates";
import type { CancelNotice } from "../../src/domain/caseHeader";
import type { MessageKey } from "../../src/i18n/catalogue";
import type { Demo, Lang } from "./helpers";
import {
  confirmSendNow,
  sendTrigger,
  COMMUNICATIONS,
  FIXTURE_01_SUBJECT,
  IT,
  PROFESSIONAL,
  caseCard,
  caseIdOf,
  eventually,
  exact,
  historyEntry,
  messageRow,
  outcome,
  recordTiming,
  requestForm,
  selectMessage,
  stateBadge,
  storedMessages,
  t,
  demoPerTest,
} from "./helpers";

const demos = demoPerTest();

/** Fixture 01's mass mail: its subject, and the groups it goes to (Estudiantes and Docentes). */
const MASS_SUBJECT = "Convocatoria de movilidad académica 2027-1";
const STUDENTS = `estudiantes@universidad.example`;
const TEACHERS = `docentes@universidad.example`;
/** Members of those groups in the seed (the mass mail would land in their inboxes). */
const MEMBERS = ["laura.estudiante", "juan.estudiante", "maria.docente", "carlos.docente"].map(
  (m) => `${m}@universidad.example`,
);

function button(scope: Locator, lang: Lang, key: MessageKey): Locator {
  return scope.getByRole("button", { name: t(lang, key), exact: true });
}

function itCase(d: Demo, id: string): Locator {
  return d.itPane.getByRole("region", { name: t(d.lang, "it.title", { id }) });
}

/** The state beside the heading of IT's case view. */
function itStateText(d: Demo, id: string, text: string): Locator {
  return itCase(d, id).getByRole("heading", { level: 2 }).locator("xpath=..").getByText(text, {
    exact: true,
  });
}

/** Fixture 01 → "Crear caso" → "Enviar a TIC"; returns the case id and its card once the forward is in IT's list. */
async function createAndForward(d: Demo): Promise<{ id: string; card: Locator }> {
  await selectMessage(d, "comms", FIXTURE_01_SUBJECT);
  await requestForm(d).waitFor();
  await button(requestForm(d), d.lang, "request.create").click();
  const card = caseCard(d);
  await stateBadge(card, t(d.lang, "state.received")).waitFor();
  const id = await caseIdOf(card);
  await button(card, d.lang, "act.forward").click();
  await outcome(card, stateBadge(card, t(d.lang, "state.forwarded")), "Enviar a TIC");
  await messageRow(d, "it", `[${id}]`).first().waitFor();
  // Exchange files the forward's Sent Items copy seconds after the send (the emulator 2 s); a reminder or notice
  // replies on that copy, and before it is filed the pane rightly says "try again in a moment". A person takes
  // those seconds anyway: wait until the copy is there so the next step does not race it.
  await eventually("the forward in Communications' Sent Items", async () =>
    (await storedMessages(d.page, COMMUNICATIONS, "sentitems")).some((m) => m.subject.includes(`[${id}]`)),
  );
  return { id, card };
}

/** "Cancelar caso" with a reason, in the Communications pane on the case's card. */
async function cancelIn(d: Demo, card: Locator, id: string, reason: string): Promise<void> {
  await button(card, d.lang, "act.cancel").click();
  const dialog = d.page.getByRole("dialog", { name: t(d.lang, "act.cancel.title", { id }) });
  await dialog.getByRole("textbox", { name: t(d.lang, "act.cancel.reasonLabel") }).fill(reason);
  await button(dialog, d.lang, "act.cancel.confirm").click();
  await outcome(card, stateBadge(card, t(d.lang, "state.cancelled")), "Cancelar caso");
  await historyEntry(card, t(d.lang, "action.cancelled")).filter({ hasText: reason }).waitFor();
}

/** The IT inbox's messages of a case that carry the case header, decoded, newest first. */
async function caseMessagesInIt(d: Demo, id: string) {
  return (await storedMessages(d.page, IT, "inbox"))
    .map((m) => ({
      message: m,
      summary: decodeCaseHeader(
        m.internetMessageHeaders.find((h) => h.name.toLowerCase() === CASE_HEADER)?.value,
      ),
    }))
    .filter((m) => m.summary?.id === id);
}

/** The cancellation notice's facts as IT's mailbox holds them (waits until the notice has arrived). */
function cancellationInIt(d: Demo, id: string): Promise<CancelNotice> {
  return eventually(`the cancellation of ${id} in IT's inbox`, async () => {
    const found = (await caseMessagesInIt(d, id)).find((m) => m.summary?.message === "cancel");
    return found?.summary?.cancelled;
  });
}

/** An instant as the pane writes it (fmt.dateTime: the pane's locale, medium date, short time, Bogotá). */
function paneDateTime(d: Demo, at: string): Promise<string> {
  return d.page.evaluate(
    ([iso, locale]) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "America/Bogota",
      }).format(new Date(iso)),
    [at, d.lang === "es" ? "es-CO" : "en-US"] as const,
  );
}

/** A calendar date as the pane writes it (fmt.date on "YYYY-MM-DD": medium date, never shifted a day). */
function paneDate(d: Demo, date: string): Promise<string> {
  return d.page.evaluate(
    ([iso, locale]) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    [date, d.lang === "es" ? "es-CO" : "en-US"] as const,
  );
}

test("issue #10: Communications cancels a forwarded case → IT's pane shows it cancelled (reason, who, when) and Prepare is disabled with that reason", async () => {
  const started = Date.now();
  const d = await demos.open();
  const lang = d.lang;
  const { id, card } = await createAndForward(d);
  const reason = "La decanatura retiró la convocatoria: se publicará en 2027.";
  await cancelIn(d, card, id, reason);
  const notice = await cancellationInIt(d, id);
  expect([notice.reason, notice.by]).toEqual([reason, PROFESSIONAL]);

  // IT opens the forward (the first message of the case in its list).
  await selectMessage(d, "it", `[${id}]`);
  const it = itCase(d, id);
  await it.waitFor();
  await itStateText(d, id, t(lang, "state.cancelled")).waitFor();
  const banner = it.getByRole("alert").filter({ hasText: t(lang, "it.cancelled.title") });
  await banner.waitFor();
  const why = t(lang, "it.cancelled.body", {
    reason,
    by: PROFESSIONAL,
    at: await paneDateTime(d, notice.at),
  });
  expect((await banner.innerText()).replace(/\s+/g, " ")).toContain(why.replace(/\s+/g, " "));

  // Prepare is there but disabled, and its description is the cancellation (reason, who, when).
  const prepare = button(it, lang, "it.prepare");
  expect(await prepare.isDisabled()).toBe(true);
  const describedBy = await prepare.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  const description = (await d.page.locator(`[id="${describedBy}"]`).innerText()).replace(/\s+/g, " ");
  expect(description).toBe(why.replace(/\s+/g, " "));
  // Nothing to send: no Send button, and nothing was prepared in IT's drafts.
  expect(await sendTrigger(it, lang).count()).toBe(0);
  const drafts = (await storedMessages(d.page, IT, "drafts")).filter((m) => m.subject === MASS_SUBJECT);
  expect(drafts).toEqual([]);
  recordTiming("caseProtocol: cancel reaches IT", Date.now() - started);
});

test("issue #10: a cancellation between Prepare and Send stops the send — nothing reaches the groups, the draft stays unsent", async () => {
  const started = Date.now();
  const d = await demos.open();
  const lang = d.lang;
  const { id, card } = await createAndForward(d);

  // IT opens the forward and prepares the mass mail (before any cancellation).
  await selectMessage(d, "it", `[${id}]`);
  const it = itCase(d, id);
  await it.waitFor();
  await itStateText(d, id, t(lang, "it.state.received")).waitFor();
  await it
    .getByText(/18[.,]432/)
    .first()
    .waitFor();
  await button(it, lang, "it.prepare").click();
  await outcome(it, itStateText(d, id, t(lang, "it.state.prepared")), "Preparar correo masivo");
  const draft = await eventually("the prepared mass mail in IT's drafts", async () =>
    (await storedMessages(d.page, IT, "drafts")).find((m) => m.subject === MASS_SUBJECT),
  );
  expect(draft.bccRecipients.map((r) => r.emailAddress.address).sort()).toEqual([TEACHERS, STUDENTS].sort());

  // Communications cancels while IT's pane still shows the prepared case.
  const reason = "El evento se aplazó; no enviar el correo masivo.";
  await cancelIn(d, card, id, reason);
  await cancellationInIt(d, id);

  // IT presses Send and confirms: the pane looks at the case once more right before sending and refuses.
  const send = sendTrigger(it, lang);
  expect(await send.isEnabled()).toBe(true);
  await send.click();
  await confirmSendNow(d.page.getByRole("alertdialog"), lang);
  const refused = it.getByRole("alert").filter({ hasText: t(lang, "error.caseCancelled", { reason }) });
  await refused.waitFor();
  expect(await itStateText(d, id, t(lang, "it.state.sent")).count()).toBe(0);

  // From the tenant: the draft is still a draft, nothing in IT's Sent Items, no member got the mass mail. The
  // emulator files Sent Items copies 2 s late (as Exchange does): wait past that before looking for absence.
  await d.page.waitForTimeout(2_500);
  const stillDraft = (await storedMessages(d.page, IT, "drafts")).find((m) => m.id === draft.id);
  expect(stillDraft?.isDraft).toBe(true);
  expect((await storedMessages(d.page, IT, "sentitems")).filter((m) => m.subject === MASS_SUBJECT)).toEqual(
    [],
  );
  for (const member of MEMBERS) {
    const got = (await storedMessages(d.page, member, "inbox")).filter((m) => m.subject === MASS_SUBJECT);
    expect([member, got.length]).toEqual([member, 0]);
  }
  // Opened again, the case is cancelled and Send is disabled, described by the cancellation.
  await selectMessage(d, "it", `[${id}]`);
  await itStateText(d, id, t(lang, "state.cancelled")).waitFor();
  const sendAgain = sendTrigger(itCase(d, id), lang);
  expect(await sendAgain.isDisabled()).toBe(true);
  const describedBy = await sendAgain.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  expect(await d.page.locator(`[id="${describedBy}"]`).innerText()).toContain(reason);
  recordTiming("caseProtocol: cancel between Prepare and Send", Date.now() - started);
});

/** The value beside a fact's label in a case's facts (the definition list both panes show). */
function fact(scope: Locator, label: string): Locator {
  return scope
    .getByRole("term")
    .filter({ hasText: exact(label) })
    .locator("xpath=following-sibling::dd[1]");
}

test("issue #10: Communications changes the requested date and audiences after the forward → IT sees them on the update and on the forward, and the mass mail goes to the new audiences", async () => {
  const started = Date.now();
  const d = await demos.open();
  const lang = d.lang;
  const { id, card } = await createAndForward(d);
  const before = "2026-12-04";
  const after = "2026-12-11";
  expect(await fact(card, t(lang, "field.requestedDate")).innerText()).toBe(await paneDate(d, before));

  // Communications: "Cambiar fecha, destinatarios o texto" → a new date, Docentes no longer → "Enviar cambios a TIC".
  await button(card, lang, "act.update").click();
  const dialog = d.page.getByRole("dialog", { name: t(lang, "act.update.title", { id }) });
  await dialog.waitFor();
  const confirm = button(dialog, lang, "act.update.confirm");
  expect(await confirm.isEnabled()).toBe(false); // nothing changed yet
  const date = dialog.getByLabel(t(lang, "field.requestedDate"));
  // Shown in the pane's order (components/TypedDateInput.tsx); typing an ISO date is accepted too.
  expect(await date.inputValue()).toBe(typedDate(before, lang));
  await date.fill(after);
  await dialog.getByRole("checkbox", { name: "Docentes", exact: true }).uncheck();
  await confirm.click();
  await outcome(card, card.getByText(t(lang, "act.updated"), { exact: true }), "Enviar cambios a TIC");
  await historyEntry(card, t(lang, "action.updated")).waitFor();
  await stateBadge(card, t(lang, "state.forwarded")).waitFor();
  expect(await fact(card, t(lang, "field.requestedDate")).innerText()).toBe(await paneDate(d, after));

  // IT's mailbox holds the update: version 2, the new date and audiences.
  const update = await eventually(`the update of ${id} in IT's inbox`, async () =>
    (await caseMessagesInIt(d, id)).find((m) => m.summary?.message === "update"),
  );
  expect(update.summary).toMatchObject({
    version: 2,
    fields: { requestedDate: after, audiences: ["estudiantes"] },
    changed: ["requestedDate", "audiences"],
  });

  const forwarded = (await caseMessagesInIt(d, id)).find((m) => m.summary?.message === "forward")?.summary;
  expect(forwarded?.fields.requestedDate).toBe(before);
  expect([...(forwarded?.fields.audiences ?? [])].sort()).toEqual(["docentes", "estudiantes"]);

  // IT opens the update notice, then the forward: both show the case as it now stands.
  const newDate = await paneDate(d, after);
  const changedTitle = t(lang, "it.changed.title", { version: "2" });
  for (const opened of ["update", "forward"] as const) {
    const rows = messageRow(d, "it", `[${id}]`);
    const row =
      opened === "update"
        ? rows.filter({ hasText: "Caso actualizado" })
        : rows.filter({ hasText: "Solicitud de envío masivo" });
    await row.first().click();
    const it = itCase(d, id);
    await it.waitFor();
    await itStateText(d, id, t(lang, "it.state.received")).waitFor();
    expect([opened, await fact(it, t(lang, "field.requestedDate")).innerText()]).toEqual([opened, newDate]);
    expect([opened, await fact(it, t(lang, "field.audiences")).innerText()]).toEqual([opened, "Estudiantes"]);
    const changes = it.getByRole("list", { name: changedTitle });
    await changes.waitFor();
    const items = (await changes.getByRole("listitem").allInnerTexts()).map((x) => x.replace(/\s+/g, " "));
    expect([opened, items]).toEqual([
      opened,
      [
        `${t(lang, "it.changed.requestedDate")}: ${before} → ${after}`,
        // IT's list of changes names the audiences by key, as the case header carries them.
        `${t(lang, "it.changed.audiences")}: ${forwarded?.fields.audiences.join(", ")} → estudiantes`,
      ],
    ]);
  }

  // IT prepares from the case as it now stands: only Estudiantes is chosen, and the draft goes to that group.
  const it = itCase(d, id);
  const total = new Intl.NumberFormat("es-CO").format(18_432);
  await it
    .getByRole("status")
    .filter({ hasText: t(lang, "it.total", { count: total }) })
    .waitFor();
  await button(it, lang, "it.prepare").click();
  await outcome(it, itStateText(d, id, t(lang, "it.state.prepared")), "Preparar correo masivo");
  const draft = await eventually("the prepared mass mail in IT's drafts", async () =>
    (await storedMessages(d.page, IT, "drafts")).find((m) => m.subject === MASS_SUBJECT),
  );
  expect(draft.bccRecipients.map((r) => r.emailAddress.address)).toEqual([STUDENTS]);
  recordTiming("caseProtocol: update after the forward", Date.now() - started);
});

test("issue #10: a reminder opened in IT's pane shows its case", async () => {
  const started = Date.now();
  const d = await demos.open();
  const lang = d.lang;
  const { id, card } = await createAndForward(d);
  await button(card, lang, "act.remind").click();
  await outcome(card, card.getByText(t(lang, "act.reminded"), { exact: true }), "Enviar recordatorio a TIC");

  // IT selects the reminder (not the forward) in its list.
  const reminderRow = messageRow(d, "it", `[${id}]`).filter({ hasText: "Recordatorio" });
  await reminderRow.first().waitFor();
  await reminderRow.first().click();
  const it = itCase(d, id);
  await it.waitFor();
  await itStateText(d, id, t(lang, "it.state.received")).waitFor();
  expect(await d.itPane.getByText(t(lang, "it.notCase")).count()).toBe(0);
  // The case's facts (fixture 01) and IT's first step.
  await it.getByText(MASS_SUBJECT, { exact: true }).first().waitFor();
  expect(await button(it, lang, "it.prepare").isEnabled()).toBe(true);
  recordTiming("caseProtocol: reminder opens the case", Date.now() - started);
});
