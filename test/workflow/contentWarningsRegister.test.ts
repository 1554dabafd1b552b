// Issue 13: the content checks never block IT's send, but when IT sends anyway the findings' codes are kept in
// IT's record, travel with the confirmation's evidence, and the register lists them by name (es and en).
import Papa from "papaparse";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { stateCategory } from "../../src/workflow/categories";
import { firstDashboardPage } from "../../src/workflow/dashboard";
import { confirmToCommunications, sendMassMail } from "../../src/workflow/it/itActions";
import { itClaimHome } from "../../src/workflow/it/itStore";
import { totalRecipients } from "../../src/domain/itRecord";
import { registerCsv } from "../../src/workflow/register";
import { newCase, openCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import { COMMUNICATIONS, IT, loadFixture, setupWorld } from "../support/world";

const world = setupWorld();

/** Request 01 whose message has an image without alt text and a "clic aquí" link. */
function requestWithFindings(): Record<string, unknown> {
  const request = loadFixture("01-structured-es.json") as { body: { content: string } };
  request.body.content =
    `<p><b>Remitente:</b> Decanatura<br><b>Asunto:</b> Convocatoria 2027-1<br><b>Dirigido a:</b> estudiantes</p>` +
    `<p><b>Mensaje:</b> Las inscripciones a la convocatoria 2027-1 están abiertas hasta el 15 de diciembre. ` +
    `<img src="https://www.universidad.example/afiche.png" width="400" height="300"> ` +
    `Requisitos y fechas: <a href="https://www.universidad.example/convocatoria">clic aquí</a></p>` +
    `<p>Cordialmente,<br>Decanatura</p>`;
  return request;
}

function column(csv: string, delimiter: string, name: string): string | undefined {
  const [header = [], values = []] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), {
    delimiter,
    skipEmptyLines: true,
  }).data;
  expect(header).toContain(name);
  return values[header.indexOf(name)];
}

it("a mass mail sent with content findings keeps their codes in IT's record and the register names them", async () => {
  const w = world();
  const { messageId, case: created } = await newCase(w, requestWithFindings());
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  w.afterSentItemsDelay();
  await prepareForCase(w, await openForward(w, created.id));
  const it = await openForward(w, created.id);
  expect(it.content.findings.map((f) => f.code)).toEqual(["imageWithoutAlt", "vagueLinkText"]);

  const sent = await sendMassMail(w.it.ctx, it, { when: { mode: "now", earlyReason: "prueba" } });
  expect(sent.sent?.contentWarnings).toEqual(["imageWithoutAlt", "vagueLinkText"]);
  const stored = (await itClaimHome(w.it.ctx, IT, it.message.id, created.id).read()).record;
  expect(stored?.sent?.contentWarnings).toEqual(["imageWithoutAlt", "vagueLinkText"]);

  w.afterSentItemsDelay();
  await confirmToCommunications(w.it.ctx, it);
  await openCase(w.comms, messageId);
  const page = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS);
  const row = page.rows.find((r) => r.case.id === created.id);
  if (!row) throw new Error("The dashboard lost the case");
  const zone = w.comms.ctx.config.institution.timeZone;

  const es = registerCsv([row.case], "es", (c) => stateCategory(c.state, "es"), zone);
  expect(column(es, ";", "Avisos de contenido")).toBe(
    "Imagen sin texto alternativo, Texto de enlace impreciso",
  );
  const en = registerCsv([row.case], "en", (c) => stateCategory(c.state, "en"), zone);
  expect(column(en, ",", "Content warnings")).toBe("Image without alternative text, Vague link text");
});

it("a mass mail without content findings leaves the register's column empty", async () => {
  const w = world();
  const { messageId, case: created } = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  w.afterSentItemsDelay();
  await prepareForCase(w, await openForward(w, created.id));
  const it = await openForward(w, created.id);
  expect(it.content.findings).toEqual([]);

  const sent = await sendMassMail(w.it.ctx, it, { when: { mode: "now", earlyReason: "prueba" } });
  expect(sent.sent?.contentWarnings).toBeUndefined();
  w.afterSentItemsDelay();
  await confirmToCommunications(w.it.ctx, it);
  await openCase(w.comms, messageId);
  const page = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS);
  const row = page.rows.find((r) => r.case.id === created.id);
  if (!row) throw new Error("The dashboard lost the case");
  expect(row.case.history.find((e) => e.action === "sent")?.evidence?.sentAt).toBeTruthy();
  const es = registerCsv([row.case], "es", (c) => stateCategory(c.state, "es"), "America/Bogota");
  expect(column(es, ";", "Avisos de contenido")).toBe("");
});

it("a send whose size × recipients is heavy records heavySend: request 12 (370 000 bytes) to 20 000 people", async () => {
  const w = world();
  const { messageId, case: created } = await newCase(w, "12-table-inline-images.json");
  // The directory's figure for the audience's group (the real list is thousands; the count is what Graph gives).
  for (const key of created.fields.audiences) {
    const address = w.config.audiences.find((a) => a.key === key)?.group;
    const group = address ? w.tenant.group(address) : undefined;
    if (!group) throw new Error(`No group for audience ${key}`);
    group.memberCount = 20_000;
  }
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  w.afterSentItemsDelay();
  const prepared = await prepareForCase(w, await openForward(w, created.id));
  expect(totalRecipients(prepared.groups)).toBeGreaterThanOrEqual(20_000);
  const it = await openForward(w, created.id);
  expect(it.content.findings.map((f) => f.code)).not.toContain("heavySend");

  const sent = await sendMassMail(w.it.ctx, it, { when: { mode: "now", earlyReason: "prueba" } });
  expect(sent.sent?.contentWarnings).toContain("heavySend");
});
