// Remote images in the panes wait until the user asks, as in Outlook: an <img> whose source is on a web server
// tells that server who opened the message and when. Sanitized HTML goes in; the same HTML comes out with the
// remote images' sources taken away (the alt text stays), parsed in an inert <template> so nothing loads here.

export interface HeldImages {
  html: string;
  /** Remote images whose source was held back. */
  held: number;
}

const REMOTE = /^\s*(?:https?:)?\/\//i;

export function holdRemoteImages(sanitizedHtml: string, doc: Document = document): HeldImages {
  if (!/<img\b/i.test(sanitizedHtml)) return { html: sanitizedHtml, held: 0 };
  const template = doc.createElement("template");
  template.innerHTML = sanitizedHtml;
  let held = 0;
  for (const img of Array.from(template.content.querySelectorAll("img"))) {
    const src = img.getAttribute("src");
    if (src !== null && REMOTE.test(src)) {
      img.removeAttribute("src");
      held++;
    }
  }
  return { html: held === 0 ? sanitizedHtml : template.innerHTML, held };
}
