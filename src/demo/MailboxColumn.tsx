// One side of the demo: a mailbox's message list beside the real taskpane.
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Tenant } from "../emulator";
import type { FolderName } from "../ports/mailService";
import { App } from "../taskpane/App";
import type { Services } from "../taskpane/ServicesContext";
import type { DemoMailHost } from "./DemoMailHost";
import { toEwsId } from "./officeIds";
import type { DemoStrings } from "./demoStrings";
import type { ListedMessage } from "./MailboxList";
import { MailboxList } from "./MailboxList";

const useStyles = makeStyles({
  column: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    minHeight: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  body: { display: "flex", gap: tokens.spacingHorizontalS, minHeight: 0, flexGrow: 1, alignItems: "stretch" },
  list: { flex: "1 1 240px", minWidth: "200px", display: "flex", minHeight: 0 },
  pane: {
    flex: "0 0 auto",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

const FOLDERS: readonly FolderName[] = ["inbox", "sentitems", "drafts"];

export interface MailboxColumnProps {
  title: string;
  mailboxAddress: string;
  /** "me" or the shared mailbox address, as the taskpane will address it in Graph. */
  graphMailbox: string;
  tenant: Tenant;
  host: DemoMailHost;
  services: Services;
  strings: DemoStrings;
  lang: string;
  paneWidth: number;
  version: number;
  formatWhen(iso: string): string;
  /** Names the pane for tests and screenshots. */
  paneId: "communications" | "it";
}

export function MailboxColumn(props: MailboxColumnProps) {
  const styles = useStyles();
  const [folder, setFolder] = useState<FolderName>("inbox");
  const [selectedId, setSelectedId] = useState<string>();
  const { tenant, mailboxAddress, version, formatWhen } = props;
  const selectedRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    selectedRef.current = selectedId;
  }, [selectedId]);

  const messages = useMemo<ListedMessage[]>(() => {
    void version; // re-read when the tenant changed
    return tenant
      .storedMessages(mailboxAddress, folder)
      .slice()
      .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime) || b.seq - a.seq)
      .slice(0, 300)
      .map((m) => ({
        id: m.id,
        subject: m.subject || "(sin asunto)",
        from:
          folder === "inbox"
            ? (m.from?.emailAddress.name ?? m.from?.emailAddress.address ?? "")
            : m.toRecipients.map((r) => r.emailAddress.address).join(", ") ||
              m.bccRecipients.map((r) => r.emailAddress.address).join(", "),
        to: m.toRecipients.map((r) => r.emailAddress.address).join(", "),
        when: formatWhen(folder === "inbox" ? m.receivedDateTime : m.sentDateTime || m.lastModifiedDateTime),
        categories: m.categories,
        hasAttachments: m.attachments.length > 0,
        isRead: m.isRead,
      }));
  }, [tenant, mailboxAddress, folder, version, formatWhen]);

  const { host, graphMailbox } = props;
  useEffect(() => {
    const chosen = messages.find((m) => m.id === selectedId);
    // Outlook hands an add-in the EWS form of the id; the host converts it as the Office adapter does.
    host.select(
      chosen ? { ewsItemId: toEwsId(chosen.id), subject: chosen.subject, mailbox: graphMailbox } : null,
    );
    // Only a new selection is an ItemChanged; a refreshed list keeps the pane where it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host, graphMailbox, selectedId]);

  // The pane asks to show a message (a dashboard row): select it in its folder, as a click would. Selecting the
  // message that is already selected is still an ItemChanged, so the pane leaves its dashboard for it.
  useEffect(
    () =>
      host.onOpenMessage((id) => {
        const where = FOLDERS.find((f) => tenant.storedMessages(mailboxAddress, f).some((m) => m.id === id));
        if (!where) return;
        setFolder(where);
        if (id === selectedRef.current) {
          const subject =
            tenant.storedMessages(mailboxAddress, where).find((m) => m.id === id)?.subject ?? "";
          host.select({ ewsItemId: toEwsId(id), subject, mailbox: graphMailbox });
        } else setSelectedId(id);
      }),
    [host, tenant, mailboxAddress, graphMailbox],
  );

  return (
    <section className={styles.column} aria-label={props.title}>
      <Text block as="h2" weight="semibold">
        {props.title}{" "}
        <Text size={200}>
          ({props.strings.signedInAs.replace("{user}", host.userAddress).replace("{mailbox}", mailboxAddress)}
          )
        </Text>
      </Text>
      <div className={styles.body}>
        <div className={styles.list}>
          <MailboxList
            label={props.title}
            folder={folder}
            folderLabels={{
              inbox: props.strings.inbox,
              sentitems: props.strings.sentitems,
              drafts: props.strings.drafts,
            }}
            onFolder={(f) => {
              setFolder(f);
              setSelectedId(undefined);
            }}
            messages={messages}
            selectedId={selectedId}
            onSelect={setSelectedId}
            emptyLabel={props.strings.empty}
            attachmentLabel={props.strings.attachment}
          />
        </div>
        <div className={styles.pane} style={{ width: props.paneWidth }} data-testid={`pane-${props.paneId}`}>
          <App key={props.lang} services={props.services} landmark="none" />
        </div>
      </div>
    </section>
  );
}
