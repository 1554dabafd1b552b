// Loads the request fixtures (Graph message JSON, as GET /me/messages/{id}?$expand=attachments returns
// them) and maps them to the domain's RequestMessage, as the Graph adapter does at its edge.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RequestMessage } from "../../../src/domain/types";

interface GraphFixture {
  id?: string;
  subject: string;
  from: { emailAddress: { name?: string; address: string } };
  receivedDateTime: string;
  body: { contentType: "html" | "text"; content: string };
  conversationId?: string;
  internetMessageId?: string;
  attachments?: Array<{
    id?: string;
    name: string;
    contentType: string;
    size: number;
    isInline: boolean;
    contentId?: string;
  }>;
}

export const REQUESTS_DIR = path.resolve(__dirname, "../../data/requests");

export function fixtureNames(): string[] {
  return readdirSync(REQUESTS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

/** Fixture attachments have no Graph id (they were captured without one); ids are made stable here. */
export function loadRequest(fileName: string): RequestMessage {
  const raw = JSON.parse(readFileSync(path.join(REQUESTS_DIR, fileName), "utf8")) as GraphFixture;
  return {
    id: raw.id ?? fileName.replace(/\.json$/, ""),
    subject: raw.subject,
    from: { ...raw.from.emailAddress },
    body: raw.body.content,
    bodyType: raw.body.contentType,
    receivedAt: raw.receivedDateTime,
    attachments: (raw.attachments ?? []).map((a, i) => ({
      id: a.id ?? `att-${i + 1}`,
      name: a.name,
      contentType: a.contentType,
      size: a.size,
      isInline: a.isInline,
      ...(a.contentId ? { contentId: a.contentId } : {}),
    })),
    ...(raw.conversationId ? { conversationId: raw.conversationId } : {}),
    ...(raw.internetMessageId ? { internetMessageId: raw.internetMessageId } : {}),
  };
}
