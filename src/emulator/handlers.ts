// msw request handlers for the tenant: one catch-all on the tenant's base URL that hands every request to the
// emulator core, so the same code answers in the browser (service worker) and in Node (interceptors).
import { http, HttpResponse } from "msw";
import type { HttpHandler } from "msw";
import { fromFetchRequest } from "./request";
import type { Tenant } from "./state/tenant";

export function createGraphHandlers(tenant: Tenant): HttpHandler[] {
  return [
    // A RegExp without capture groups: msw then never percent-decodes path segments itself, so a malformed
    // URL reaches the emulator (which answers 400, as Graph does) instead of failing inside msw.
    http.all(new RegExp(`^${escapeRegExp(tenant.baseUrl)}/`), async ({ request }) => {
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
    }),
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
