// Opening a dashboard row's message through the mail host: Outlook shows it in its read form, the demo selects
// it in its list (and the pane, following the selection, leaves the dashboard for it).
import { useCallback, useState } from "react";
import type { AppError } from "../../domain/errors";
import { toAppError } from "../../domain/errors";
import type { MailboxId } from "../../ports/mailService";
import { useServices } from "../ServicesContext";

export interface OpenMessage {
  /** False where the host cannot show a message (Outlook on iOS/Android, a host without the method). */
  canOpen: boolean;
  open(graphMessageId: string): void;
  error?: AppError;
  dismiss(): void;
}

export function useOpenMessage(mailbox: MailboxId): OpenMessage {
  const { host } = useServices();
  const [error, setError] = useState<AppError>();
  const canOpen = typeof host.openMessage === "function" && (host.canOpenMessage?.() ?? false);
  const open = useCallback(
    (graphMessageId: string) => {
      if (!host.openMessage) return;
      setError(undefined);
      host.openMessage(graphMessageId, mailbox).catch((e: unknown) => setError(toAppError(e)));
    },
    [host, mailbox],
  );
  const dismiss = useCallback(() => setError(undefined), []);
  return { canOpen, open, error, dismiss };
}
