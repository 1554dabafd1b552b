// The pane's frame: header (with the menu that opens Diagnostics), the role's content (Communications or IT, from
// the signed-in mailbox), and the way to the dashboard.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { CommunicationsPane } from "./CommunicationsPane";
import { ErrorBar } from "./components/ErrorBar";
import { PaneHeader } from "./components/PaneHeader";
import { ServerWaitNotice } from "./components/ServerWaitNotice";
import { useI18n } from "./I18nContext";
import { ItPane } from "./ItPane";
import { useServices } from "./ServicesContext";
import { useSelectedItem } from "./hooks/useSelectedItem";
import { DiagnosticsView } from "./views/DiagnosticsView";
import { paneRoleFor } from "../workflow/role";

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
    // Addresses and long unit names wrap instead of pushing the pane sideways at 320 px.
    overflowWrap: "anywhere",
  },
});

export function Pane({ landmark }: { landmark: "main" | "none" }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { host, config, probe } = useServices();
  const selected = useSelectedItem(host);
  const [view, setView] = useState<"message" | "dashboard" | "diagnostics">("message");
  const showDashboard = view === "dashboard";
  const setShowDashboard = (open: boolean) => setView(open ? "dashboard" : "message");
  const isIt = paneRoleFor(host.userAddress, config) === "it";
  const item = selected.isLoading ? undefined : (selected.data ?? null);
  const Root = landmark === "main" ? "main" : "div";

  return (
    <Root className={styles.root} aria-busy={selected.isLoading}>
      <PaneHeader
        role={isIt ? t("app.role.it") : t("app.role.communications")}
        subviewOpen={view !== "message"}
        onBack={() => setView("message")}
        {...(probe ? { onDiagnostics: () => setView("diagnostics") } : {})}
      />
      <ServerWaitNotice />
      {view === "diagnostics" && probe ? (
        <DiagnosticsView item={item ?? null} probe={probe} />
      ) : selected.error ? (
        <ErrorBar error={selected.error} onRetry={selected.reload} />
      ) : isIt ? (
        <ItPane selected={item} showDashboard={showDashboard} onDashboard={setShowDashboard} />
      ) : (
        <CommunicationsPane selected={item} showDashboard={showDashboard} onDashboard={setShowDashboard} />
      )}
      {view !== "message" ? null : (
        <Button appearance="subtle" onClick={() => setShowDashboard(true)}>
          {isIt ? t("it.openCases") : t("nav.dashboard")}
        </Button>
      )}
    </Root>
  );
}
