// The Office adapter's public face.
export { OfficeMailHost } from "./officeMailHost";
export type { OfficeMailHostOptions } from "./officeMailHost";
export { whenOutlookReady } from "./ready";
export { MAILBOX_MIN_REQUIREMENT_SET, MAILBOX_API_REQUIREMENTS } from "./requirements";
