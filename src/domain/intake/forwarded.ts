// Forwarded chains: the request to act on is the innermost one, after the last header block that a mail
// client writes when forwarding ("De: … Enviado: … Asunto: …", "-----Original Message-----", "Mensaje
// reenviado"). The forwarder's own words above it are a cover note, not the request.
import type { MailAddress } from "../types";
import { fold } from "./fold";
import { cleanInline } from "./plainText";

export interface InnermostRequest {
  /** Where the innermost request's own words begin in the text (0 when it was not forwarded). */
  start: number;
  /** The original sender, from the header block's "De:/From:" line. */
  from?: MailAddress;
  /** The original subject line, from the header block's "Asunto:/Subject:" line. */
  subjectLine?: string;
}

interface Line {
  start: number;
  text: string;
  folded: string;
}

const MARKER =
  /^(?:-{2,}\s*(?:original message|mensaje original|forwarded message|mensaje reenviado)\s*-{2,}|(?:begin forwarded message|inicio del mensaje reenviado)\s*:?)$/;
const FROM_LINE = /^(?:de|from)\s*:\s*\S/;
const HEADER_LINE =
  /^(?:de|from|enviado(?: el)?|sent|fecha|date|para|to|cc|cco|bcc|asunto|subject|importancia|importance|responder a|reply-to)\s*:/;
const SENT_LINE = /^(?:enviado(?: el)?|sent|fecha|date)\s*:/;
const SUBJECT_LINE = /^(?:asunto|subject)\s*:/;
/** A reply's attribution line above quoted mail: "El lun, 1 dic 2026 a las 9:00, Ana <a@b> escribió:". */
const ATTRIBUTION = /^(?:el|on) .{1,200}(?:escribio|wrote) ?:$/;
const TIME = /\b\d{1,2}:\d{2}\b/;
const ADDRESS_IN_BRACKETS = /^(.*?)\s*[<[](?:mailto:)?([^\s<>[\]]+@[^\s<>[\]]+)[>\]]\s*$/i;
const BARE_ADDRESS = /^[^\s<>@]+@[^\s<>@]+$/;

/** The text's lines, trimmed; `folded` is fold(text), passed in when the caller already has it. */
function splitLines(text: string, folded: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    // Folding keeps every position and never makes or unmakes whitespace, so the folded line is a slice.
    const at = start + lead;
    lines.push({ start: at, text: trimmed, folded: folded.slice(at, at + trimmed.length) });
    start += raw.length + 1;
  }
  return lines;
}

function headerValue(line: Line): string {
  return line.text.slice(line.text.indexOf(":") + 1).trim();
}

/** "Name <a@b>", "Name [mailto:a@b]", "a@b" or just "Name" (internal senders often have no address shown). */
export function parseAddress(value: string): MailAddress | undefined {
  const inBrackets = ADDRESS_IN_BRACKETS.exec(value);
  if (inBrackets) {
    const name = cleanInline(inBrackets[1] ?? "");
    const address = inBrackets[2] ?? "";
    return name ? { name, address } : { address };
  }
  const plain = cleanInline(value);
  if (plain === "") return undefined;
  return BARE_ADDRESS.test(plain) ? { address: plain } : { name: plain, address: "" };
}

/**
 * For every line, facts about the run of header lines from it on, computed in one backward pass: where the
 * run ends and the first "Enviado:/Sent:" and "Asunto:/Subject:" lines in it. A text of many "De:" lines
 * then costs one look at each line, not one scan of the rest of the run per line.
 */
interface HeaderRuns {
  end: number[];
  sent: number[];
  subject: number[];
}

function headerRuns(lines: readonly Line[]): HeaderRuns {
  const n = lines.length;
  const runs: HeaderRuns = {
    end: new Array<number>(n + 1),
    sent: new Array<number>(n + 1),
    subject: new Array<number>(n + 1),
  };
  runs.end[n] = runs.sent[n] = runs.subject[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const folded = lines[i]?.folded ?? "";
    runs.end[i] = HEADER_LINE.test(folded) ? (runs.end[i + 1] ?? n) : i;
    runs.sent[i] = SENT_LINE.test(folded) ? i : (runs.sent[i + 1] ?? n);
    runs.subject[i] = SUBJECT_LINE.test(folded) ? i : (runs.subject[i + 1] ?? n);
  }
  return runs;
}

/** The header lines that follow line `first` (and the index of the first line after them). */
function headerRun(lines: Line[], runs: HeaderRuns, first: number): { headers: Line[]; next: number } {
  const next = runs.end[first] ?? first;
  return { headers: lines.slice(first, next), next };
}

/** A "De:" line starts a header block only if it looks written by a mail client, not by the requester. */
function isClientHeader(lines: readonly Line[], runs: HeaderRuns, first: number): boolean {
  const end = runs.end[first] ?? first;
  const from = end > first ? lines[first] : undefined;
  const sentIndex = runs.sent[first] ?? end;
  const sent = sentIndex < end ? lines[sentIndex] : undefined;
  const hasSubject = (runs.subject[first] ?? end) < end;
  if (!from || !sent || !hasSubject) return false;
  return from.text.includes("@") || TIME.test(sent.text);
}

export function findInnermost(text: string, folded: string = fold(text)): InnermostRequest {
  const lines = splitLines(text, folded);
  const runs = headerRuns(lines);
  let found: { headers: Line[]; next: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (MARKER.test(line.folded)) {
      found = headerRun(lines, runs, i + 1);
      i = Math.max(i, found.next - 1);
    } else if (FROM_LINE.test(line.folded) && isClientHeader(lines, runs, i)) {
      found = headerRun(lines, runs, i);
      i = found.next - 1;
    }
  }
  if (!found) return { start: 0 };
  let next = found.next;
  while (next < lines.length && lines[next]?.text === "") next++;
  const fromLine = found.headers.find((h) => FROM_LINE.test(h.folded));
  const subjectLine = found.headers.find((h) => SUBJECT_LINE.test(h.folded));
  const from = fromLine ? parseAddress(headerValue(fromLine)) : undefined;
  return {
    start: lines[next]?.start ?? text.length,
    ...(from ? { from } : {}),
    ...(subjectLine ? { subjectLine: headerValue(subjectLine) } : {}),
  };
}

/**
 * Where quoted earlier mail begins, in text order: a marker line ("-----Mensaje original-----"), a client's
 * header block ("De: … Enviado: … Asunto: …") or a reply's attribution line ("El … escribió:", "On … wrote:").
 * Whatever follows one is mail the request quotes, not the request's own words.
 */
export function findQuoteStarts(text: string, folded: string = fold(text)): number[] {
  const lines = splitLines(text, folded);
  const runs = headerRuns(lines);
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (MARKER.test(line.folded) || ATTRIBUTION.test(line.folded)) starts.push(line.start);
    else if (FROM_LINE.test(line.folded) && isClientHeader(lines, runs, i)) {
      starts.push(line.start);
      i = (runs.end[i] ?? i + 1) - 1;
    }
  }
  return starts;
}
