// msw request handlers for the tenant: one catch-all on the tenant's base URL that hands every request to the
// emulator core, so the same code answers in the browser (service worker) and in Node (interceptors).
import { http, HttpResponse } from "msw";
import type { HttpHandler } from "msw";
import { fromFetchRequest } from "./request";
import type { Tenant } from "./state/tenant";

export function createGraphHandlers(tenant: Tenant): HttpHandler[] {
  return [
    http.all(`${tenant.baseUrl}/*`, async ({ request }) => {
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
