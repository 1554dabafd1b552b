// What IT's mass mail will show, worked out when IT opens the case and checked again at each step: the message as
// the sanitizer left it, with only visible images from the message itself or the configured image hosts; what
// was removed on the way (tracking pixels, images from elsewhere, text the sanitizer could not keep); and whether
// anything is left to send. A mass mail that shows nothing never goes out: preparing and sending are refused.
import { imageHostsOf } from "../../config/schema";
import type { ContentChange } from "../../domain/content/contentChange";
import { compareContent } from "../../domain/content/contentChange";
import { keepAllowedImages } from "../../domain/content/massMailImages";
import { hasVisibleContent, measureHtml, showsContent } from "../../domain/content/visibleContent";
import { AppError } from "../../domain/errors";
import type { ContentFinding, WeightItem } from "../../domain/policy";
import { contentFindings, scanHtml, weightItems } from "../../domain/policy";
import { extractRequestInSteps } from "../../domain/intake";
import type { AttachmentInfo } from "../../domain/types";
import type { MailMessage } from "../../ports/mailService";
import type { WorkflowContext } from "../context";
import { toRequestMessage } from "../requestMessage";

export interface MassMailContent {
  /** Whether the mail shows anything: visible text, a visible image, or an attached picture. */
  hasContent: boolean;
  /** Hidden and 1×1 images (tracking pixels) the request's message had, removed. */
  hiddenImagesRemoved: number;
  /** Images from hosts outside `imageHosts` (or with no usable source), removed. */
  externalImagesRemoved: number;
  /** The request's message as a reader of the request would see it, as plain text (never rendered as HTML). */
  before: string;
  /** The mass mail's text, as plain text. */
  after: string;
  change: ContentChange;
  /**
   * What the content checks find in the mail as it will go out (alt text, link texts, contrast, subject…). The
   * weight of the send is not judged here: the recipients are known only once IT has picked the groups.
   */
  findings: ContentFinding[];
  /**
   * What one copy of the mail carries (attachments, inline and embedded images), largest first: the send dialog
   * weighs it against the total recipients once the groups' member counts are known.
   */
  weight: WeightItem[];
}

/**
 * The message's HTML with only the images a mass mail may carry. The filter re-writes the HTML with the domain's
 * own parser, so its output goes through the sanitizer once more: what the pane renders and the mass mail carries
 * is always the sanitizer's output.
 */
export function massMailHtml(ctx: WorkflowContext, sanitizedHtml: string) {
  const filtered = keepAllowedImages(sanitizedHtml, imageHostsOf(ctx.config));
  return filtered.html === sanitizedHtml ? filtered : { ...filtered, html: ctx.sanitizeHtml(filtered.html) };
}

/**
 * The forward's message as the request had it (no sanitizer: only measured and shown as text) against the HTML
 * that will be sent. `reviewedHtml` is the message as Communications' pane showed it (carried by the forward):
 * when Exchange's quote of the original lost part of it, that text stands for "what the request had". `subject`
 * is the mass mail's (the case's) subject, checked with the content.
 */
export async function reviewMassMailContent(
  ctx: WorkflowContext,
  forward: MailMessage,
  sanitizedHtml: string,
  attachments: readonly AttachmentInfo[],
  reviewedHtml?: string,
  subject?: string,
): Promise<{ html: string; content: MassMailContent }> {
  const raw =
    (
      await extractRequestInSteps(
        toRequestMessage(forward),
        { sanitizeHtml: (html) => html, timeZone: ctx.config.institution.timeZone, pregonForward: true },
        ctx.pause,
      )
    ).message.value?.html ?? "";
  const filtered = massMailHtml(ctx, sanitizedHtml);
  const quoted = measureHtml(raw);
  const reviewed = reviewedHtml === undefined ? undefined : measureHtml(reviewedHtml);
  const before = reviewed && reviewed.visibleChars > quoted.visibleChars ? reviewed : quoted;
  const after = measureHtml(filtered.html);
  return {
    html: filtered.html,
    content: {
      hasContent: showsContent(after, attachments),
      hiddenImagesRemoved: Math.max(before.hiddenImages, filtered.hidden),
      externalImagesRemoved: filtered.external,
      before: before.text,
      after: after.text,
      change: compareContent(before, after),
      findings: contentFindings({
        subject,
        message: { body: filtered.html, bodyType: "html", attachments: [...attachments] },
      }),
      weight: weightItems(attachments, scanHtml(filtered.html).images),
    },
  };
}

function emptyMassMail(at: "message" | "draft"): AppError {
  return new AppError(
    "emptyMassMail",
    at === "message"
      ? "The message to send has no visible text and no image"
      : "The mass-mail draft has no visible text and no image",
    { details: { at } },
  );
}

/** Before preparing: the message IT would put in the draft must show something. */
export function refuseEmptyMessage(
  ctx: WorkflowContext,
  opened: { messageHtml: string; attachments: readonly AttachmentInfo[] },
): void {
  const html = massMailHtml(ctx, ctx.sanitizeHtml(opened.messageHtml)).html;
  if (!hasVisibleContent(html, opened.attachments)) throw emptyMassMail("message");
}

/**
 * Right before sending: the draft as it is now (IT may have edited it in a compose window) must show something.
 * Its body and attachments come with the draft (`withBody`, `withAttachments`).
 */
export function refuseEmptyDraft(draft: MailMessage): void {
  const body = draft.bodyType === "text" ? textAsHtml(draft.body ?? "") : (draft.body ?? "");
  if (!hasVisibleContent(body, draft.attachments ?? [])) throw emptyMassMail("draft");
}

function textAsHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
