// Placeholder until the upload-session route lands: URLs outside /v1.0 are not part of Graph.
import { GraphError } from "../errors";
import type { EmuRequest, EmuResponse } from "../http";
import type { Tenant } from "../state/tenant";

export function handleUpload(_tenant: Tenant, _request: EmuRequest): EmuResponse {
  throw new GraphError(404, "ItemNotFound", "The upload session does not exist or has expired.");
}
