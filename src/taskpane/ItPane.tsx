// IT's taskpane: a forwarded case to send, or the list of open cases.
import { Button, Spinner, Text } from "@fluentui/react-components";
import type { SelectedItem } from "../ports/mailHost";
import { ErrorBar } from "./components/ErrorBar";
import { useI18n } from "./I18nContext";
import { useItOpened } from "./hooks/useItOpened";
import { ItCaseView } from "./views/it/ItCaseView";
import { lazyView } from "./lazyView";

const ItDashboardView = lazyView(() =>
  import(/* webpackChunkName: "it-dashboard" */ "./views/it/ItDashboardView").then((m) => m.ItDashboardView),
);

export interface ItPaneProps {
  selected: SelectedItem | null | undefined;
  showDashboard: boolean;
  onDashboard(open: boolean): void;
}

export function ItPane({ selected, showDashboard, onDashboard }: ItPaneProps) {
  const { t } = useI18n();
  const opened = useItOpened(selected);
  if (showDashboard) return <ItDashboardView />;
  if (opened.error) return <ErrorBar error={opened.error} onRetry={opened.reload} />;
  if (opened.data === undefined) return <Spinner label={t("app.loading")} />;
  if (opened.data === null) return <Text>{t("empty.noSelection")}</Text>;
  if (opened.data.kind === "itCase") return <ItCaseView key={opened.data.message.id} item={opened.data} />;
  return (
    <section aria-labelledby="it-other-title">
      <Text block as="h2" id="it-other-title" weight="semibold" size={400}>
        {t("it.notCase")}
      </Text>
      <Text block as="p">
        {t("it.notCaseBody")}
      </Text>
      <Button appearance="primary" onClick={() => onDashboard(true)}>
        {t("it.openCases")}
      </Button>
    </section>
  );
}
