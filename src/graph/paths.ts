// Graph resource paths for a mailbox. "me" is the signed-in user; anything else is the SMTP address of a
// mailbox the user has delegated access to (a shared mailbox such as comunicaciones@), addressed as /users/{address}.
import { AppError } from "../domain/errors";
import type { FolderName, MailboxId } from "../ports/mailService";

/** One path segment, percent-encoded (ids contain `=`, `+`, `/`; addresses contain `@`). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

export function mailboxRoot(mailbox: MailboxId): string {
  const trimmed = mailbox.trim();
  if (trimmed === "") throw new AppError("badRequest", "Empty mailbox id", { details: { field: "mailbox" } });
  return trimmed.toLowerCase() === "me" ? "/me" : `/users/${segment(trimmed)}`;
}

export function messagesPath(mailbox: MailboxId, folder?: FolderName): string {
  const root = mailboxRoot(mailbox);
  return folder ? `${root}/mailFolders/${segment(folder)}/messages` : `${root}/messages`;
}

export function messagePath(mailbox: MailboxId, messageId: string): string {
  if (messageId === "")
    throw new AppError("badRequest", "Empty message id", { details: { field: "messageId" } });
  return `${mailboxRoot(mailbox)}/messages/${segment(messageId)}`;
}
