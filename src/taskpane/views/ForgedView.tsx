// A message carrying a case record that belongs to another message (copied, or naming another case than the
// message's case-id property): say so and offer nothing — no action on it, nothing written (workflow/recordStore.ts).
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { OpenedItem } from "../../workflow/openItem";
import { useI18n } from "../I18nContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ForgedViewProps {
  item: Extract<OpenedItem, { kind: "forged" }>;
}

export function ForgedView({ item }: ForgedViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.root} data-testid="forged-record">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("forged.title", { caseId: item.caseId })}</MessageBarTitle>
          {t("forged.body", { caseId: item.caseId })}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
