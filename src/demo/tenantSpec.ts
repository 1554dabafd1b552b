// Who exists in the demo institution, and who may do what. Addresses are at universidad.example.
import type { TenantSpec } from "../emulator";

export const DOMAIN = "universidad.example";
export const COMMUNICATIONS = `comunicaciones@${DOMAIN}`;
export const PROFESSIONAL = `ana.rodriguez@${DOMAIN}`;
export const IT = `tic@${DOMAIN}`;
/** The IT operator: signs in as himself and works in tic@ as its delegate (Full Access, Send As). */
export const OPERATOR = `carlos.perez@${DOMAIN}`;

/** The units that send requests in the seed (each has a mailbox, so relays can be seen arriving). */
const UNITS: [string, string][] = [
  ["decanatura.fiet", "Decanatura Facultad de Ingeniería Electrónica"],
  ["vicebienestar", "Vicerrectoría de Cultura y Bienestar"],
  ["talentohumano", "División de Gestión del Talento Humano"],
  ["rectoria", "Rectoría"],
  ["musica", "Programa de Música"],
  ["relaciones.internacionales", "Office of International Relations"],
  ["secretaria.general", "Secretaría General"],
  ["comite.electoral", "Comité Electoral"],
  ["no-reply.promos", "Externo"],
  ["biblioteca", "Biblioteca Central"],
  ["investigaciones", "Vicerrectoría de Investigaciones"],
];

/** A few member mailboxes per group show delivery; the directory counts are the real scale. */
const MEMBERS = {
  estudiantes: [`laura.estudiante@${DOMAIN}`, `juan.estudiante@${DOMAIN}`],
  docentes: [`maria.docente@${DOMAIN}`, `carlos.docente@${DOMAIN}`],
  administrativos: [`pedro.admin@${DOMAIN}`],
};

export const TENANT_SPEC: TenantSpec = {
  domain: DOMAIN,
  users: [
    { address: PROFESSIONAL, displayName: "Ana Rodríguez (Comunicaciones)", preferredLanguage: "es-CO" },
    { address: OPERATOR, displayName: "Carlos Pérez (División TIC)", preferredLanguage: "es-CO" },
    ...UNITS.map(([local, name]) => ({ address: `${local}@${DOMAIN}`, displayName: name })),
    ...Object.values(MEMBERS)
      .flat()
      .map((address) => ({ address, displayName: address.split("@")[0] ?? address })),
  ],
  sharedMailboxes: [
    {
      address: COMMUNICATIONS,
      displayName: "Centro de Gestión de las Comunicaciones",
      delegates: [PROFESSIONAL],
      delegatesCanSendAs: true,
    },
    // IT's mailbox is shared too: nobody signs in to it (Microsoft's advice for shared mailboxes).
    { address: IT, displayName: "División TIC", delegates: [OPERATOR], delegatesCanSendAs: true },
  ],
  groups: [
    {
      address: `estudiantes@${DOMAIN}`,
      displayName: "Estudiantes",
      memberCount: 18_432,
      members: MEMBERS.estudiantes,
    },
    { address: `docentes@${DOMAIN}`, displayName: "Docentes", memberCount: 1_387, members: MEMBERS.docentes },
    // An Exchange dynamic distribution group (staff by department attribute), as institutions often keep their
    // "all staff" list: Graph does not see it, so the pane shows no count, yet Exchange delivers to it. Only
    // Talento Humano, Rectoría and the Communications centre may write to it, so a mass mail IT sends to it as
    // another unit comes back as a non-delivery report: the demo shows both the missing count and the refusal
    // linked to the case.
    {
      address: `administrativos@${DOMAIN}`,
      displayName: "Administrativos",
      memberCount: 1_045,
      members: MEMBERS.administrativos,
      dynamic: true,
      acceptsMessagesOnlyFrom: [`talentohumano@${DOMAIN}`, `rectoria@${DOMAIN}`, COMMUNICATIONS],
    },
  ],
  // IT's operator has Send As on the configured senders (demo.config.json) — except Secretaría General, left out
  // on purpose so the demo shows Exchange refusing a send and the pane's way out (the institutional sender).
  // Exchange checks Send As for the person who sends, not for the mailbox the draft is in.
  sendAs: [
    COMMUNICATIONS,
    `rectoria@${DOMAIN}`,
    `vicebienestar@${DOMAIN}`,
    `decanatura.fiet@${DOMAIN}`,
    `talentohumano@${DOMAIN}`,
    `relaciones.internacionales@${DOMAIN}`,
  ].map((address) => ({ user: OPERATOR, address })),
};
