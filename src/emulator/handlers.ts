// msw request handlers for the tenant: a catch-all on the tenant's base URL (Graph) and one on its upload origin
// (https://outlook.office.com, where Exchange's attachment upload sessions live) that hand every request to the
// emulator core, so the same code answers in the browser (service worker) and in Node (interceptors). msw
// intercepts any origin, so the upload host needs no server of its own.
import { http, HttpResponse } from "msw";
import type { HttpHandler } from "msw";
import { fromFetchRequest } from "./request";
import type { Tenant } from "./state/tenant";

export function createGraphHandlers(tenant: Tenant): HttpHandler[] {
  const answer = async ({ request }: { request: Request }): Promise<HttpResponse<BodyInit>> => {
    const response = await tenant.dispatch(await fromFetchRequest(request));
    if (response.dropConnection) return HttpResponse.error();
    const init = { status: response.status, headers: response.headers };
    switch (response.body.kind) {
      case "json":
        return new HttpResponse(JSON.stringify(response.body.value), init);
      case "text":
        return new HttpResponse(response.body.value, init);
      case "bytes":
        return new HttpResponse(new Uint8Array(response.body.value), init);
      case "empty":
        return new HttpResponse(null, init);
    }
  };
  // RegExps without capture groups: msw then never percent-decodes path segments itself, so a malformed
  // URL reaches the emulator (which answers 400, as Graph does) instead of failing inside msw.
  return [
    http.all(new RegExp(`^${escapeRegExp(tenant.baseUrl)}/`), answer),
    http.all(new RegExp(`^${escapeRegExp(tenant.uploadOrigin)}/`), answer),
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
