// The OData query behind listCases and the message reads: which properties, which filter, which order.
//
// Graph answers 400 InefficientFilter ("The restriction or sort order is too complex for this operation")
// when a message query sorts by a property that does not also lead the $filter, in the same order. So every
// filter starts with `receivedDateTime ge …` (the query's receivedSince, else 1900-01-01T00:00:00Z, which
// keeps every message) and satisfies the rule for `$orderby=receivedDateTime desc`.
//
// Each extended-property condition is one `singleValueExtendedProperties/Any(ep: ep/id eq '…' and …)`
// clause, in the exact forms Graph documents (eq / ne on a string value); several states are several
// clauses joined by `or`, rather than an `or` inside one lambda, which Graph does not document.
import { AppError } from "../domain/errors";
import type { CaseProps, CaseQuery, GetOptions, ListField } from "../ports/mailService";
import { odataString, queryString } from "./odata";
import type { QueryParams } from "./odata";
import {
  CASE_ID_HEADER_PROPERTY_ID,
  CASE_PROPERTY_IDS,
  CASE_PROPERTY_KEYS,
  MESSAGE_CLASS_PROPERTY_ID,
} from "./properties";

/** What the lists show (no body: it is fetched when one message is opened). */
export const LIST_SELECT = [
  "id",
  "subject",
  "from",
  "toRecipients",
  "ccRecipients",
  "receivedDateTime",
  "sentDateTime",
  "conversationId",
  "internetMessageId",
  "categories",
  "isDraft",
  "hasAttachments",
  "bodyPreview",
].join(",");

/** Graph's name of each field a list can ask for (see ListField). */
const LIST_FIELD_PROPERTY: Readonly<Record<ListField, string>> = {
  subject: "subject",
  from: "from",
  to: "toRecipients",
  cc: "ccRecipients",
  receivedAt: "receivedDateTime",
  sentAt: "sentDateTime",
  conversationId: "conversationId",
  internetMessageId: "internetMessageId",
  categories: "categories",
  isDraft: "isDraft",
  hasAttachments: "hasAttachments",
  bodyPreview: "bodyPreview",
};

/**
 * `$select` of a list: the fields it names (the id always), else LIST_SELECT. Graph's list-messages page advises
 * selecting only the properties needed, the more so with large pages, whose full payload can end in a 504
 * gateway timeout (learn.microsoft.com/graph/api/user-list-messages).
 */
export function listSelect(fields: readonly ListField[] | undefined): string {
  if (fields === undefined) return LIST_SELECT;
  return ["id", ...new Set(fields.map((f) => LIST_FIELD_PROPERTY[f]))].join(",");
}

export const ORDER_BY = "receivedDateTime desc";
export const EVERYTHING_SINCE_1900 = "receivedDateTime ge 1900-01-01T00:00:00Z";

/** An ISO instant as an OData DateTimeOffset literal (UTC, no quotes); anything else is refused. */
export function odataInstant(value: string, field: string): string {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    throw new AppError("badRequest", "Not an ISO-8601 instant", { details: { field } });
  }
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

export const DEFAULT_PAGE_SIZE = 50;
/** Graph's largest page for messages. */
export const MAX_PAGE_SIZE = 1000;

/** `$expand` that brings back Pregón's properties (all, or the ones named; and only them) with each message. */
export function casePropertiesExpand(keys: readonly (keyof CaseProps)[] = CASE_PROPERTY_KEYS): string {
  if (keys.length === 0) {
    throw new AppError("badRequest", "An empty property list expands nothing", {
      details: { field: "props" },
    });
  }
  const ids = [...new Set(keys)].map((key) => `id eq ${odataString(CASE_PROPERTY_IDS[key])}`);
  return `singleValueExtendedProperties($filter=${ids.join(" or ")})`;
}

/**
 * `$select` for attachment metadata. contentId is what an inline image's `cid:` reference in the body names, so
 * the intake can tell the images the message shows from a signature logo. It is a property of fileAttachment,
 * not of the base type attachment, so it needs the type cast: a plain `contentId` is refused with 400
 * RequestBroker--ParseUri "Could not find a property named 'contentId' on type 'microsoft.graph.attachment'"
 * (microsoftgraph/microsoft-graph-explorer-v4#3916). File attachments answer it as plain `contentId`.
 */
export const ATTACHMENT_METADATA_SELECT =
  "id,name,contentType,size,isInline,microsoft.graph.fileAttachment/contentId";

/** `$expand` for the attachment list (metadata only; contents are fetched one by one when copied). */
export const ATTACHMENTS_EXPAND = `attachments($select=${ATTACHMENT_METADATA_SELECT})`;

export function propertyEquals(propertyId: string, value: string): string {
  return `singleValueExtendedProperties/Any(ep: ep/id eq ${odataString(propertyId)} and ep/value eq ${odataString(value)})`;
}

export function propertyPresent(propertyId: string): string {
  return `singleValueExtendedProperties/Any(ep: ep/id eq ${odataString(propertyId)} and ep/value ne '')`;
}

export function caseFilter(query: CaseQuery): string {
  const clauses =
    query.receivedSince === undefined
      ? [EVERYTHING_SINCE_1900]
      : [`receivedDateTime ge ${odataInstant(query.receivedSince, "receivedSince")}`];
  if (query.conversationId !== undefined)
    clauses.push(`conversationId eq ${odataString(query.conversationId)}`);
  if (query.from !== undefined) clauses.push(`from/emailAddress/address eq ${odataString(query.from)}`);
  if (query.caseId !== undefined) clauses.push(propertyEquals(CASE_PROPERTY_IDS.caseId, query.caseId));
  if (query.kind !== undefined) clauses.push(propertyEquals(CASE_PROPERTY_IDS.kind, query.kind));
  if (query.caseIdHeader !== undefined)
    clauses.push(propertyEquals(CASE_ID_HEADER_PROPERTY_ID, query.caseIdHeader));
  if (query.states !== undefined) {
    if (query.states.length === 0) {
      throw new AppError("badRequest", "An empty state list matches nothing", {
        details: { field: "states" },
      });
    }
    const alternatives = query.states.map((state) => propertyEquals(CASE_PROPERTY_IDS.state, state));
    const joined = alternatives.join(" or ");
    clauses.push(alternatives.length === 1 ? joined : `(${joined})`);
  }
  if (query.hasCase) clauses.push(propertyPresent(CASE_PROPERTY_IDS.caseId));
  if (query.messageClass !== undefined)
    clauses.push(propertyEquals(MESSAGE_CLASS_PROPERTY_ID, query.messageClass));
  return clauses.join(" and ");
}

export function pageSize(top: number | undefined): number {
  if (top === undefined) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(top)));
}

export function listCasesQuery(query: CaseQuery): string {
  const params: QueryParams = {
    $filter: caseFilter(query),
    $orderby: ORDER_BY,
    $top: pageSize(query.top),
    $select: query.withHeaders
      ? `${listSelect(query.fields)},internetMessageHeaders`
      : listSelect(query.fields),
    $expand: casePropertiesExpand(query.props),
  };
  return queryString(params);
}

/** What one opened message shows: the list's properties plus Bcc, and the body, attachments, headers on request. */
export const MESSAGE_SELECT = `${LIST_SELECT},bccRecipients`;

/** `?$select=…&$expand=…` of getMessage (opening an item): the case properties always, attachments on request. */
export function getMessageQuery(options: GetOptions = {}): string {
  const expand = [casePropertiesExpand()];
  if (options.withAttachments) expand.push(ATTACHMENTS_EXPAND);
  let select = MESSAGE_SELECT;
  if (options.withBody) select += ",body";
  if (options.withHeaders) select += ",internetMessageHeaders";
  return queryString({ $select: select, $expand: expand.join(",") });
}
