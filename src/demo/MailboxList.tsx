// The stand-in for Outlook's message list: folders and messages of one mailbox, read straight from the
// embedded tenant. Selecting a message tells the mail-host stand-in, as Outlook's ItemChanged would.
import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { FolderName } from "../ports/mailService";

export interface ListedMessage {
  id: string;
  subject: string;
  from: string;
  to: string;
  when: string;
  categories: string[];
  hasAttachments: boolean;
  isRead: boolean;
}

const useStyles = makeStyles({
  tabs: { flexWrap: "wrap" },
  root: {
    flexGrow: 1,
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    gap: tokens.spacingVerticalXS,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    overflowY: "auto",
    flexGrow: 1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  item: {
    display: "block",
    width: "100%",
    textAlign: "start",
    border: "none",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  line: { display: "block", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  unread: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  empty: { padding: tokens.spacingHorizontalM },
});

export interface MailboxListProps {
  label: string;
  folder: FolderName;
  folderLabels: Record<FolderName, string>;
  onFolder(folder: FolderName): void;
  messages: ListedMessage[];
  selectedId?: string;
  onSelect(id: string): void;
  emptyLabel: string;
  attachmentLabel: string;
}

export function MailboxList(props: MailboxListProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={props.folder}
        onTabSelect={(_, d) => props.onFolder(d.value as FolderName)}
        aria-label={props.label}
      >
        {(["inbox", "sentitems", "drafts"] as const).map((f) => (
          <Tab key={f} value={f}>
            {props.folderLabels[f]}
          </Tab>
        ))}
      </TabList>
      <ul className={styles.list} aria-label={`${props.label}: ${props.folderLabels[props.folder]}`}>
        {props.messages.length === 0 ? (
          <li className={styles.empty}>
            <Text size={200}>{props.emptyLabel}</Text>
          </li>
        ) : (
          props.messages.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className={mergeClasses(styles.item, m.id === props.selectedId && styles.selected)}
                aria-current={m.id === props.selectedId ? "true" : undefined}
                onClick={() => props.onSelect(m.id)}
              >
                <span className={mergeClasses(styles.line, !m.isRead && styles.unread)}>{m.from}</span>
                <span className={mergeClasses(styles.line, !m.isRead && styles.unread)}>{m.subject}</span>
                <span className={mergeClasses(styles.line, styles.meta)}>
                  {m.when}
                  {m.hasAttachments ? ` · ${props.attachmentLabel}` : ""}
                  {m.categories.length > 0 ? ` · ${m.categories.join(", ")}` : ""}
                </span>
              </button>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
