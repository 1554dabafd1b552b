import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../I18nContext";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
});

export interface PaneHeaderProps {
  dashboardOpen: boolean;
  onToggleDashboard(): void;
}

export function PaneHeader({ dashboardOpen, onToggleDashboard }: PaneHeaderProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <header className={styles.header}>
      <Text as="h1" weight="semibold" size={500}>
        {t("app.title")}
      </Text>
      {dashboardOpen ? (
        <Button appearance="transparent" onClick={onToggleDashboard}>
          {t("nav.back")}
        </Button>
      ) : null}
    </header>
  );
}
