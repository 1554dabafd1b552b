// The tenant self-check's Graph calls (TenantProbe): each one is a call the add-in really makes, built with the
// adapter's own query builders, mappers and property ids, so a refusal here is a refusal the product would meet.
//
// Upload sessions: Graph documents them for files from 3 MB (smaller ones go in one POST) and Exchange refuses a
// session for a small declared size, so the session declares 3 MiB, and one PUT sends the first 320 KiB range (ranges are multiples of
// 320 KiB) to the returned uploadUrl: on Exchange Online that URL is on outlook.office.com, pre-authenticated, and
// gets no Authorization header. The partial PUT answers 200 with nextExpectedRanges; the session is then
// cancelled with DELETE on the same URL, and the draft (with anything attached) is deleted by the caller.
import type { UploadSession } from "@microsoft/microsoft-graph-types";
import { AppError, isAppError } from "../domain/errors";
import type { CaseProps, CaseQuery, MailboxId } from "../ports/mailService";
import type {
  DiagnosticDraftInput,
  ProbeDraft,
  SignInInfo,
  StaleEtagOutcome,
  TenantProbe,
  UploadOutcome,
} from "../ports/tenantProbe";
import { UPLOAD_RANGE_UNIT } from "./attachments";
import { getMessageQuery, listCasesQuery } from "./caseQuery";
import { createGraphTransport } from "./createTransport";
import type { TransportOptions } from "./createTransport";
import type { GraphCollection, GraphMessage } from "./graphTypes";
import { GROUP_COUNT_SCOPES, groupMemberCount, withScopes } from "./groups";
import { toCaseProps, toExtendedProperties } from "./mappers";
import { messagePath, messagesPath } from "./paths";
import { drainResponse } from "./pipeline/context";
import { RequestTraits } from "./pipeline/requestTraits";
import type { AccessTokenProvider } from "./tokenProvider";
import type { GraphTransport } from "./transport";

/** Declared size of the probe's upload session: above Graph's 3 MB threshold for upload sessions. */
export const PROBE_UPLOAD_SIZE = 3 * 1024 * 1024;
/** The one range the probe sends. */
export const PROBE_UPLOAD_RANGE = UPLOAD_RANGE_UNIT;

export class GraphTenantProbe implements TenantProbe {
  private readonly transport: GraphTransport;
  /** Member counts ask for GroupMember.Read.All, as the product's counts do (incremental consent). */
  private readonly directory: GraphTransport;

  constructor(
    private readonly tokens: AccessTokenProvider,
    options: TransportOptions = {},
  ) {
    this.transport = createGraphTransport(tokens, options).transport;
    this.directory = createGraphTransport(withScopes(tokens, GROUP_COUNT_SCOPES), options).transport;
  }

  async openItem(mailbox: MailboxId, itemId: string): Promise<{ caseProps: CaseProps }> {
    // openItem in the workflow asks for the body and the attachment list.
    const message = await this.transport.json<GraphMessage>({
      method: "GET",
      path: `${messagePath(mailbox, itemId)}${getMessageQuery({ withBody: true, withAttachments: true })}`,
    });
    return { caseProps: toCaseProps(message.singleValueExtendedProperties) };
  }

  async createDraft(mailbox: MailboxId, draft: DiagnosticDraftInput): Promise<ProbeDraft> {
    const body: GraphMessage = {
      subject: draft.subject,
      body: { contentType: "html", content: draft.bodyHtml },
      singleValueExtendedProperties: toExtendedProperties(draft.caseProps),
      internetMessageHeaders: Object.entries(draft.headers).map(([name, value]) => ({ name, value })),
    };
    const created = await this.transport.json<GraphMessage>({
      method: "POST",
      path: messagesPath(mailbox),
      body,
      traits: new RequestTraits(false, "creates"),
    });
    if (!created.id) throw new AppError("unknown", "Graph created a draft without an id");
    return created["@odata.etag"] ? { id: created.id, etag: created["@odata.etag"] } : { id: created.id };
  }

  async findMessages(mailbox: MailboxId, query: CaseQuery): Promise<string[]> {
    const page = await this.transport.json<GraphCollection<GraphMessage>>({
      method: "GET",
      path: `${messagesPath(mailbox, query.folder)}${listCasesQuery(query)}`,
    });
    return (page.value ?? []).flatMap((m) => (m.id ? [m.id] : []));
  }

  async patchWithStaleEtag(
    mailbox: MailboxId,
    draft: ProbeDraft,
    props: CaseProps,
  ): Promise<StaleEtagOutcome> {
    if (!draft.etag) throw new AppError("unknown", "Graph returned the draft without an etag");
    const path = messagePath(mailbox, draft.id);
    const body: GraphMessage = { singleValueExtendedProperties: toExtendedProperties(props) };
    // The write the product makes (writeCaseProps with the etag it read): must succeed and change the etag.
    const fresh = await this.transport.json<GraphMessage>({
      method: "PATCH",
      path,
      body,
      headers: { "If-Match": draft.etag },
    });
    const freshEtag = fresh["@odata.etag"] ?? undefined;
    try {
      const response = await this.transport.send({
        method: "PATCH",
        path,
        body,
        headers: { "If-Match": draft.etag },
      });
      await drainResponse(response);
      return { ...(freshEtag ? { freshEtag } : {}), acceptedStatus: response.status };
    } catch (e) {
      if (isAppError(e) && e.details?.status === 412) return freshEtag ? { freshEtag } : {};
      throw e;
    }
  }

  async uploadSession(mailbox: MailboxId, draftId: string): Promise<UploadOutcome> {
    const session = await this.transport.json<UploadSession>({
      method: "POST",
      path: `${messagePath(mailbox, draftId)}/attachments/createUploadSession`,
      body: {
        AttachmentItem: {
          attachmentType: "file",
          name: "pregon-diagnostico.bin",
          size: PROBE_UPLOAD_SIZE,
          contentType: "application/octet-stream",
        },
      },
      traits: new RequestTraits(true),
    });
    if (!session.uploadUrl) throw new AppError("unknown", "Graph returned an upload session without a URL");
    const uploadHost = hostOf(session.uploadUrl);
    const bytes = new Uint8Array(new ArrayBuffer(PROBE_UPLOAD_RANGE));
    try {
      const response = await this.transport.upload(session.uploadUrl, bytes, {
        "Content-Type": "application/octet-stream",
        "Content-Range": `bytes 0-${PROBE_UPLOAD_RANGE - 1}/${PROBE_UPLOAD_SIZE}`,
      });
      await drainResponse(response);
    } finally {
      await this.cancelQuietly(session.uploadUrl);
    }
    return { uploadHost, bytesSent: bytes.length };
  }

  async deleteMessage(mailbox: MailboxId, id: string): Promise<void> {
    await this.transport.none({ method: "DELETE", path: messagePath(mailbox, id) });
  }

  async messageExists(mailbox: MailboxId, id: string): Promise<boolean> {
    try {
      await this.transport.none({ method: "GET", path: `${messagePath(mailbox, id)}?$select=id` });
      return true;
    } catch (e) {
      if (isAppError(e) && e.code === "notFound") return false;
      throw e;
    }
  }

  groupMemberCount(groupAddress: string): Promise<number> {
    return groupMemberCount(this.directory, groupAddress);
  }

  signIn(): Promise<SignInInfo | undefined> {
    return Promise.resolve(this.tokens.signInInfo?.());
  }

  /** The draft's deletion takes the session with it; cancelling first only tidies up sooner. */
  private async cancelQuietly(uploadUrl: string): Promise<void> {
    try {
      await drainResponse(await this.transport.cancelUpload(uploadUrl));
    } catch {
      // An expired or already finished session: nothing to cancel.
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}
