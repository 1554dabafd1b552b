// The pane's frame: header (with the menu that opens Diagnostics), the role's content (Communications or IT, from
// the mailbox the selected item lives in — never from the signed-in address), and the way to the dashboard.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { ErrorBar } from "./components/ErrorBar";
import { PaneHeader } from "./components/PaneHeader";
import { ServerWaitNotice } from "./components/ServerWaitNotice";
import { useI18n } from "./I18nContext";
import { useServices } from "./ServicesContext";
import { useResolvedItem } from "./hooks/useResolvedItem";
import { useSelectedItem } from "./hooks/useSelectedItem";
import { lazyView } from "./lazyView";

// The role's pane is a chunk of its own, fetched once the frame (the first screen) shows that it is loading: the
// Communications pane with the workflow, the intake and the record schemas it runs; IT's pane and Diagnostics,
// which a Communications user opening a request never runs.
const CommunicationsPane = lazyView(
  () =>
    import(/* webpackChunkName: "communications" */ "./chunks/communications").then(
      (m) => m.CommunicationsPane,
    ),
  { afterFirstPaint: true },
);
const ItPane = lazyView(() => import(/* webpackChunkName: "it" */ "./chunks/it").then((m) => m.ItPane), {
  afterFirstPaint: true,
});
const DiagnosticsView = lazyView(() =>
  import(/* webpackChunkName: "diagnostics" */ "./chunks/diagnostics").then((m) => m.DiagnosticsView),
);

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
  const { host, probe } = useServices();
  const selected = useSelectedItem(host);
  const resolved = useResolvedItem(selected.isLoading ? undefined : (selected.data ?? null));
  const [view, setView] = useState<"message" | "dashboard" | "diagnostics">("message");
  const showDashboard = view === "dashboard";
  const setShowDashboard = (open: boolean) => setView(open ? "dashboard" : "message");
  // Selecting a message (in Outlook's list, or a dashboard row in the demo) leaves the dashboard for it.
  useEffect(() => host.onSelectionChanged(() => setView((v) => (v === "dashboard" ? "message" : v))), [host]);
  const isIt = resolved.role === "it";
  const item = resolved.item;
  const error = selected.error ?? resolved.error;
  const Root = landmark === "main" ? "main" : "div";

  return (
    <Root className={styles.root} aria-busy={selected.isLoading || (item === undefined && !error)}>
      <PaneHeader
        role={isIt ? t("app.role.it") : t("app.role.communications")}
        subviewOpen={view !== "message"}
        onBack={() => setView("message")}
        {...(probe ? { onDiagnostics: () => setView("diagnostics") } : {})}
      />
      <ServerWaitNotice />
      {view === "diagnostics" && probe ? (
        <DiagnosticsView item={item ?? null} probe={probe} role={resolved.role} />
      ) : error ? (
        <ErrorBar error={error} onRetry={selected.reload} />
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
