// Which URLs mail HTML may keep. Links: http, https and mailto only. Images: https and cid only.
// data: URLs are refused, images included: the mass mail goes out through Exchange, and the mail clients
// of the recipients (Outlook, Gmail) block or drop data: images, so an inline image must travel as a cid:
// attachment anyway; a data: URL can also smuggle SVG with script or a whole HTML page, and bloats a
// draft. Plain http images are refused because they leak the reader's address and mix content in the pane.

// What browsers ignore inside a URL's scheme (C0 controls, space, tab, newline), removed before checking.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const IGNORED = /[\u0000-\u0020\u007F-\u009F\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000\uFEFF]/g;

const LINK = /^(?:https?:\/\/|mailto:)/i;
const IMAGE = /^(?:https:\/\/|cid:)/i;

function normalized(url: string): string {
  return url.replace(IGNORED, "");
}

export function isAllowedLink(url: string): boolean {
  return LINK.test(normalized(url));
}

export function isAllowedImage(url: string): boolean {
  return IMAGE.test(normalized(url));
}
