// Issue 11: extraction's work grows linearly with the request. Measured by counting, never by the clock: while a
// request is extracted, every regular-expression search and every string/array scan the code asks for is
// charged the characters (or elements) it has to look at, and a request ten times longer may cost at most
// twelve times as much. Each request below is shaped to hit one place that used to rescan the rest of the text
// for every match (audiences' exclusions, label positions, forwarded header runs, the end of the message, send
// date cues); the last one is the benchmark's own request.
// What counting cannot see is V8 flattening a string built by `+=` when its end is read (the text layout's old
// quadratic); the benchmark (`npm run bench`) covers that one.
import { extractRequest } from "../../../src/domain/intake";
import type { RequestMessage } from "../../../src/domain/types";

interface Meter {
  work: number;
}

/** Runs `fn` with the scanning primitives metered; restores them afterwards. */
function metered(fn: () => void): number {
  const meter: Meter = { work: 0 };
  const exec = RegExp.prototype.exec;
  const strings = String.prototype;
  const { indexOf, lastIndexOf, slice, includes } = strings;
  const { some, find, filter } = Array.prototype;
  // A search costs from where it starts to where its match ends (or the end of the input); a sticky one (how
  // `split` tries each position) only tries where it starts.
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, input);
    if (this.sticky) meter.work += (m ? m[0].length : 0) + 1;
    else meter.work += (m ? m.index + m[0].length : String(input).length) - from + 1;
    return m;
  };
  strings.indexOf = function (this: string, search: string, position?: number) {
    const at = indexOf.call(this, search, position);
    meter.work += (at === -1 ? this.length : at) - (position ?? 0) + 1;
    return at;
  };
  strings.lastIndexOf = function (this: string, search: string, position?: number) {
    const at = lastIndexOf.call(this, search, position);
    meter.work += (position ?? this.length) - (at === -1 ? 0 : at) + 1;
    return at;
  };
  strings.includes = function (this: string, search: string, position?: number) {
    meter.work += this.length - (position ?? 0) + 1;
    return includes.call(this, search, position);
  };
  strings.slice = function (this: string, start?: number, end?: number) {
    const out = slice.call(this, start, end);
    meter.work += out.length + 1;
    return out;
  };
  // The array scans' callbacks are charged one each.
  Array.prototype.some = function <T>(this: T[], cb: (v: T, i: number, a: T[]) => unknown) {
    return some.call(this, (v: T, i: number, a: T[]) => (meter.work++, cb(v, i, a)));
  };
  Array.prototype.find = function <T>(this: T[], cb: (v: T, i: number, a: T[]) => unknown) {
    return find.call(this, (v: T, i: number, a: T[]) => (meter.work++, cb(v, i, a)));
  } as typeof find;
  Array.prototype.filter = function <T>(this: T[], cb: (v: T, i: number, a: T[]) => unknown) {
    return filter.call(this, (v: T, i: number, a: T[]) => (meter.work++, cb(v, i, a)));
  } as typeof filter;
  try {
    fn();
  } finally {
    RegExp.prototype.exec = exec;
    Object.assign(strings, { indexOf, lastIndexOf, slice, includes });
    Object.assign(Array.prototype, { some, find, filter });
  }
  return meter.work;
}

function request(body: string, bodyType: "html" | "text" = "html"): RequestMessage {
  return {
    subject: "Solicitud",
    from: { name: "Oficina de Prueba", address: "prueba@universidad.example" },
    body,
    bodyType,
    receivedAt: "2026-11-30T15:00:00Z",
    attachments: [],
  };
}

/** Extraction's work on the request built from `repeat` copies, with no sanitizer work counted. */
function workFor(build: (repeat: number) => RequestMessage, repeat: number): number {
  const message = build(repeat);
  return metered(() => extractRequest(message, { sanitizeHtml: (html) => html, timeZone: "America/Bogota" }));
}

const BENCH_HEAD =
  "<p><b>Remitente:</b> Vicerrectoría Académica<br><b>Asunto:</b> Semana de la ciencia<br>" +
  "<b>Destinatarios:</b> estudiantes, docentes<br><b>Fecha de envío:</b> 2026-12-10</p><p><b>Mensaje:</b></p>";
const BENCH_PARAGRAPH =
  "<p>Solicitamos el envío del siguiente mensaje a <b>estudiantes</b> y docentes el 10 de diciembre. " +
  'Más información en <a href="https://www.universidad.example/eventos">el sitio</a>.</p>\n';

const SHAPES: Array<[name: string, build: (repeat: number) => RequestMessage]> = [
  // One clause, no full stop: every audience term used to rescan the text for an exclusion word.
  [
    "audience terms in one long clause",
    (n) => request(`<p>Enviar a ${"estudiantes y docentes, ".repeat(n)}</p>`),
  ],
  // One long line with many "x: " label look-alikes mid-sentence: each used to re-read its line's start.
  [
    "label look-alikes on one long line",
    (n) => request(`<p>Hola ${"asunto: uno para: dos ".repeat(n)}</p>`, "html"),
  ],
  // Many "De:" lines with no client header after them: each used to read the rest of the run.
  ["a long run of 'De:' lines", (n) => request(`${"De: alguien\n".repeat(n)}Mensaje: hola`, "text")],
  // A message with many label lines inside it: each line used to look at every later label.
  [
    "label lines inside the message",
    (n) => request(`Asunto: x\nMensaje:\n${"Para: todos\nFecha: lunes\n".repeat(n)}Cordialmente`, "text"),
  ],
  // Many dates in one sentence: each used to re-read its sentence for send and event cues.
  ["dates in one long sentence", (n) => request(`<p>Enviar ${"el 3 de diciembre y ".repeat(n)}</p>`)],
  ["the benchmark's request", (n) => request(BENCH_HEAD + BENCH_PARAGRAPH.repeat(n))],
];

describe("extraction's work is linear in the request's size (counted, not timed)", () => {
  it.each(SHAPES)("%s: ten times the request costs at most twelve times the work", (_name, build) => {
    const small = workFor(build, 200);
    const large = workFor(build, 2000);
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThanOrEqual(12);
  });
});
