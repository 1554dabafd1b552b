// The only place template markup is written. Every helper takes plain text and escapes it, and returns
// `SafeHtml`, a branded string the templates can compose but not forge: untrusted text cannot reach the body
// without going through escapeHtml. Inline styles and simple tables only, because Outlook's Word-based renderer
// ignores stylesheets and most modern CSS.
import type { Lang } from "../types";
import { escapeHtml, escapeMultiline } from "./escape";

export type SafeHtml = string & { readonly __brand: "SafeHtml" };

function trusted(markup: string): SafeHtml {
  return markup as SafeHtml;
}

const FONT = "font-family:'Segoe UI',Calibri,Arial,sans-serif;font-size:14px;line-height:1.45;color:#242424";
const CELL = "padding:6px 10px;border-bottom:1px solid #e1e1e1;vertical-align:top;text-align:left";
const LABEL_CELL = `${CELL};color:#616161;white-space:nowrap`;
const NUMBER_CELL = `${CELL};text-align:right`;

export function mailBody(lang: Lang, blocks: readonly SafeHtml[]): SafeHtml {
  return trusted(`<div lang="${lang}" style="${FONT}">${blocks.join("")}</div>`);
}

export function heading(text: string): SafeHtml {
  return trusted(`<p style="margin:0 0 12px;font-size:18px;font-weight:bold">${escapeHtml(text)}</p>`);
}

export function paragraph(text: string): SafeHtml {
  return trusted(`<p style="margin:0 0 12px">${escapeMultiline(text)}</p>`);
}

/** A labelled paragraph, e.g. "Note for IT: …". */
export function labelled(label: string, text: string): SafeHtml {
  return trusted(`<p style="margin:0 0 12px"><b>${escapeHtml(label)}:</b> ${escapeMultiline(text)}</p>`);
}

/**
 * The office's signature (configuration `signature`), closing the mail: plain text, escaped, its line breaks kept.
 * Nothing when the configuration has none (or only blanks).
 */
export function signature(text: string | undefined): SafeHtml[] {
  const trimmed = text?.replace(/\r\n?/g, "\n").replace(/^\s*\n|\s+$/g, "");
  return trimmed ? [trusted(`<p style="margin:16px 0 0">${escapeMultiline(trimmed)}</p>`)] : [];
}

/** A coloured strip for the one thing that must not be missed (urgency). */
export function banner(text: string): SafeHtml {
  return trusted(
    `<p style="margin:0 0 12px;padding:8px 12px;background-color:#fde7e9;border-left:4px solid #c50f1f;` +
      `color:#a4262c;font-weight:bold">${escapeHtml(text)}</p>`,
  );
}

export function monospace(label: string, text: string): SafeHtml {
  return trusted(
    `<p style="margin:0 0 12px"><b>${escapeHtml(label)}:</b> ` +
      `<span style="font-family:Consolas,'Courier New',monospace">${escapeHtml(text)}</span></p>`,
  );
}

export interface Fact {
  label: string;
  value: string;
  /** Bold value, for the facts the reader acts on (due date, urgency). */
  strong?: boolean;
}

/** Label/value rows: the summary a reader takes in at a glance. */
export function factsTable(facts: readonly Fact[]): SafeHtml {
  const rows = facts
    .map((f) => {
      const value = escapeMultiline(f.value);
      return (
        `<tr><th scope="row" style="${LABEL_CELL};font-weight:normal">${escapeHtml(f.label)}</th>` +
        `<td style="${CELL}">${f.strong ? `<b>${value}</b>` : value}</td></tr>`
      );
    })
    .join("");
  return trusted(
    `<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px">` +
      `<tbody>${rows}</tbody></table>`,
  );
}

export interface CountRow {
  name: string;
  count: string;
}

/** A two-column table of names and (already formatted) counts, with a bold total row. */
export function countsTable(header: CountRow, rows: readonly CountRow[], total: CountRow): SafeHtml {
  const head =
    `<tr><th scope="col" style="${CELL}">${escapeHtml(header.name)}</th>` +
    `<th scope="col" style="${NUMBER_CELL}">${escapeHtml(header.count)}</th></tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr><td style="${CELL}">${escapeHtml(r.name)}</td><td style="${NUMBER_CELL}">${escapeHtml(r.count)}</td></tr>`,
    )
    .join("");
  const foot =
    `<tr><td style="${CELL};font-weight:bold">${escapeHtml(total.name)}</td>` +
    `<td style="${NUMBER_CELL};font-weight:bold">${escapeHtml(total.count)}</td></tr>`;
  return trusted(
    `<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:0 0 12px">` +
      `<thead>${head}</thead><tbody>${body}</tbody><tfoot>${foot}</tfoot></table>`,
  );
}
