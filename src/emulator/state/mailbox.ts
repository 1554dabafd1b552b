// One mailbox: its well-known folders and its messages. Delegation and Send As live in the tenant, because
// they are relations between a user and a mailbox, not properties of either.
import { FOLDER_NAMES } from "../types";
import type { FolderName } from "../types";
import { folderId } from "./ids";
import type { StoredMessage } from "./message";

export type MailboxKind = "user" | "shared";

/** The messages of a mailbox; `revision` grows with every add or removal (a listing snapshot checks it). */
export class MessageMap extends Map<string, StoredMessage> {
  revision = 0;

  override set(key: string, value: StoredMessage): this {
    this.revision += 1;
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.revision += 1;
    return super.delete(key);
  }

  override clear(): void {
    this.revision += 1;
    super.clear();
  }
}

export interface MailboxInit {
  id: string;
  address: string;
  displayName: string;
  kind: MailboxKind;
  preferredLanguage: string;
  createdDateTime: string;
}

export class Mailbox {
  readonly id: string;
  readonly address: string;
  readonly displayName: string;
  readonly kind: MailboxKind;
  readonly preferredLanguage: string;
  readonly createdDateTime: string;
  readonly messages = new MessageMap();
  private readonly folderIds: Record<FolderName, string>;

  constructor(init: MailboxInit) {
    this.id = init.id;
    this.address = init.address.toLowerCase();
    this.displayName = init.displayName;
    this.kind = init.kind;
    this.preferredLanguage = init.preferredLanguage;
    this.createdDateTime = init.createdDateTime;
    this.folderIds = Object.fromEntries(
      FOLDER_NAMES.map((name) => [name, folderId(init.id, name)]),
    ) as Record<FolderName, string>;
  }

  folderId(folder: FolderName): string {
    return this.folderIds[folder];
  }

  /** A well-known folder name (any case) or a folder id. */
  resolveFolder(ref: string): FolderName | undefined {
    const lower = ref.toLowerCase();
    const byName = FOLDER_NAMES.find((name) => name === lower);
    if (byName) return byName;
    return FOLDER_NAMES.find((name) => this.folderIds[name] === ref);
  }

  list(folder?: FolderName): StoredMessage[] {
    const all = [...this.messages.values()];
    return folder ? all.filter((m) => m.folder === folder) : all;
  }

  recipient(): { emailAddress: { name: string; address: string } } {
    return { emailAddress: { name: this.displayName, address: this.address } };
  }
}
