// POST /$batch (JSON batching): up to 20 requests with relative URLs; each step runs through the same
// pipeline as a direct request (auth from the batch's token, faults, log). Steps with `dependsOn` run after
// the steps they name and answer 424 Failed Dependency when one of those failed. Responses carry id,
// status, headers and body (non-JSON bodies base64-encoded), in request order. Step ids are compared without
// regard to case and must be unique, and a step that carries a body must name its Content-Type; Graph refuses
// the whole batch with 400 otherwise (learn.microsoft.com/graph/json-batching, "id" and "headers" rows).
import { bytesToBase64 } from "../base64";
import { GraphError } from "../errors";
import type { EmuRequest, EmuResponse } from "../http";
import { jsonResponse } from "../http";
import { isRecord, isString } from "../json";
import type { JsonObject } from "../json";
import type { RouteContext } from "./context";
import { jsonBody } from "./context";
import type { Route } from "./router";

export const MAX_BATCH_REQUESTS = 20;
const FORWARDED_HEADERS = [
  "content-type",
  "location",
  "etag",
  "retry-after",
  "preference-applied",
  "www-authenticate",
];

interface Step {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

function invalid(message: string): GraphError {
  return new GraphError(400, "BadRequest", message);
}

function parseSteps(body: JsonObject): Step[] {
  if (!Array.isArray(body.requests))
    throw invalid("Invalid batch payload format: 'requests' must be an array.");
  if (body.requests.length === 0) throw invalid("Invalid batch payload format: the batch has no requests.");
  if (body.requests.length > MAX_BATCH_REQUESTS) {
    throw invalid(`The batch contains ${body.requests.length} requests; the limit is ${MAX_BATCH_REQUESTS}.`);
  }
  const steps = body.requests.map((raw): Step => {
    if (!isRecord(raw) || !isString(raw.id) || !isString(raw.method) || !isString(raw.url)) {
      throw invalid("Invalid batch payload format: every request needs id, method and url.");
    }
    if (/^https?:/i.test(raw.url))
      throw invalid(`Request ${raw.id}: batch URLs must be relative to the version.`);
    const headers: Record<string, string> = {};
    if (isRecord(raw.headers))
      for (const [k, v] of Object.entries(raw.headers)) if (isString(v)) headers[k.toLowerCase()] = v;
    if (raw.body !== undefined && headers["content-type"] === undefined) {
      throw invalid(`Request ${raw.id}: a request with a body must carry a Content-Type header.`);
    }
    const dependsOn = Array.isArray(raw.dependsOn) ? raw.dependsOn.filter(isString) : [];
    return { id: raw.id, method: raw.method.toUpperCase(), url: raw.url, headers, body: raw.body, dependsOn };
  });
  const ids = new Set<string>();
  for (const step of steps) {
    const key = step.id.toLowerCase();
    if (ids.has(key)) throw invalid(`Request id '${step.id}' is used more than once.`);
    ids.add(key);
  }
  // Graph refuses a batch that mixes independent steps with sequenced ones ("Batch should be either fully
  // sequential or fully parallel", Microsoft's answer on Microsoft Q&A question 1532547, and the BadRequest
  // public reports quote: microsoftgraph/microsoft-graph-docs#16280). Microsoft's own Graph client
  // (@microsoft/microsoft-graph-client, BatchRequestContent's dependency check, after Graph's known issues on
  // JSON batching) allows a step to depend on one other step only, in one of three shapes: parallel (no
  // dependsOn), serial (each step on the one listed just before it) or same (every dependsOn names the same
  // step). The emulator takes the strictest reading of both: one dependency per step, and when any step has one,
  // a single step without (where the sequence starts) and the batch serial or same.
  if (steps.some((s) => s.dependsOn.length > 1)) {
    throw invalid("A request in a batch can depend on one other request only.");
  }
  const sequenced = steps.some((s) => s.dependsOn.length > 0);
  if (sequenced) {
    const roots = steps.filter((s) => s.dependsOn.length === 0);
    const serial = steps.every((s, i) =>
      i === 0 ? s.dependsOn.length === 0 : s.dependsOn[0] === steps[i - 1]?.id,
    );
    const targets = new Set(steps.flatMap((s) => s.dependsOn));
    const same = targets.size === 1;
    if (roots.length !== 1 || !(serial || same))
      throw invalid("Batch should be either fully sequential or fully parallel.");
  }
  for (const step of steps) {
    for (const dependency of step.dependsOn) {
      if (!steps.some((s) => s.id === dependency) || dependency === step.id)
        throw invalid(`Request ${step.id} depends on unknown request '${dependency}'.`);
    }
  }
  return steps;
}

function subRequest(context: RouteContext, step: Step): EmuRequest {
  const relative = step.url.startsWith("/") ? step.url : `/${step.url}`;
  if (/^\/\$batch/i.test(relative)) throw invalid("A batch cannot contain another batch.");
  const headers = new Map<string, string>(Object.entries(step.headers));
  const authorization = context.request.headers.get("authorization");
  if (authorization) headers.set("authorization", authorization);
  const base: EmuRequest = {
    method: step.method,
    url: stepUrl(context, step, relative),
    headers,
    body: step.body,
    batchStepId: step.id,
  };
  if (isString(step.body) && !(headers.get("content-type") ?? "application/json").includes("json")) {
    return { ...base, body: undefined, rawBytes: Uint8Array.from(atob(step.body), (c) => c.charCodeAt(0)) };
  }
  return base;
}

function stepUrl(context: RouteContext, step: Step, relative: string): URL {
  try {
    return new URL(`${context.tenant.baseUrl}/v1.0${relative}`);
  } catch {
    throw invalid(`Request ${step.id}: '${step.url}' is not a valid relative URL.`);
  }
}

function stepResponse(id: string, response: EmuResponse): Record<string, unknown> {
  const status = response.dropConnection ? 503 : response.status;
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = response.headers[name];
    if (value !== undefined)
      headers[name === "etag" ? "ETag" : name.replace(/(^|-)\w/g, (c) => c.toUpperCase())] = value;
  }
  const out: Record<string, unknown> = { id, status, headers };
  switch (response.body.kind) {
    case "json":
      out.body = response.body.value;
      break;
    case "text":
      out.body = bytesToBase64(new TextEncoder().encode(response.body.value));
      break;
    case "bytes":
      out.body = bytesToBase64(response.body.value);
      break;
    case "empty":
      break;
  }
  return out;
}

function failedDependency(id: string, dependency: string): Record<string, unknown> {
  return {
    id,
    status: 424,
    headers: { "Content-Type": "application/json" },
    body: {
      error: {
        code: "FailedDependency",
        message: `The request depends on request '${dependency}', which failed.`,
      },
    },
  };
}

async function runBatch(context: RouteContext): Promise<EmuResponse> {
  const steps = parseSteps(jsonBody(context.request));
  const results = new Map<string, Record<string, unknown>>();
  const pending = [...steps];
  while (pending.length > 0) {
    const index = pending.findIndex((s) => s.dependsOn.every((d) => results.has(d)));
    if (index < 0) throw invalid("The dependsOn chain of the batch has a cycle.");
    const [step] = pending.splice(index, 1);
    if (!step) break;
    const failed = step.dependsOn.find((d) => {
      const status = results.get(d)?.status;
      return typeof status !== "number" || status >= 400;
    });
    if (failed !== undefined) {
      results.set(step.id, failedDependency(step.id, failed));
      continue;
    }
    let response: EmuResponse;
    try {
      response = await context.dispatch(subRequest(context, step));
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      response = {
        status: error.status,
        headers: {},
        body: { kind: "json", value: { error: { code: error.code, message: error.message } } },
      };
    }
    results.set(step.id, stepResponse(step.id, response));
  }
  return jsonResponse(200, { responses: steps.map((s) => results.get(s.id)) });
}

export const batchRoutes: Route[] = [{ method: "POST", pattern: "$batch", handler: runBatch }];
