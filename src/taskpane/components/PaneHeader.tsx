import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../I18nContext";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  role: { color: tokens.colorNeutralForeground3 },
});

export interface PaneHeaderProps {
  role: string;
  dashboardOpen: boolean;
  onBack(): void;
}

export function PaneHeader({ role, dashboardOpen, onBack }: PaneHeaderProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <header className={styles.header}>
      <div>
        <Text block as="h1" weight="semibold" size={500}>
          {t("app.title")}
        </Text>{" "}
        <Text size={200} className={styles.role}>
          {role}
        </Text>
      </div>
      {dashboardOpen ? (
        <Button appearance="transparent" onClick={onBack}>
          {t("nav.back")}
        </Button>
      ) : null}
    </header>
  );
}
