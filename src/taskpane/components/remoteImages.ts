// Remote images in the panes wait until the user asks, as in Outlook: an <img> whose source is on a web server
// tells that server who opened the message and when. Sanitized HTML goes in; it comes out twice, parsed in an
// inert <template> so nothing loads here:
// - `held`: every remote image's source taken away (the alt text stays) — what the pane shows first;
// - `asked`: only the sources on the institution's allow list (configuration `imageHosts`) kept — what the pane
//   shows once the user asks. The production CSP's img-src is built from the same list, so an image from any
//   other host could not load anyway; it stays held and the pane says so instead of showing a broken image.
import { isAllowedImageSource } from "../../domain/content/imageHosts";

export interface HeldImages {
  /** Every remote image held back. */
  html: string;
  /** The images from allowed hosts shown, the others still held. */
  asked: string;
  /** Remote images whose source was held back. */
  held: number;
  /** Of those, images from hosts outside the allow list: never shown in the pane. */
  outside: number;
}

const REMOTE = /^\s*(?:https?:)?\/\//i;

export function holdRemoteImages(
  sanitizedHtml: string,
  imageHosts: readonly string[] = [],
  doc: Document = document,
): HeldImages {
  const none = { html: sanitizedHtml, asked: sanitizedHtml, held: 0, outside: 0 };
  if (!/<img\b/i.test(sanitizedHtml)) return none;
  const all = doc.createElement("template");
  const some = doc.createElement("template");
  all.innerHTML = sanitizedHtml;
  some.innerHTML = sanitizedHtml;
  const allImages = Array.from(all.content.querySelectorAll("img"));
  const someImages = Array.from(some.content.querySelectorAll("img"));
  let held = 0;
  let outside = 0;
  allImages.forEach((img, i) => {
    const src = img.getAttribute("src");
    if (src === null || !REMOTE.test(src)) return;
    img.removeAttribute("src");
    held++;
    if (!isAllowedImageSource(src, imageHosts)) {
      someImages[i]?.removeAttribute("src");
      outside++;
    }
  });
  if (held === 0) return none;
  return { html: all.innerHTML, asked: outside === 0 ? sanitizedHtml : some.innerHTML, held, outside };
}
