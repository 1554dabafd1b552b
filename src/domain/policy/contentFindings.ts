// Everything the content checks find in a mass mail before it goes out, as typed findings: a stable code, where
// in the message (a link's text, an image's address, the subject…) and the facts behind it. Each one says how to
// make the mail better; none blocks the send — whether to go ahead is the professional's (or IT's) call.
import type { DeceptiveLink, ImageOnlyFinding, MessageContent, MissingAltFinding } from "./contentChecks";
import { deceptiveLinksIn, findImagesWithoutAlt, imageOnlyIn, imageWhere } from "./contentChecks";
import type { LowContrastFinding } from "./contrast";
import { findLowContrast } from "./contrast";
import type { HtmlScan } from "./htmlScan";
import { scanHtml } from "./htmlScan";
import type { VagueLinkFinding } from "./linkText";
import { findVagueLinks } from "./linkText";
import type { HeavySendFinding } from "./sendWeight";
import { HEAVY_SEND_GIGABYTES, findHeavySend, weightItems } from "./sendWeight";
import type { ShoutingSubjectFinding } from "./subjectCase";
import { findShoutingSubject } from "./subjectCase";

export type ContentFinding =
  | ({ code: "imageOnly"; where: string } & ImageOnlyFinding)
  | ({ code: "imageWithoutAlt" } & MissingAltFinding)
  | ({ code: "vagueLinkText" } & VagueLinkFinding)
  | ({ code: "deceptiveLink"; where: string } & DeceptiveLink)
  | ({ code: "lowContrast" } & LowContrastFinding)
  | ({ code: "heavySend" } & HeavySendFinding)
  | ({ code: "shoutingSubject" } & ShoutingSubjectFinding);

export type ContentFindingCode = ContentFinding["code"];

/** Every content finding code, in the order the findings are listed. */
export const CONTENT_FINDING_CODES: readonly ContentFindingCode[] = [
  "imageOnly",
  "imageWithoutAlt",
  "vagueLinkText",
  "deceptiveLink",
  "lowContrast",
  "heavySend",
  "shoutingSubject",
];

export interface ContentCheckInput {
  /** The mass mail's subject, when known. */
  subject?: string;
  message: MessageContent;
  /** How many people the mail goes to, when known (IT's group counts); without it the weight is not judged. */
  recipients?: number;
}

export interface ContentCheckOptions {
  /** size × recipients from which a send is heavy, in GB (default HEAVY_SEND_GIGABYTES). */
  heavySendGigabytes?: number;
}

const EMPTY_SCAN: HtmlScan = { text: "", imageCount: 0, links: [], images: [], styledText: [] };

/** Where an image-only message's image is: the first one in the HTML, else the first attached picture. */
function imageOnlyWhere(scan: HtmlScan, message: MessageContent): string {
  const first = scan.images[0];
  if (first) return imageWhere(first.src);
  return message.attachments.find((a) => !a.isInline)?.name ?? "";
}

/**
 * The findings in a stable order: the message as a whole (only an image), then images, links, colours, weight
 * and subject. A text body has no images, links or colours of its own; its attachments still count.
 */
export function contentFindings(
  input: ContentCheckInput,
  options: ContentCheckOptions = {},
): ContentFinding[] {
  const { message } = input;
  // One scan for every check: a 1 MB message takes a tenth of a second to scan, and this runs as the pane opens it.
  const scan = message.bodyType === "html" ? scanHtml(message.body) : EMPTY_SCAN;
  const findings: ContentFinding[] = [];
  const imageOnly = imageOnlyIn(
    message.bodyType === "html" ? scan : { text: message.body, imageCount: 0 },
    message,
  );
  if (imageOnly) findings.push({ code: "imageOnly", where: imageOnlyWhere(scan, message), ...imageOnly });
  for (const f of findImagesWithoutAlt(scan.images)) findings.push({ code: "imageWithoutAlt", ...f });
  for (const f of findVagueLinks(scan.links)) findings.push({ code: "vagueLinkText", ...f });
  if (message.bodyType === "html") {
    for (const f of deceptiveLinksIn(scan.links))
      findings.push({ code: "deceptiveLink", where: f.text, ...f });
  }
  for (const f of findLowContrast(scan.styledText)) findings.push({ code: "lowContrast", ...f });
  const heavy = findHeavySend(
    weightItems(message.attachments, scan.images),
    input.recipients,
    options.heavySendGigabytes ?? HEAVY_SEND_GIGABYTES,
  );
  if (heavy) findings.push({ code: "heavySend", ...heavy });
  const shouting = input.subject === undefined ? undefined : findShoutingSubject(input.subject);
  if (shouting) findings.push({ code: "shoutingSubject", ...shouting });
  return findings;
}
