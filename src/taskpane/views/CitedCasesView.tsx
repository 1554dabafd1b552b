// A message that cites two or more cases (and no case id header decides): the pane says which, and the
// professional picks the one to open; nothing is read or written for any of them until then. After a choice the
// others stay one click away.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { openCitedCase } from "../../workflow/openItem";
import type { OpenedItem } from "../../workflow/openItem";
import { ErrorBar } from "../components/ErrorBar";
import { useI18n } from "../I18nContext";
import { useAction } from "../hooks/useAction";
import { useWorkflow } from "../hooks/useWorkflow";
import { CaseView } from "./CaseView";
import { OtherView } from "./OtherView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface CitedCasesViewProps {
  item: Extract<OpenedItem, { kind: "ambiguous" }>;
  onOpenDashboard(): void;
}

export function CitedCasesView({ item, onOpenDashboard }: CitedCasesViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const ctx = useWorkflow();
  const [chosen, setChosen] = useState<{ id: string; opened: OpenedItem }>();
  const open = useCallback(
    async (id: string) => ({ id, opened: await openCitedCase(ctx, item.mailbox, item.message, id) }),
    [ctx, item],
  );
  const action = useAction(open, setChosen);
  const [first = "", second = ""] = item.caseIds;
  const title =
    item.caseIds.length === 2
      ? t("cited.two", { first, second })
      : t("cited.many", { count: item.caseIds.length, ids: item.caseIds.join(", ") });

  const openButtons = (ids: readonly string[]) => (
    <div className={styles.actions}>
      {ids.map((id) => (
        <Button key={id} disabled={action.isRunning} onClick={() => void action.run(id)}>
          {t("cited.open", { id })}
        </Button>
      ))}
      {action.isRunning ? <Spinner size="tiny" label={t("app.loading")} /> : null}
    </div>
  );

  if (chosen) {
    const others = item.caseIds.filter((id) => id !== chosen.id);
    return (
      <div className={styles.root}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <Text>{t("cited.alsoCites", { ids: others.join(", ") })}</Text>
            {openButtons(others)}
          </MessageBarBody>
        </MessageBar>
        {action.error ? <ErrorBar error={action.error} onRetry={() => void action.retry()} /> : null}
        {chosen.opened.kind === "case" ? (
          <CaseView key={chosen.id} item={chosen.opened} />
        ) : (
          <OtherView onOpenDashboard={onOpenDashboard} caseId={chosen.id} />
        )}
      </div>
    );
  }

  return (
    <section className={styles.root} aria-labelledby="cited-title">
      <Text block as="h2" id="cited-title" weight="semibold" size={400}>
        {title}
      </Text>
      <Text>{t("cited.help")}</Text>
      {openButtons(item.caseIds)}
      {action.error ? <ErrorBar error={action.error} onRetry={() => void action.retry()} /> : null}
    </section>
  );
}
