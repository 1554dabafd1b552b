// A stored record this version cannot read: say what is wrong, never overwrite it, offer a way on.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { OpenedItem } from "../../workflow/openItem";
import { useI18n } from "../I18nContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  detail: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface UnreadableViewProps {
  item: Extract<OpenedItem, { kind: "unreadable" }>;
  onReload(): void;
  onOpenDashboard(): void;
}

export function UnreadableView({ item, onReload, onOpenDashboard }: UnreadableViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const newer = item.reason === "newerVersion";
  return (
    <section className={styles.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{newer ? t("error.newerRecord") : t("error.invalidRecord")}</MessageBarTitle>
          {newer ? t("unreadable.newerHelp", { version: item.version ?? "?" }) : t("unreadable.corruptHelp")}
        </MessageBarBody>
      </MessageBar>
      <Text className={styles.detail}>{item.detail}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onReload}>
          {t("error.reload")}
        </Button>
        <Button onClick={onOpenDashboard}>{t("nav.dashboard")}</Button>
      </div>
    </section>
  );
}
