import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../I18nContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface OtherViewProps {
  onOpenDashboard(): void;
  onTreatAsRequest?: () => void;
  /** A case id seen in the subject whose case is not in this mailbox. */
  caseId?: string;
}

export function OtherView({ onOpenDashboard, onTreatAsRequest, caseId }: OtherViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.root} aria-labelledby="other-title">
      <Text block as="h2" id="other-title" weight="semibold" size={400}>
        {t("empty.title")}
      </Text>
      <Text>{caseId ? t("other.caseElsewhere", { id: caseId }) : t("empty.body")}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onOpenDashboard}>
          {t("nav.dashboard")}
        </Button>
        {onTreatAsRequest ? <Button onClick={onTreatAsRequest}>{t("other.treatAsRequest")}</Button> : null}
      </div>
    </section>
  );
}
