// Chooses what to show: the view for the selected message, or the dashboard.
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ErrorBar } from "./components/ErrorBar";
import { PaneHeader } from "./components/PaneHeader";
import { useI18n } from "./I18nContext";
import { useServices } from "./ServicesContext";
import { useOpenedItem } from "./hooks/useOpenedItem";
import { useSelectedItem } from "./hooks/useSelectedItem";
import { ItemView } from "./views/ItemView";
import { DashboardView } from "./views/DashboardView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100%",
  },
});

export function Pane() {
  const styles = useStyles();
  const { t } = useI18n();
  const { host } = useServices();
  const selected = useSelectedItem(host);
  const opened = useOpenedItem(selected.isLoading ? undefined : (selected.data ?? null));
  const [showDashboard, setShowDashboard] = useState(false);

  return (
    <main className={styles.root} aria-busy={selected.isLoading || opened.isLoading}>
      <PaneHeader dashboardOpen={showDashboard} onToggleDashboard={() => setShowDashboard((v) => !v)} />
      {showDashboard ? (
        <DashboardView onClose={() => setShowDashboard(false)} />
      ) : selected.error ? (
        <ErrorBar error={selected.error} onRetry={selected.reload} />
      ) : opened.error ? (
        <ErrorBar error={opened.error} onRetry={opened.reload} />
      ) : selected.isLoading || opened.isLoading || opened.data === undefined ? (
        <Spinner label={t("app.loading")} />
      ) : opened.data === null ? (
        <p>{t("empty.noSelection")}</p>
      ) : (
        <ItemView
          item={opened.data}
          onChanged={opened.replace}
          onReload={opened.reload}
          onOpenDashboard={() => setShowDashboard(true)}
        />
      )}
      {showDashboard ? null : (
        <Button appearance="subtle" onClick={() => setShowDashboard(true)}>
          {t("nav.dashboard")}
        </Button>
      )}
    </main>
  );
}
