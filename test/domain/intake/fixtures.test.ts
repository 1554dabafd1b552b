// Every request fixture, field by field: what a careful Communications professional would fill in.
// Fixtures 01–08 are the shared ones; 09–14 were written for intake (English free text with "next
// Monday", "mañana" late in the evening, plain text, a table with inline images, an English forward,
// Word-generated HTML); 15–18 are requests to everyone and replies above quoted mail (issue 12, point 18).
import { extractRequest } from "../../../src/domain/intake";
import type { ProposedField, RequestProposal } from "../../../src/domain/intake";
import type { AttachmentInfo } from "../../../src/domain/types";
import { fixtureNames, loadRequest } from "./requestFixtures";
import { sanitizeForTests } from "./testSanitizer";

const labelled = <T>(value: T): ProposedField<T> => ({ value, source: "labelled" });
const inferred = <T>(value: T): ProposedField<T> => ({ value, source: "inferred" });
const byDefault = <T>(value: T): ProposedField<T> => ({ value, source: "default" });
const missing = { value: null, source: "missing" } as const;
const message = (html: string, text: string, pieceAttachmentIds: string[] = []) => ({
  html,
  text,
  pieceAttachmentIds,
});
const normal = byDefault("normal" as const);
const none = byDefault<AttachmentInfo[]>([]);
const ALL = ["estudiantes", "docentes", "administrativos"] as const;
const LINK = 'target="_blank" rel="noopener noreferrer"';

const expected: Record<string, RequestProposal> = {
  "01-structured-es.json": {
    lang: "es",
    requester: {
      name: "Decanatura Facultad de Ingeniería Electrónica",
      address: "decanatura.fiet@universidad.example",
    },
    requestingUnit: labelled("Decanatura Facultad de Ingeniería Electrónica y Telecomunicaciones"),
    desiredSender: labelled("Decanatura Facultad de Ingeniería Electrónica y Telecomunicaciones"),
    subject: labelled("Convocatoria de movilidad académica 2027-1"),
    message: labelled(
      message(
        '<div><p>La Facultad invita a participar en la convocatoria de movilidad académica nacional e internacional 2027-1. Consulte los requisitos en <a href="https://www.universidad.example/movilidad" ' +
          LINK +
          ">www.universidad.example/movilidad</a>. Cierre: 15 de diciembre de 2026.</p></div>",
        "La Facultad invita a participar en la convocatoria de movilidad académica nacional e internacional 2027-1. Consulte los requisitos en www.universidad.example/movilidad. Cierre: 15 de diciembre de 2026.",
      ),
    ),
    audiences: labelled(["estudiantes", "docentes"]),
    requestedDate: labelled("2026-12-04"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [],
  },
  // The only date is the vaccination day ("será el próximo martes 8 de diciembre"): an event date, not a
  // send date. The send date stays missing (the mail must go out before the 8th) and the date is a note.
  "02-freeform-es.json": {
    lang: "es",
    requester: { name: "Vicerrectoría de Cultura y Bienestar", address: "vicebienestar@universidad.example" },
    requestingUnit: inferred("Vicerrectoría de Cultura y Bienestar"),
    desiredSender: inferred("Vicerrectoría de Cultura y Bienestar"),
    subject: inferred("Jornada de vacunación 8 de diciembre"),
    message: inferred(
      message(
        "<div><i>La Vicerrectoría de Cultura y Bienestar invita a la comunidad universitaria a la jornada de vacunación contra influenza... Traer documento de identidad y carné de vacunas.</i></div>",
        "La Vicerrectoría de Cultura y Bienestar invita a la comunidad universitaria a la jornada de vacunación contra influenza... Traer documento de identidad y carné de vacunas.",
      ),
    ),
    audiences: inferred([...ALL]),
    requestedDate: missing,
    urgency: normal,
    attachments: none,
    missing: ["requestedDate"],
    notes: [{ code: "eventDate", date: "2026-12-08" }],
  },
  // "Mensaje: ver imagen adjunta (pieza gráfica)": the attached flyer is the message.
  "03-flyer-attachment.json": {
    lang: "es",
    requester: {
      name: "División de Gestión del Talento Humano",
      address: "talentohumano@universidad.example",
    },
    requestingUnit: labelled("División de Gestión del Talento Humano"),
    desiredSender: labelled("División de Gestión del Talento Humano"),
    subject: labelled("Inscripciones curso de ofimática"),
    message: labelled(message("", "", ["att-1"])),
    audiences: inferred(["administrativos"]),
    requestedDate: missing,
    urgency: normal,
    attachments: byDefault([
      {
        id: "att-1",
        name: "pieza-curso-ofimatica.png",
        contentType: "image/png",
        size: 48213,
        isInline: false,
      },
    ]),
    missing: ["requestedDate"],
    notes: [],
  },
  // Received 2026-11-30T15:02Z = 10:02 in Bogotá: "hoy mismo" is the 30th.
  "04-urgent.json": {
    lang: "es",
    requester: { name: "Rectoría", address: "rectoria@universidad.example" },
    requestingUnit: labelled("Rectoría"),
    desiredSender: labelled("Rectoría"),
    subject: labelled("Comunicado: suspensión de actividades académicas y administrativas"),
    message: labelled(
      message(
        "<p>Por motivos de orden público, se suspenden las actividades académicas y administrativas el día de hoy a partir de las 2:00 p.m. Se recomienda a la comunidad universitaria acatar las indicaciones de las autoridades.</p>",
        "Por motivos de orden público, se suspenden las actividades académicas y administrativas el día de hoy a partir de las 2:00 p.m. Se recomienda a la comunidad universitaria acatar las indicaciones de las autoridades.",
      ),
    ),
    // "Destinatarios: toda la comunidad universitaria" is everyone: Pregón's reading, so inferred (issue 12.18).
    audiences: inferred([...ALL]),
    requestedDate: inferred("2026-11-30"),
    urgency: inferred("urgent"),
    attachments: none,
    missing: [],
    notes: [],
  },
  "05-missing-fields.json": {
    lang: "es",
    requester: { name: "Programa de Música", address: "musica@universidad.example" },
    requestingUnit: byDefault("Programa de Música"),
    desiredSender: missing,
    subject: missing,
    message: missing,
    audiences: missing,
    requestedDate: missing,
    urgency: normal,
    attachments: none,
    missing: ["desiredSender", "subject", "message", "audiences", "requestedDate"],
    notes: [],
  },
  "06-english.json": {
    lang: "en",
    requester: {
      name: "Office of International Relations",
      address: "relaciones.internacionales@universidad.example",
    },
    requestingUnit: labelled("Office of International Relations"),
    desiredSender: labelled("Office of International Relations"),
    subject: labelled("Visiting professors lecture series - December"),
    message: labelled(
      message(
        '<p>The Office of International Relations invites all faculty to the visiting professors lecture series, every Wednesday in December at the Paraninfo. Registration: <a href="https://forms.universidad.example/lectures" ' +
          LINK +
          ">forms.universidad.example/lectures</a></p>",
        "The Office of International Relations invites all faculty to the visiting professors lecture series, every Wednesday in December at the Paraninfo. Registration: forms.universidad.example/lectures",
      ),
    ),
    audiences: inferred(["docentes"]),
    requestedDate: labelled("2026-12-02"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [],
  },
  // The innermost request (after the "De: … Enviado: … Asunto:" block) is the Comité Electoral's.
  "07-forwarded-chain.json": {
    lang: "es",
    requester: { name: "Comité Electoral", address: "comite.electoral@universidad.example" },
    forwardedBy: { name: "Secretaría General", address: "secretaria.general@universidad.example" },
    requestingUnit: byDefault("Comité Electoral"),
    desiredSender: labelled("Secretaría General"),
    subject: labelled("Calendario electoral representantes estudiantiles 2027"),
    message: labelled(
      message(
        "<p>Se informa a los estudiantes que las inscripciones de candidatos estarán abiertas del 1 al 10 de diciembre...</p>",
        "Se informa a los estudiantes que las inscripciones de candidatos estarán abiertas del 1 al 10 de diciembre...",
      ),
    ),
    audiences: inferred(["estudiantes"]),
    requestedDate: missing,
    urgency: normal,
    attachments: none,
    missing: ["requestedDate"],
    notes: [
      {
        code: "forwarded",
        forwardedBy: { name: "Secretaría General", address: "secretaria.general@universidad.example" },
      },
    ],
  },
  // Hostile: text fields are text only; the message keeps only the (deceptive but inert) https link.
  "08-hostile-html.json": {
    lang: "es",
    requester: { name: "Externo", address: "no-reply.promos@universidad.example" },
    requestingUnit: byDefault("Externo"),
    desiredSender: labelled("Promociones"),
    subject: labelled("Oferta clic aquí"),
    message: labelled(
      message(
        `<p><a href="https://universidad.example.attacker.example/login" ${LINK}>https://www.universidad.example/login</a></p>`,
        "https://www.universidad.example/login",
      ),
    ),
    audiences: missing,
    requestedDate: missing,
    urgency: normal,
    attachments: none,
    missing: ["audiences", "requestedDate"],
    notes: [],
  },
  // Received Thursday 2026-12-03: "next Monday" is the 7th.
  "09-english-freeform.json": {
    lang: "en",
    requester: { name: "University Library", address: "library@universidad.example" },
    requestingUnit: inferred("University Library"),
    desiredSender: inferred("University Library"),
    subject: inferred("Extended opening hours during finals"),
    message: inferred(
      message(
        '<div><b>During the final exam period the University Library will stay open until midnight, Monday to Saturday.</b> Please bring your student ID.</div><div>See the full schedule at <a href="https://library.universidad.example/hours" ' +
          LINK +
          ">library.universidad.example/hours</a>.</div>",
        "During the final exam period the University Library will stay open until midnight, Monday to Saturday. Please bring your student ID.\nSee the full schedule at library.universidad.example/hours.",
      ),
    ),
    audiences: inferred(["estudiantes", "docentes"]),
    requestedDate: inferred("2026-12-07"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [],
  },
  // Received 2026-12-01T03:30Z, which is still Monday the 30th at 22:30 in Bogotá: "mañana" is the 1st
  // (read in UTC it would wrongly be the 2nd). "9:00 de la mañana" is a time of day, not a date.
  "10-manana-es.json": {
    lang: "es",
    requester: { name: "Oficina Asesora de Planeación", address: "planeacion@universidad.example" },
    requestingUnit: inferred("Oficina Asesora de Planeación"),
    desiredSender: inferred("Oficina Asesora de Planeación"),
    subject: labelled("Taller de formulación de proyectos 2027"),
    message: labelled(
      message(
        "<p>La Oficina Asesora de Planeación invita al taller de formulación de proyectos de inversión, el jueves 3 de diciembre a las 9:00 de la mañana en el Auditorio Principal.</p><ul><li>Inscripción previa</li><li>Cupo limitado</li></ul>",
        "La Oficina Asesora de Planeación invita al taller de formulación de proyectos de inversión, el jueves 3 de diciembre a las 9:00 de la mañana en el Auditorio Principal.\n\nInscripción previa\nCupo limitado",
      ),
    ),
    audiences: inferred(["docentes", "administrativos"]),
    requestedDate: inferred("2026-12-01"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [],
  },
  // Plain text; "11/12/2026" is day first: 11 December.
  "11-plain-text.json": {
    lang: "es",
    requester: { name: "Biblioteca Central", address: "biblioteca@universidad.example" },
    requestingUnit: labelled("Biblioteca Central"),
    desiredSender: labelled("Biblioteca Central"),
    subject: labelled("Horario de la biblioteca en vacaciones"),
    message: labelled(
      message(
        "<p>Durante las vacaciones colectivas la Biblioteca Central atenderá de 8:00 a.m. a 12:00 m.<br>La devolución de libros se podrá hacer en el buzón de la entrada.</p><p>Feliz descanso.</p>",
        "Durante las vacaciones colectivas la Biblioteca Central atenderá de 8:00 a.m. a 12:00 m.\nLa devolución de libros se podrá hacer en el buzón de la entrada.\n\nFeliz descanso.",
      ),
    ),
    audiences: labelled([...ALL]),
    requestedDate: labelled("2026-12-11"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [],
  },
  // Labels in a table without colons; "lunes 8 de diciembre" (the 8th is a Tuesday): the date wins, with a
  // note. The banner the message shows is carried; the signature logo is not; the PDF is.
  "12-table-inline-images.json": {
    lang: "es",
    requester: { name: "Dirección de Investigaciones", address: "investigaciones@universidad.example" },
    requestingUnit: labelled("Dirección de Investigaciones"),
    desiredSender: labelled("Dirección de Investigaciones"),
    subject: labelled("Convocatoria interna de investigación 2027"),
    message: labelled(
      message(
        '<p><img src="cid:banner-investigacion@01DB" alt="Convocatoria" width="600"></p><p style="color: #1f3864; font-family: Calibri">La Dirección de Investigaciones abre la convocatoria interna 2027. Términos de referencia en el PDF adjunto.</p>',
        "La Dirección de Investigaciones abre la convocatoria interna 2027. Términos de referencia en el PDF adjunto.",
      ),
    ),
    audiences: labelled(["docentes"]),
    requestedDate: labelled("2026-12-08"),
    urgency: labelled("urgent"),
    attachments: byDefault([
      {
        id: "AAMkAGI-banner",
        name: "banner.png",
        contentType: "image/png",
        size: 120000,
        isInline: true,
        contentId: "banner-investigacion@01DB",
      } as AttachmentInfo,
      {
        id: "AAMkAGI-pdf",
        name: "terminos-convocatoria-2027.pdf",
        contentType: "application/pdf",
        size: 250000,
        isInline: false,
      },
    ]),
    missing: [],
    notes: [{ code: "weekdayMismatch", date: "2026-12-08", statedWeekday: 1 }],
  },
  // A Gmail-style English forward; received Tuesday 2026-12-01: "send it tomorrow" is the 2nd.
  "13-forwarded-english.json": {
    lang: "en",
    requester: { name: "Student Council", address: "council@universidad.example" },
    forwardedBy: { name: "Vicerrectoría Académica", address: "vicacademica@universidad.example" },
    requestingUnit: labelled("Student Council"),
    desiredSender: labelled("Student Council"),
    subject: labelled("General assembly of students - December 3"),
    message: labelled(
      message(
        "<div>All students are invited to the general assembly on Thursday, December 3, 2026 at 10:00 a.m. in the Main Hall.</div>",
        "All students are invited to the general assembly on Thursday, December 3, 2026 at 10:00 a.m. in the Main Hall.",
      ),
    ),
    audiences: inferred(["estudiantes"]),
    requestedDate: inferred("2026-12-02"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [
      {
        code: "forwarded",
        forwardedBy: { name: "Vicerrectoría Académica", address: "vicacademica@universidad.example" },
      },
    ],
  },
  // Word/Outlook HTML (MsoNormal paragraphs, <o:p>, &nbsp; spacers, a <style> in the head). The message
  // keeps its own sign-off ("Atentamente, Decanatura…"); the requester's ("Cordialmente, Laura") is cut.
  // "Fecha:" alone is read as the send date; dates inside the message (the show on the 12th) are not read.
  "14-outlook-word-html.json": {
    lang: "es",
    requester: { name: "Facultad de Artes", address: "artes@universidad.example" },
    requestingUnit: labelled("Facultad de Artes"),
    desiredSender: labelled("Facultad de Artes"),
    subject: labelled("Muestra de fin de semestre"),
    message: labelled(
      message(
        '<div><p><span style="font-size: 12.0pt; color: #1F3864">Queridos estudiantes y colegas:</span></p><p>&nbsp;</p><p>Los invitamos a la <b>Muestra de fin de semestre</b> el sábado 12 de diciembre en el Teatro Municipal. Programación en <a href="https://artes.universidad.example/muestra" ' +
          LINK +
          '><span style="color: #0563C1">artes.universidad.example/muestra</span></a>.</p><p>&nbsp;</p><p>Atentamente,</p><p><b>Decanatura Facultad de Artes</b></p></div>',
        "Queridos estudiantes y colegas:\n\nLos invitamos a la Muestra de fin de semestre el sábado 12 de diciembre en el Teatro Municipal. Programación en artes.universidad.example/muestra.\n\nAtentamente,\n\nDecanatura Facultad de Artes",
      ),
    ),
    audiences: labelled([...ALL]),
    requestedDate: labelled("2026-12-11"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [],
  },
  // Issue 12, point 18: "Destinatarios: todos" is every configured audience, marked inferred; the greeting
  // "Buenos días a todos" names nobody.
  "15-everyone-es.json": {
    lang: "es",
    requester: { name: "Secretaría General", address: "secretaria.general@universidad.example" },
    requestingUnit: labelled("Secretaría General"),
    desiredSender: labelled("Secretaría General"),
    subject: labelled("Cierre de la universidad por fin de año"),
    message: labelled(
      message(
        "<p>La universidad permanecerá cerrada del 24 de diciembre al 2 de enero. Los trámites en línea seguirán disponibles.</p>",
        "La universidad permanecerá cerrada del 24 de diciembre al 2 de enero. Los trámites en línea seguirán disponibles.",
      ),
    ),
    audiences: inferred([...ALL]),
    requestedDate: labelled("2026-12-15"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [],
  },
  // "All staff and students" is everyone (not staff plus students only); "Hi everyone" is a greeting.
  "16-everyone-en.json": {
    lang: "en",
    requester: { name: "Central Library", address: "library@universidad.example" },
    requestingUnit: byDefault("Central Library"),
    desiredSender: missing,
    subject: inferred("Library closed for inventory"),
    message: labelled(
      message(
        "<div>The Central Library will be closed on December 11 for its yearly inventory. Loans due that day are extended to December 14.</div>",
        "The Central Library will be closed on December 11 for its yearly inventory. Loans due that day are extended to December 14.",
      ),
    ),
    audiences: inferred([...ALL]),
    requestedDate: inferred("2026-12-09"),
    urgency: normal,
    attachments: none,
    missing: ["desiredSender"],
    notes: [],
  },
  // A reply that states the corrected request on top of the quoted thread (Outlook "De:/Enviado:" block and
  // "-----Mensaje original-----"): the request is the top, the quoted mail is never read nor sent.
  "17-reply-quoted-es.json": {
    lang: "es",
    requester: { name: "Bienestar Universitario", address: "bienestar@universidad.example" },
    requestingUnit: labelled("Bienestar Universitario"),
    desiredSender: labelled("Bienestar Universitario"),
    subject: labelled("Jornada de salud mental"),
    message: labelled(
      message(
        "<div><p>Te invitamos a la Jornada de salud mental el 11 de diciembre en el coliseo. ¡Te esperamos!</p></div>",
        "Te invitamos a la Jornada de salud mental el 11 de diciembre en el coliseo. ¡Te esperamos!",
      ),
    ),
    audiences: labelled(["estudiantes"]),
    requestedDate: labelled("2026-12-10"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [],
  },
  // A Gmail reply: the message ends where "On … wrote:" begins; the quoted "all students … urgently" is
  // neither in the message nor read as an audience or urgency.
  "18-reply-quoted-en.json": {
    lang: "en",
    requester: { name: "Academic Registry", address: "registry@universidad.example" },
    requestingUnit: labelled("Academic Registry"),
    desiredSender: labelled("Academic Registry"),
    subject: labelled("Grading deadline reminder"),
    message: labelled(
      message(
        '<div dir="ltr"><div>Final grades must be entered in the portal by December 18. Write to registry@universidad.example with any questions.</div></div>',
        "Final grades must be entered in the portal by December 18. Write to registry@universidad.example with any questions.",
      ),
    ),
    audiences: inferred(["docentes"]),
    requestedDate: inferred("2026-12-07"),
    urgency: normal,
    attachments: none,
    missing: [],
    notes: [],
  },
};

const FIELDS: ReadonlyArray<keyof RequestProposal> = [
  "lang",
  "requester",
  "forwardedBy",
  "requestingUnit",
  "desiredSender",
  "subject",
  "message",
  "audiences",
  "requestedDate",
  "urgency",
  "attachments",
  "missing",
  "notes",
];

function propose(file: string): RequestProposal {
  return extractRequest(loadRequest(file), { sanitizeHtml: sanitizeForTests, timeZone: "America/Bogota" });
}

test("every fixture in test/data/requests has expectations, and the 8 shared ones are there", () => {
  expect(Object.keys(expected).sort()).toEqual(fixtureNames());
  expect(fixtureNames().filter((f) => /^0[1-8]-/.test(f))).toHaveLength(8);
});

describe.each(Object.keys(expected))("%s", (file) => {
  const proposal = propose(file);
  const want = expected[file] as RequestProposal;

  it.each(FIELDS)("%s", (field) => {
    expect(proposal[field]).toEqual(want[field]);
  });

  it("has no other fields", () => {
    expect(Object.keys(proposal).sort()).toEqual(Object.keys(want).sort());
  });
});
