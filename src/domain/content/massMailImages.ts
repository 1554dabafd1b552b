// The images a mass mail keeps: visible ones from the message itself (cid:) or from a host on the allow list.
// Hidden and 1×1 images (tracking pixels) and images from anywhere else are removed, and counted so that IT is
// told. Works on HTML the sanitizer already passed; the result goes through the sanitizer again before it is
// sent (this is a filter, not a sanitizer).
import type { HtmlElement, HtmlNode } from "../intake/htmlTree";
import { parseHtml } from "../intake/htmlTree";
import { sliceHtml } from "../intake/htmlSlice";
import { isHiddenImage } from "./hiddenImage";
import { isAllowedImageSource } from "./imageHosts";

export interface ImageFilterResult {
  html: string;
  /** Hidden or 1×1 images removed. */
  hidden: number;
  /** Images removed because they come from a host not on the allow list (or have no usable source). */
  external: number;
}

function filterChildren(
  el: HtmlElement,
  hosts: readonly string[],
  counts: { hidden: number; external: number },
) {
  el.children = el.children.filter((child: HtmlNode) => {
    if (child.kind === "text") return true;
    if (child.name === "img") {
      if (isHiddenImage(child.attrs)) {
        counts.hidden++;
        return false;
      }
      if (!isAllowedImageSource(child.attrs.src ?? "", hosts)) {
        counts.external++;
        return false;
      }
      return true;
    }
    filterChildren(child, hosts, counts);
    return true;
  });
}

export function keepAllowedImages(html: string, imageHosts: readonly string[]): ImageFilterResult {
  if (!/<img\b/i.test(html)) return { html, hidden: 0, external: 0 };
  const root = parseHtml(html);
  const counts = { hidden: 0, external: 0 };
  filterChildren(root, imageHosts, counts);
  return { html: sliceHtml(root, -Infinity, Infinity), ...counts };
}
