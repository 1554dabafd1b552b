// How messages look to $filter and $orderby: typed scalar properties plus two lambda-able collections.
// Extended property ids compare in canonical form: type keyword and GUID case-insensitive, Name
// case-sensitive (as Graph documents), values case-insensitive.
// Graph accepts any() on categories and singleValueExtendedProperties; any() on recipients is refused
// ("The query filter contains one or more invalid nodes"), and so is endswith().
import { GraphError } from "../errors";
import { walk } from "../odata/filter-ast";
import type { FilterNode } from "../odata/filter-ast";
import type { EntitySchema, ScalarProperty, ValueType } from "../odata/filter-schema";
import { parsePropertyId } from "../state/extended-props";
import type { Mailbox } from "../state/mailbox";
import { bodyPreview, hasAttachments } from "../state/message";
import type { StoredMessage } from "../state/message";
import type { GraphExtendedProperty, GraphRecipient } from "../types";

function prop(type: ValueType, get: (m: StoredMessage) => unknown): ScalarProperty<StoredMessage> {
  return { type, get };
}

function address(r: GraphRecipient | null): string | undefined {
  return r?.emailAddress.address;
}

/** Each extended-property lambda must pin the property with `ep/id eq '…'`, as Graph requires. */
function requireIdEquality(variable: string | null, predicate: FilterNode | null): void {
  let pinned = false;
  if (predicate) {
    walk(predicate, (node) => {
      if (node.kind !== "compare" || node.op !== "eq") return;
      for (const side of [node.left, node.right]) {
        if (
          side.kind === "property" &&
          side.variable === variable &&
          side.path.join("/").toLowerCase() === "id"
        )
          pinned = true;
      }
    });
  }
  if (!pinned)
    throw new GraphError(
      400,
      "ErrorInvalidUrlQueryFilter",
      "The query filter contains one or more invalid nodes.",
    );
}

export function messageSchema(mailbox: Mailbox): EntitySchema<StoredMessage> {
  return {
    typeName: "microsoft.graph.message",
    properties: {
      id: prop("string", (m) => m.id),
      subject: prop("string", (m) => m.subject),
      bodyPreview: prop("string", (m) => bodyPreview(m.body)),
      conversationId: prop("string", (m) => m.conversationId),
      internetMessageId: prop("string", (m) => m.internetMessageId),
      importance: prop("string", (m) => m.importance),
      inferenceClassification: prop("string", (m) => m.inferenceClassification),
      parentFolderId: prop("string", (m) => mailbox.folderId(m.folder)),
      "from/emailAddress/address": prop("string", (m) => address(m.from)),
      "from/emailAddress/name": prop("string", (m) => m.from?.emailAddress.name),
      "sender/emailAddress/address": prop("string", (m) => address(m.sender)),
      "sender/emailAddress/name": prop("string", (m) => m.sender?.emailAddress.name),
      "flag/flagStatus": prop("string", (m) => m.flag.flagStatus),
      isDraft: prop("boolean", (m) => m.isDraft),
      isRead: prop("boolean", (m) => m.isRead),
      hasAttachments: prop("boolean", hasAttachments),
      isDeliveryReceiptRequested: prop("boolean", (m) => m.isDeliveryReceiptRequested),
      isReadReceiptRequested: prop("boolean", (m) => m.isReadReceiptRequested),
      receivedDateTime: prop("datetime", (m) => m.receivedDateTime),
      sentDateTime: prop("datetime", (m) => m.sentDateTime),
      createdDateTime: prop("datetime", (m) => m.createdDateTime),
      lastModifiedDateTime: prop("datetime", (m) => m.lastModifiedDateTime),
    },
    collections: {
      categories: {
        items: (m) => m.categories,
        itemProperties: { "": { type: "string", get: (item) => item } },
      },
      singleValueExtendedProperties: {
        items: (m) => m.singleValueExtendedProperties,
        itemProperties: {
          id: {
            type: "string",
            get: (item) => (item as GraphExtendedProperty).id,
            normalize: (literal) => parsePropertyId(literal).canonical,
            caseSensitive: true,
          },
          value: { type: "string", get: (item) => (item as GraphExtendedProperty).value },
        },
        validate: requireIdEquality,
      },
    },
    functions: new Set(["startswith", "contains"]),
  };
}

/** For $expand=singleValueExtendedProperties($filter=id eq '…' or …). */
export const extendedPropertySchema: EntitySchema<GraphExtendedProperty> = {
  typeName: "microsoft.graph.singleValueLegacyExtendedProperty",
  properties: {
    id: {
      type: "string",
      get: (p) => p.id,
      normalize: (literal) => parsePropertyId(literal).canonical,
      caseSensitive: true,
    },
  },
  collections: {},
  functions: new Set(),
};
