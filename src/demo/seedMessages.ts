// The demo's mail: the request fixtures in the Communications inbox, plus a few cases already under way so the
// dashboard has something to show (one of them overdue).
import { stateCategory } from "../domain/caseCategory";
import { encodeCase } from "../domain/codec";
import { createCase, forwardCase } from "../domain/lifecycle";
import type { Case, Lang } from "../domain/types";
import { CASE_PROPERTY_IDS } from "../graph/properties";
import type { Tenant } from "../emulator";
import { CASE_HEADER, encodeCaseHeader } from "../domain/caseHeader";
import { CASE_ID_HEADER } from "../domain/evidenceHeader";
import { forwardToItTemplate } from "../domain/templates";
import type { AudienceLabel } from "../domain/templates";
import demoConfig from "./demo.config.json";
import { COMMUNICATIONS, DOMAIN, IT, PROFESSIONAL } from "./tenantSpec";

const DEMO_AUDIENCE_LABELS: AudienceLabel[] = [
  { key: "estudiantes", labelEs: "Estudiantes", labelEn: "Students" },
  { key: "docentes", labelEs: "Docentes", labelEn: "Faculty" },
  { key: "administrativos", labelEs: "Administrativos", labelEn: "Administrative staff" },
];

import r01 from "../../test/data/requests/01-structured-es.json";
import r02 from "../../test/data/requests/02-freeform-es.json";
import r03 from "../../test/data/requests/03-flyer-attachment.json";
import r04 from "../../test/data/requests/04-urgent.json";
import r05 from "../../test/data/requests/05-missing-fields.json";
import r06 from "../../test/data/requests/06-english.json";
import r07 from "../../test/data/requests/07-forwarded-chain.json";
import r08 from "../../test/data/requests/08-hostile-html.json";
import r09 from "../../test/data/requests/09-english-freeform.json";
import r10 from "../../test/data/requests/10-manana-es.json";
import r12 from "../../test/data/requests/12-table-inline-images.json";

/** One copy of the request fixtures serves the tests and the demo (test/data/requests). */
export const REQUEST_FIXTURES: readonly unknown[] = [r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r12];

function caseProperties(c: Case) {
  return [
    { id: CASE_PROPERTY_IDS.kind, value: "request" },
    { id: CASE_PROPERTY_IDS.caseId, value: c.id },
    { id: CASE_PROPERTY_IDS.state, value: c.state },
    { id: CASE_PROPERTY_IDS.dueDate, value: c.dueDate },
    { id: CASE_PROPERTY_IDS.record, value: encodeCase(c) },
  ];
}

function requestMail(from: string, name: string, subject: string, receivedDateTime: string, html: string) {
  return {
    subject,
    from: { emailAddress: { name, address: from } },
    toRecipients: [
      { emailAddress: { name: "Centro de Gestión de las Comunicaciones", address: COMMUNICATIONS } },
    ],
    receivedDateTime,
    body: { contentType: "html", content: html },
    hasAttachments: false,
    attachments: [],
  };
}

/**
 * Two structured requests (demo only, not request fixtures) whose mass-mail text shows the content checks on the
 * form and in IT's review (domain/policy/contentFindings.ts): one has an image without alternative text, a link
 * reading "clic aquí", grey text on white (#999999: 2.84:1, under 4.5:1) and a subject in capitals; the other is
 * only a poster image. Both come from allowed senders with every field filled, so a case can be made at once.
 */
function contentCheckRequests(): ReturnType<typeof requestMail>[] {
  return [
    requestMail(
      `vicebienestar@${DOMAIN}`,
      "Vicerrectoría de Cultura y Bienestar",
      "Solicitud envío masivo - Feria de empleo 2027",
      "2026-11-30T16:00:00Z",
      "<p>Buenos días,</p><p>Solicitamos el envío del siguiente correo masivo:</p>" +
        "<p><b>Remitente:</b> Vicerrectoría de Cultura y Bienestar<br><b>Asunto:</b> FERIA DE EMPLEO Y EMPRENDIMIENTO 2027<br>" +
        "<b>Dirigido a:</b> estudiantes<br><b>Fecha de envío:</b> 14 de diciembre de 2026</p>" +
        "<p><b>Mensaje:</b></p><div><p>La Vicerrectoría de Cultura y Bienestar invita a la feria de empleo y emprendimiento 2027, con más de cuarenta empresas de la región.</p>" +
        '<p><img src="https://www.universidad.example/feria-empleo-2027.png" width="600" height="300"></p>' +
        '<p>Para inscribirse haga <a href="https://www.universidad.example/feria-empleo">clic aquí</a>.</p>' +
        '<p style="color:#999999">Cupos limitados: la inscripción cierra el 10 de diciembre.</p></div>' +
        "<p>Cordialmente,<br>Vicerrectoría de Cultura y Bienestar</p>",
    ),
    requestMail(
      `relaciones.internacionales@${DOMAIN}`,
      "Oficina de Relaciones Internacionales",
      "Solicitud envío masivo - afiche Semana internacional",
      "2026-11-30T17:00:00Z",
      "<p>Buenas tardes,</p><p>Solicitamos el envío del siguiente correo masivo:</p>" +
        "<p><b>Remitente:</b> Oficina de Relaciones Internacionales<br><b>Asunto:</b> Semana internacional 2027<br>" +
        "<b>Dirigido a:</b> estudiantes<br><b>Fecha de envío:</b> 11 de diciembre de 2026</p>" +
        '<p><b>Mensaje:</b></p><div><p><img src="https://www.universidad.example/semana-internacional-2027.png" ' +
        'alt="Semana internacional 2027: charlas, ferias de intercambio y convocatorias del 1 al 5 de febrero" width="600" height="800"></p></div>' +
        "<p>Cordialmente,<br>Oficina de Relaciones Internacionales</p>",
    ),
  ];
}

/** Cases created earlier in the month: one forwarded and overdue, one forwarded on time. */
function casesUnderWay(): { mail: ReturnType<typeof requestMail>; record: Case }[] {
  const overdueAt = "2026-11-17T15:00:00Z";
  const overdue = forwardCase(
    createCase({
      id: "CM-2611-H7QK",
      at: overdueAt,
      by: PROFESSIONAL,
      for: COMMUNICATIONS,
      requester: { name: "Biblioteca Central", address: `biblioteca@${DOMAIN}` },
      fields: {
        requestingUnit: "Biblioteca Central",
        desiredSender: "Biblioteca Central",
        subject: "Horario extendido de la biblioteca en exámenes finales",
        audiences: ["estudiantes", "docentes"],
        requestedDate: "2026-11-20",
        urgency: "normal",
        attachmentIds: [],
      },
      dueDate: "2026-11-20",
    }),
    { at: "2026-11-17T16:10:00Z", by: PROFESSIONAL, for: COMMUNICATIONS },
  );
  const onTime = forwardCase(
    createCase({
      id: "CM-2611-R4WD",
      at: "2026-11-27T14:00:00Z",
      by: PROFESSIONAL,
      for: COMMUNICATIONS,
      requester: { name: "Vicerrectoría de Investigaciones", address: `investigaciones@${DOMAIN}` },
      fields: {
        requestingUnit: "Vicerrectoría de Investigaciones",
        desiredSender: "Vicerrectoría de Investigaciones",
        subject: "Convocatoria interna de proyectos de investigación 2027",
        audiences: ["docentes"],
        requestedDate: "2026-12-09",
        urgency: "normal",
        attachmentIds: [],
      },
      dueDate: "2026-12-09",
    }),
    { at: "2026-11-27T15:30:00Z", by: PROFESSIONAL, for: COMMUNICATIONS },
  );
  return [
    {
      record: overdue,
      mail: requestMail(
        `biblioteca@${DOMAIN}`,
        "Biblioteca Central",
        "Solicitud de correo masivo: horario extendido",
        overdueAt,
        "<p>Remitente: Biblioteca Central<br>Asunto: Horario extendido de la biblioteca en exámenes finales<br>Dirigido a: estudiantes y docentes<br>Fecha de envío: 20 de noviembre de 2026</p><p>Mensaje: La Biblioteca Central amplía su horario hasta las 10:00 p.m. durante las semanas de exámenes finales.</p>",
      ),
    },
    {
      record: onTime,
      mail: requestMail(
        `investigaciones@${DOMAIN}`,
        "Vicerrectoría de Investigaciones",
        "Solicitud envío masivo - convocatoria interna 2027",
        "2026-11-27T14:00:00Z",
        "<p>Remitente: Vicerrectoría de Investigaciones<br>Asunto: Convocatoria interna de proyectos de investigación 2027<br>Dirigido a: docentes<br>Fecha de envío: 9 de diciembre de 2026</p><p>Mensaje: Se abre la convocatoria interna de proyectos de investigación 2027. Consulte los términos en el portal de investigaciones.</p>",
      ),
    },
  ];
}

/**
 * The forward of a case under way, as the pane would have sent it: in Communications' Sent Items with the case
 * id and kind (so a reminder can reply on its thread) and in IT's inbox with the case header (so IT's pane can
 * open it).
 */
function seedForward(tenant: Tenant, c: Case, request: ReturnType<typeof requestMail>): void {
  const forwardedAt = c.history.find((h) => h.action === "forwarded")?.at ?? c.createdAt;
  const template = forwardToItTemplate({
    lang: "es",
    caseId: c.id,
    fields: c.fields,
    requester: c.requester,
    dueDate: c.dueDate,
    audienceLabels: DEMO_AUDIENCE_LABELS,
  });
  // One message seen from both mailboxes: the same Message-ID and conversation, as delivery would give them.
  const forward = {
    conversationId: `AAQkADemoFwd${c.id.replace(/-/g, "")}=`,
    internetMessageId: `<forward.${c.id.toLowerCase()}@${DOMAIN}>`,
    subject: template.subject,
    from: { emailAddress: { name: "Centro de Gestión de las Comunicaciones", address: COMMUNICATIONS } },
    toRecipients: [{ emailAddress: { name: "División TIC", address: IT } }],
    receivedDateTime: forwardedAt,
    sentDateTime: forwardedAt,
    body: { contentType: "html", content: `${template.html}<hr>${request.body.content}` },
    internetMessageHeaders: [
      { name: CASE_ID_HEADER, value: c.id },
      { name: CASE_HEADER, value: encodeCaseHeader(c) },
    ],
  };
  tenant.deliver(
    COMMUNICATIONS,
    {
      ...forward,
      singleValueExtendedProperties: [
        { id: CASE_PROPERTY_IDS.kind, value: "forward" },
        { id: CASE_PROPERTY_IDS.caseId, value: c.id },
      ],
    },
    "sentitems",
  );
  tenant.deliver(IT, forward);
}

export function seedDemoMail(tenant: Tenant): void {
  tenant.seedMessages(COMMUNICATIONS, [...REQUEST_FIXTURES, ...contentCheckRequests()]);
  for (const { mail, record } of casesUnderWay()) {
    tenant.deliver(COMMUNICATIONS, {
      ...mail,
      singleValueExtendedProperties: caseProperties(record),
      // The institution's language, as the add-in writes it (domain/caseCategory.ts).
      categories: [stateCategory(record.state, demoConfig.institution.defaultLanguage as Lang)],
    });
    seedForward(tenant, record, mail);
  }
}
