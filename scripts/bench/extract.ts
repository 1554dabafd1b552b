// Intake extraction + sanitizing of request bodies of a given size, for `npm run bench`, run in the browser
// (DOMPurify needs a real DOM). The reference is JSON.parse of the same number of bytes, in the same page and
// run, so the figure is a ratio that does not depend on the machine.
import { extractRequest } from "../../src/domain/intake";
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown, repeat: number): number {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Milliseconds per call of something much faster than the browser's clock resolution (performance.now() is
 * coarsened to 0.1 ms or more): calls are repeated until at least 50 ms have passed.
 */
function perCall(run: () => unknown): number {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 50) {
    run();
    calls += 1;
    elapsed = performance.now() - start;
  }
  return elapsed / calls;
}

export interface ExtractFigure {
  bytes: number;
  extractMs: number;
  sanitizeMs: number;
  jsonParseMs: number;
}

function measure(bytes: number): ExtractFigure {
  const html = body(bytes);
  const json = JSON.stringify({ body: html });
  const repeat = bytes >= 5_000_000 ? 1 : bytes >= 500_000 ? 3 : 5;
  const message = {
    subject: "Solicitud de envío masivo",
    from: { name: "Vicerrectoría Académica", address: "vicerrectoria@universidad.example" },
    body: html,
    bodyType: "html" as const,
    receivedAt: "2026-12-01T15:00:00Z",
    attachments: [],
  };
  return {
    bytes: html.length,
    extractMs: time(() => extractRequest(message, { sanitizeHtml, timeZone: "America/Bogota" }), repeat),
    sanitizeMs: time(() => sanitizeHtml(html), repeat),
    jsonParseMs: perCall(() => JSON.parse(json)),
  };
}

(window as unknown as { pregonBench: (sizes: number[]) => ExtractFigure[] }).pregonBench = (sizes) =>
  sizes.map(measure);
document.title = "ready";
