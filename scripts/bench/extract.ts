// Intake extraction + sanitizing of request bodies of a given size, for `npm run bench`, run in the browser
// (DOMPurify needs a real DOM). The reference is JSON.parse of the same number of bytes, in the same page and
// run, so the figure is a ratio that does not depend on the machine.
import { boundedBody, extractRequest } from "../../src/domain/intake";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";

const PARAGRAPH =
  "<p>Solicitamos el envío del siguiente mensaje a <b>estudiantes</b> y docentes el 10 de diciembre. " +
  'Más información en <a href="https://www.universidad.example/eventos">el sitio</a>.</p>\n';

function body(bytes: number): string {
  const head =
    "<p><b>Remitente:</b> Vicerrectoría Académica<br><b>Asunto:</b> Semana de la ciencia<br>" +
    "<b>Destinatarios:</b> estudiantes, docentes<br><b>Fecha de envío:</b> 2026-12-10</p><p><b>Mensaje:</b></p>";
  return head + PARAGRAPH.repeat(Math.max(1, Math.ceil((bytes - head.length) / PARAGRAPH.length)));
}

/** What one step does to the body of the size being measured. */
type Step = "extract" | "extractOnly" | "sanitizeShown" | "sanitizeWhole" | "jsonParse";

let prepared:
  { html: string; json: string; message: Parameters<typeof extractRequest>[0]; shown: string } | undefined;

/** Builds the request body of about `bytes` characters that the steps below work on. */
function prepare(bytes: number): number {
  const html = body(bytes);
  prepared = {
    html,
    json: JSON.stringify({ body: html }),
    message: {
      subject: "Solicitud de envío masivo",
      from: { name: "Vicerrectoría Académica", address: "vicerrectoria@universidad.example" },
      body: html,
      bodyType: "html",
      receivedAt: "2026-12-01T15:00:00Z",
      attachments: [],
    },
    // What the pane can show of it: extraction reads (and sanitizes) no more than this.
    shown: boundedBody(html, "html") ?? html,
  };
  return html.length;
}

const identity = (html: string) => html;

/**
 * Runs one step `times` times. The bench measures the main thread's CPU time around the call (the machine is
 * shared: wall-clock time there is mostly other processes'), so nothing is timed here.
 */
function run(step: Step, times: number): void {
  const p = prepared;
  if (!p) throw new Error("prepare a size first");
  for (let i = 0; i < times; i += 1) {
    if (step === "extract") extractRequest(p.message, { sanitizeHtml, timeZone: "America/Bogota" });
    else if (step === "extractOnly")
      extractRequest(p.message, { sanitizeHtml: identity, timeZone: "America/Bogota" });
    else if (step === "sanitizeShown") sanitizeHtml(p.shown);
    else if (step === "sanitizeWhole") sanitizeHtml(p.html);
    else JSON.parse(p.json);
  }
}

Object.assign(window, { pregonPrepare: prepare, pregonRun: run });
document.title = "ready";
