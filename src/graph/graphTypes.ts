// Graph response shapes the published type package leaves out (OData annotations), in one place.
import type { Attachment, Message } from "@microsoft/microsoft-graph-types";

/** A message as Graph returns it, with the annotations we read. */
export type GraphMessage = Message & { "@odata.etag"?: string };

/** An attachment with its OData type, which tells file, item and reference attachments apart. */
/** An attachment as listed; contentId is a fileAttachment property (what an inline image's cid: refers to). */
export type GraphAttachment = Attachment & { "@odata.type"?: string; contentId?: string | null };

/** One page of a collection. */
export interface GraphCollection<T> {
  value?: T[];
  "@odata.nextLink"?: string;
}
