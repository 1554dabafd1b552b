// Copies attachments from one message to a draft in the same mailbox (the request's files → IT's mass mail).
//
// Each attachment's bytes are read with GET …/attachments/{id}/$value, which works for file attachments
// (the file) and item attachments (the attached message as MIME, re-attached as an .eml file). Then, per
// Graph's two documented routes:
//   - up to 3 MB: one POST …/attachments with the bytes in base64 (base64 of 3,000,000 bytes stays under
//     the 4 MB request limit);
//   - larger: POST …/attachments/createUploadSession, then PUT the bytes in ranges that are multiples of
//     320 KiB, with Content-Range, to the pre-authenticated upload URL (no Authorization header there),
//     following nextExpectedRanges, until a 201.
// An inline image keeps its Content-ID and stays inline: the draft's body is the request's message, whose
// <img src="cid:…"> still names it (a plain attachment there would leave a broken image in every inbox).
// Everything else is copied as an ordinary attachment.
// Reference (cloud link) attachments have no bytes to copy and are refused with badRequest.
//
// A shared mailbox (IT working as a delegate of tic@) cannot take a large file: under delegated permissions
// createUploadSession succeeds only on the signed-in user's own mailbox and answers 403 elsewhere (Graph known
// issue "Attaching large files to messages with delegated permissions can fail"), and every Graph request is
// limited to 4 MB, so neither the attachments POST nor a message created with the file in its JSON body can
// carry it. No documented route copies such a file into a draft there. (createForward copies attachments on the
// server, but the mass mail would then be a forward of the case thread, carrying its conversation and thread
// topic, case id included, to every recipient.) So such a file is refused before anything is created, with its
// own code (attachmentTooLargeForSharedMailbox), and the pane says what to do instead.
import type { AttachmentItem, UploadSession } from "@microsoft/microsoft-graph-types";
import { AppError } from "../domain/errors";
import type { MailboxId } from "../ports/mailService";
import { bytesToBase64 } from "./base64";
import { ATTACHMENT_METADATA_SELECT } from "./caseQuery";
import type { GraphAttachment } from "./graphTypes";
import { queryString } from "./odata";
import { messagePath, segment } from "./paths";
import { drainResponse } from "./pipeline/context";
import { RequestTraits } from "./pipeline/requestTraits";
import type { GraphTransport } from "./transport";

/** Largest attachment sent in one POST. */
export const SMALL_ATTACHMENT_LIMIT = 3_000_000;
/** Upload ranges must be multiples of this. */
export const UPLOAD_RANGE_UNIT = 320 * 1024;
/** 10 × 320 KiB = 3.125 MiB per PUT, under the 4 MB Graph recommends. */
export const DEFAULT_UPLOAD_CHUNK = 10 * UPLOAD_RANGE_UNIT;

/** Only "me" is the signed-in user's own mailbox; the pane addresses any other (shared) mailbox by address. */
export function isOwnMailbox(mailbox: MailboxId): boolean {
  return mailbox.trim().toLowerCase() === "me";
}

/** Whether a file of this size can be copied into a draft in this mailbox (see the note at the top). */
export function canCopyAttachment(mailbox: MailboxId, size: number): boolean {
  return size <= SMALL_ATTACHMENT_LIMIT || isOwnMailbox(mailbox);
}

function tooLargeForSharedMailbox(name: string, cause?: unknown): AppError {
  return new AppError(
    "attachmentTooLargeForSharedMailbox",
    "Graph cannot attach a file over 3 MB to a draft in a shared mailbox under delegated permissions",
    { cause, details: { name } },
  );
}

/**
 * Refuses, before any draft exists, files copy() could not add to a draft in this mailbox. Graph's `size` of an
 * attachment is at least the file's length, so nothing copy() would refuse gets through.
 */
export function assertCopyable(
  mailbox: MailboxId,
  attachments: readonly { name: string; size: number }[],
): void {
  const blocked = attachments.find((a) => !canCopyAttachment(mailbox, a.size));
  if (blocked) throw tooLargeForSharedMailbox(blocked.name);
}

const FILE_TYPE = "#microsoft.graph.fileAttachment";
const ITEM_TYPE = "#microsoft.graph.itemAttachment";

interface CopySource {
  name: string;
  contentType: string;
  /** Set for an inline image that the body can reference as cid:{contentId}. */
  inlineContentId?: string;
}

/** isInline and contentId for the copy: inline only when the body can still point at it. */
function inlineFields(source: CopySource): { isInline: boolean; contentId?: string } {
  return source.inlineContentId ? { isInline: true, contentId: source.inlineContentId } : { isInline: false };
}

export class AttachmentCopier {
  constructor(
    private readonly transport: GraphTransport,
    private readonly chunkSize: number = DEFAULT_UPLOAD_CHUNK,
  ) {
    if (chunkSize <= 0 || chunkSize % UPLOAD_RANGE_UNIT !== 0) {
      throw new RangeError(`Upload chunk size must be a positive multiple of ${UPLOAD_RANGE_UNIT}`);
    }
  }

  /** Copies one by one, in order, so that memory holds one file at a time and the draft keeps the order. */
  async copy(
    mailbox: MailboxId,
    fromMessageId: string,
    toDraftId: string,
    attachmentIds: string[],
  ): Promise<void> {
    for (const attachmentId of attachmentIds) {
      const sourcePath = `${messagePath(mailbox, fromMessageId)}/attachments/${segment(attachmentId)}`;
      const source = await this.describe(sourcePath);
      const bytes = await this.transport.bytes({ method: "GET", path: `${sourcePath}/$value` });
      const targetPath = `${messagePath(mailbox, toDraftId)}/attachments`;
      if (bytes.length <= SMALL_ATTACHMENT_LIMIT) await this.post(targetPath, source, bytes);
      else if (!isOwnMailbox(mailbox)) throw tooLargeForSharedMailbox(source.name);
      else await this.uploadInRanges(targetPath, source, bytes);
    }
  }

  private async describe(sourcePath: string): Promise<CopySource> {
    const metadata = await this.transport.json<GraphAttachment>({
      method: "GET",
      path: `${sourcePath}${queryString({ $select: ATTACHMENT_METADATA_SELECT })}`,
    });
    const name = metadata.name || "attachment";
    switch (metadata["@odata.type"]) {
      case ITEM_TYPE:
        return { name: /\.eml$/i.test(name) ? name : `${name}.eml`, contentType: "message/rfc822" };
      case FILE_TYPE:
      case undefined: {
        const source: CopySource = { name, contentType: metadata.contentType || "application/octet-stream" };
        if (metadata.isInline && metadata.contentId) source.inlineContentId = metadata.contentId;
        return source;
      }
      default:
        throw new AppError("badRequest", "Only file and item attachments can be copied", {
          details: { attachmentType: metadata["@odata.type"] },
        });
    }
  }

  private async post(targetPath: string, source: CopySource, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    await this.transport.none({
      method: "POST",
      path: targetPath,
      body: {
        "@odata.type": FILE_TYPE,
        name: source.name,
        contentType: source.contentType,
        ...inlineFields(source),
        contentBytes: bytesToBase64(bytes),
      },
      traits: new RequestTraits(false, "creates"),
    });
  }

  private async uploadInRanges(
    targetPath: string,
    source: CopySource,
    bytes: Uint8Array<ArrayBuffer>,
  ): Promise<void> {
    const item: AttachmentItem = {
      attachmentType: "file",
      name: source.name,
      size: bytes.length,
      contentType: source.contentType,
      ...inlineFields(source),
    };
    // A second session after an unclear answer only wastes an empty session, so this POST may be repeated.
    const session = await this.transport.json<UploadSession>({
      method: "POST",
      path: `${targetPath}/createUploadSession`,
      body: { AttachmentItem: item },
      traits: new RequestTraits(true),
    });
    if (!session.uploadUrl) throw new AppError("unknown", "Graph returned an upload session without a URL");
    const total = bytes.length;
    let offset = firstExpected(session.nextExpectedRanges) ?? 0;
    while (offset < total) {
      const end = Math.min(offset + this.chunkSize, total);
      const response = await this.transport.upload(session.uploadUrl, bytes.subarray(offset, end), {
        "Content-Type": "application/octet-stream",
        "Content-Range": `bytes ${offset}-${end - 1}/${total}`,
      });
      if (response.status === 201) {
        await drainResponse(response);
        return;
      }
      const progress = (await response.json().catch(() => ({}))) as UploadSession;
      const next = firstExpected(progress.nextExpectedRanges) ?? end;
      if (next <= offset) throw new AppError("unknown", "The attachment upload made no progress");
      offset = next;
    }
  }
}

/** The start of the first range the server still expects ("2097152" or "2097152-3483321"). */
function firstExpected(ranges: string[] | null | undefined): number | undefined {
  const first = ranges?.[0];
  if (!first) return undefined;
  const start = Number.parseInt(first.split("-")[0] ?? "", 10);
  return Number.isNaN(start) ? undefined : start;
}
