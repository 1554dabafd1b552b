// The case's history, oldest first: what happened, who did it (and for which mailbox) and when.
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { HistoryAction, HistoryEntry } from "../../domain/types";
import type { MessageKey } from "../../i18n/catalogue";
import { useI18n } from "../I18nContext";

const ACTION_KEYS: Record<HistoryAction, MessageKey> = {
  created: "action.created",
  forwarded: "action.forwarded",
  reminded: "action.reminded",
  sent: "action.sent",
  confirmed: "action.confirmed",
  relayed: "action.relayed",
  closed: "action.closed",
  cancelled: "action.cancelled",
  repaired: "action.repaired",
  updated: "action.updated",
  corrected: "action.corrected",
  itAnswered: "action.itAnswered",
  asked: "action.asked",
};

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
  item: { display: "flex", flexDirection: "column" },
  meta: { color: tokens.colorNeutralForeground3 },
});

export function Timeline({ history }: { history: readonly HistoryEntry[] }) {
  const styles = useStyles();
  const { t, fmt } = useI18n();
  return (
    <ol className={styles.list}>
      {history.map((h, i) => (
        <li key={`${h.at}-${h.action}-${i}`} className={styles.item}>
          <Text weight="semibold">{t(ACTION_KEYS[h.action])}</Text>
          <Text size={200} className={styles.meta}>
            {h.for
              ? t("case.byFor", { who: h.by, mailbox: h.for, when: fmt.dateTime(h.at) })
              : t("case.by", { who: h.by, when: fmt.dateTime(h.at) })}
          </Text>
          {h.note ? <Text size={200}>{h.note}</Text> : null}
          {h.evidence?.recipientCount !== undefined ? (
            <Text size={200}>{t("case.recipients", { count: fmt.number(h.evidence.recipientCount) })}</Text>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
