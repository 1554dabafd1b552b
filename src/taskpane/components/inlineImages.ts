// The message's inline images in the preview: each <img src="cid:…"> gets the bytes of the attachment it names,
// as a data: URL (the CSP's img-src admits data:), read through the mail port — never a fetch from the web.
// A cid: image whose attachment is missing, not an image or not yet read loses its src and shows its alt text,
// not a broken-image icon.
import { useContext, useEffect, useMemo, useState } from "react";
import { contentIdOfUrl, inlineAttachmentFor, isShownImageType } from "../../domain/content/inlineImages";
import type { AttachmentInfo } from "../../domain/types";
import type { MailboxId } from "../../ports/mailService";
import { ServicesContext } from "../ServicesContext";

/** Where a message's inline images are: its mailbox, id and attachments (as listed, with contentId). */
export interface InlineImageSource {
  mailbox: MailboxId;
  messageId: string;
  attachments: readonly AttachmentInfo[];
}

/** Larger inline "images" are not read into the pane (a photo of several MB is an attachment, not a logo). */
export const INLINE_IMAGE_MAX_BYTES = 4 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The Content-IDs the HTML's images name with cid:, in order, once each. */
export function cidReferences(html: string, doc: Document = document): string[] {
  if (!/cid:/i.test(html)) return [];
  const template = doc.createElement("template");
  template.innerHTML = html;
  const ids = Array.from(template.content.querySelectorAll("img"))
    .map((img) => contentIdOfUrl(img.getAttribute("src") ?? ""))
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** The HTML with each cid: image pointing at its data: URL, or without a src when there is none (yet). */
export function withInlineImages(
  html: string,
  urls: ReadonlyMap<string, string>,
  doc: Document = document,
): string {
  if (!/cid:/i.test(html)) return html;
  const template = doc.createElement("template");
  template.innerHTML = html;
  let changed = false;
  for (const img of Array.from(template.content.querySelectorAll("img"))) {
    const id = contentIdOfUrl(img.getAttribute("src") ?? "");
    if (id === undefined) continue;
    const url = urls.get(id);
    if (url) img.setAttribute("src", url);
    else img.removeAttribute("src");
    changed = true;
  }
  return changed ? template.innerHTML : html;
}

/** Reads the attachments the HTML's cid: images name; the map grows as they arrive. */
export function useInlineImages(
  html: string,
  source: InlineImageSource | undefined,
): ReadonlyMap<string, string> {
  // Only a preview given a source reads anything (a bare preview, e.g. in a test, needs no services).
  const mail = useContext(ServicesContext)?.mail;
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const attachments = source?.attachments;
  // What to read, as one string ("cid → attachment id" pairs), so that an equal list built anew on each render
  // does not read again.
  const wanted = useMemo(() => {
    if (!attachments) return "";
    const pairs: string[] = [];
    for (const cid of cidReferences(html)) {
      const attachment = inlineAttachmentFor(cid, attachments);
      if (attachment && attachment.size <= INLINE_IMAGE_MAX_BYTES) pairs.push(`${cid}\u0001${attachment.id}`);
    }
    return pairs.join("\u0000");
  }, [html, attachments]);
  const mailbox = source?.mailbox;
  const messageId = source?.messageId;

  useEffect(() => {
    let current = true;
    setUrls(new Map());
    if (!mail || mailbox === undefined || messageId === undefined || wanted === "") return;
    for (const pair of wanted.split("\u0000")) {
      const [cid = "", attachmentId = ""] = pair.split("\u0001");
      mail.readAttachment(mailbox, messageId, attachmentId).then(
        ({ contentType, contentBase64 }) => {
          const type = contentType.toLowerCase();
          const bytes = contentBase64.replace(/\s+/g, "");
          if (!current || !isShownImageType(type) || !BASE64.test(bytes)) return;
          setUrls((known) => new Map(known).set(cid, `data:${type};base64,${bytes}`));
        },
        // An image that cannot be read keeps showing its alt text; the preview does not fail for it.
        () => undefined,
      );
    }
    return () => {
      current = false;
    };
  }, [mail, mailbox, messageId, wanted]);

  return urls;
}
