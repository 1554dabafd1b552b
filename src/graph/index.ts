// The Graph adapter's public face: the MailService implementation and what it needs to be built.
export { GraphMailService, DEFAULT_GRAPH_BASE_URL } from "./graphMailService";
export type { GraphMailServiceOptions } from "./graphMailService";
export { quoteHeaderOf } from "./quoteHeader";
export type { QuoteHeaderLanguage } from "./quoteHeader";
export type { AccessTokenProvider, AccessTokenRequest } from "./tokenProvider";
export type { RetryPolicy } from "./pipeline/retryHandler";
export type { Clock } from "./pipeline/clock";
export {
  CASE_PROPERTY_IDS,
  CASE_ID_HEADER_NAME,
  CASE_ID_HEADER_PROPERTY_ID,
  PREGON_PROPERTY_SET_GUID,
} from "./properties";
export { GraphTenantProbe } from "./diagnostics";
