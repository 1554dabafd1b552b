// The Communications professional's taskpane: the selected message as a request, a case or neither, or the
// dashboard and its quality report.
import { Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { SelectedItem } from "../ports/mailHost";
import { ErrorBar } from "./components/ErrorBar";
import { useI18n } from "./I18nContext";
import { useOpenedItem } from "./hooks/useOpenedItem";
import { lazyView } from "./lazyView";
import { ItemView } from "./views/ItemView";

// The dashboard (with its CSV export) is fetched the first time it is opened.
const DashboardView = lazyView(() =>
  import(/* webpackChunkName: "dashboard" */ "./views/DashboardView").then((m) => m.DashboardView),
);

// The quality report is fetched the first time it is opened from the dashboard (its chart is a further chunk).
const QualityReportView = lazyView(() =>
  import(/* webpackChunkName: "quality-report" */ "./views/QualityReportView").then(
    (m) => m.QualityReportView,
  ),
);

export interface CommunicationsPaneProps {
  selected: SelectedItem | null | undefined;
  showDashboard: boolean;
  onDashboard(open: boolean): void;
}

export function CommunicationsPane({ selected, showDashboard, onDashboard }: CommunicationsPaneProps) {
  const { t } = useI18n();
  const opened = useOpenedItem(selected);
  const [showReport, setShowReport] = useState(false);
  // Leaving the dashboard leaves its report too: the dashboard opens on its list the next time.
  if (!showDashboard && showReport) setShowReport(false);
  if (showDashboard && showReport) return <QualityReportView onBack={() => setShowReport(false)} />;
  if (showDashboard) return <DashboardView onOpenReport={() => setShowReport(true)} />;
  if (opened.error) return <ErrorBar error={opened.error} onRetry={opened.reload} />;
  if (opened.data === undefined) return <Spinner label={t("app.loading")} />;
  if (opened.data === null) return <Text>{t("empty.noSelection")}</Text>;
  return (
    <ItemView
      key={opened.data.message.id}
      item={opened.data}
      onReload={opened.reload}
      onOpenDashboard={() => onDashboard(true)}
    />
  );
}
