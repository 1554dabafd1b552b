// Graph-shaped sample data (shapes as the Graph v1.0 reference documents them; values are Pregón's own).
import { CASE_PROPERTY_IDS } from "../../src/graph";

// As Exchange ids are: "/", "+" and "=" that the adapter must percent-encode in every path.
export const REQUEST_ID =
  "AAMkADc3MWUyMGQ0LTI0ZDItNDg2Zi05NGYzLWQ0ZTE0MWQ2YmRmOABGAAAAAAB7PeJIR+T0QrZBmAeE5ZneBwDa/z/LP4AgAAA=";

export function graphMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/$entity",
    "@odata.etag": 'W/"CQAAABYAAADkm3Vg2ZBcRa3tSxV1q0HyAAAB6x8x"',
    id: REQUEST_ID,
    createdDateTime: "2026-11-26T15:01:02Z",
    lastModifiedDateTime: "2026-11-26T15:01:03Z",
    changeKey: "CQAAABYAAADkm3Vg2ZBcRa3tSxV1q0HyAAAB6x8x",
    categories: ["Pregón: recibida"],
    receivedDateTime: "2026-11-26T15:01:00Z",
    sentDateTime: "2026-11-26T15:00:55Z",
    hasAttachments: true,
    internetMessageId: "<CAF1x2y3@mail.example.edu.co>",
    subject: "Solicitud de envío masivo: semana de la ciencia",
    bodyPreview: "Cordial saludo, solicitamos el envío…",
    importance: "normal",
    parentFolderId: "AQMkADc3MWUyAAAAAAEMAAAA",
    conversationId: "AAQkADc3MWUyMGQ0LTI0ZDItNDg2Zi05NGYzLWQ0ZTE0MWQ2YmRmOAAQAHt",
    isRead: true,
    isDraft: false,
    from: { emailAddress: { name: "Facultad de Ciencias", address: "ciencias@uni.example.edu.co" } },
    sender: { emailAddress: { name: "Facultad de Ciencias", address: "ciencias@uni.example.edu.co" } },
    toRecipients: [
      { emailAddress: { name: "Comunicaciones", address: "comunicaciones@uni.example.edu.co" } },
    ],
    ccRecipients: [],
    bccRecipients: [],
    singleValueExtendedProperties: [
      { id: CASE_PROPERTY_IDS.caseId.replace("0bb34ac3", "0BB34AC3"), value: "CM-2611-7F3K" },
      { id: CASE_PROPERTY_IDS.state, value: "received" },
      { id: CASE_PROPERTY_IDS.dueDate, value: "2026-12-03" },
      { id: CASE_PROPERTY_IDS.kind, value: "request" },
    ],
    ...overrides,
  };
}
