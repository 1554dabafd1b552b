// All cases of the mailbox: overdue first, filtered by state, searchable by id, unit and subject, and exported
// as the quality-system register.
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { showsDueDate } from "../../domain/caseOffers";
import { CASE_STATES } from "../../domain/types";
import type { CaseState } from "../../domain/types";
import type { MessageKey } from "../../i18n/catalogue";
import type { CaseRow, StateFilter } from "../../workflow/dashboard";
import { VisibleRows } from "../../workflow/dashboard";
import { registerCsv } from "../../workflow/register";
import { ErrorBar } from "../components/ErrorBar";
import { OverdueBadge, StateBadge } from "../components/StateBadge";
import { VirtualList } from "../components/VirtualList";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";
import { useDashboard } from "../hooks/useDashboard";
import { downloadText } from "../download";

const ROW_HEIGHT = 64;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  row: {
    display: "flex",
    flexDirection: "column",
    justifyContent: "center",
    height: "100%",
    paddingInline: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    overflow: "hidden",
  },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  ellipsis: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 },
});

const STATE_KEYS: Record<CaseState, MessageKey> = {
  received: "state.received",
  forwarded: "state.forwarded",
  sent: "state.sent",
  confirmed: "state.confirmed",
  closed: "state.closed",
  cancelled: "state.cancelled",
};

export interface DashboardViewProps {
  /** Opens the quality report (computed from these same cases). */
  onOpenReport?(): void;
}

export function DashboardView({ onOpenReport }: DashboardViewProps) {
  const styles = useStyles();
  const { t, fmt, lang } = useI18n();
  const { config } = useServices();
  // The configured mailbox, whoever is signed in: /users/{address} also reaches one's own mailbox.
  const dashboard = useDashboard(config.communicationsMailbox);
  const [query, setQuery] = useState("");
  const [state, setState] = useState<StateFilter>("all");
  // The list arrives sorted and grows page by page; the filter follows it, testing only the rows each page adds.
  const [visibleRows] = useState(() => new VisibleRows());
  const visible = useMemo(
    () => visibleRows.of(dashboard.list, state, query),
    [visibleRows, dashboard.list, state, query],
  );
  const overdueCount = dashboard.list.overdue;

  const exportCsv = () => {
    const csv = registerCsv(
      visible.map((r) => r.case),
      lang,
      (c) => t(STATE_KEYS[c.state]),
    );
    downloadText(
      csv,
      `pregon-registro-${new Date().toISOString().slice(0, 10)}.csv`,
      "text/csv;charset=utf-8",
    );
  };

  const renderRow = (row: CaseRow) => (
    <div className={styles.row}>
      <div className={styles.line}>
        <Text weight="semibold" wrap={false}>
          {row.case.id}
        </Text>
        <StateBadge state={row.case.state} />
        {row.overdue ? <OverdueBadge /> : null}
      </div>
      <Text size={200} className={styles.ellipsis}>
        {row.case.fields.requestingUnit} · {row.case.fields.subject}
      </Text>
      {showsDueDate(row.case) ? (
        <Text size={200} className={styles.ellipsis}>
          {t("case.dueOn", { date: fmt.date(row.case.dueDate) })}
        </Text>
      ) : null}
    </div>
  );

  return (
    <section className={styles.root} aria-labelledby="dashboard-title">
      <div className={styles.filters}>
        <Text block as="h2" id="dashboard-title" weight="semibold" size={400}>
          {t("nav.dashboard")}
        </Text>
        {onOpenReport ? (
          <Button appearance="subtle" onClick={onOpenReport}>
            {t("report.open")}
          </Button>
        ) : null}
      </div>
      <div className={styles.filters}>
        <Field label={t("dashboard.search")}>
          <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <Field label={t("dashboard.state")}>
          <Dropdown
            value={
              state === "all"
                ? t("dashboard.all")
                : state === "overdue"
                  ? t("case.overdue")
                  : t(STATE_KEYS[state])
            }
            selectedOptions={[state]}
            onOptionSelect={(_, d) => setState((d.optionValue as StateFilter | undefined) ?? "all")}
          >
            <Option value="all">{t("dashboard.all")}</Option>
            <Option value="overdue">{t("case.overdue")}</Option>
            {CASE_STATES.map((s) => (
              <Option key={s} value={s}>
                {t(STATE_KEYS[s])}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Text role="status" size={200}>
        {t("dashboard.count", {
          shown: fmt.number(visible.length),
          total: fmt.number(dashboard.rows.length),
          overdue: fmt.number(overdueCount),
        })}
        {dashboard.linked > 0 ? ` ${t("dashboard.linked", { count: fmt.number(dashboard.linked) })}` : ""}
        {dashboard.unreadableCount > 0
          ? ` ${t("dashboard.unreadable", { count: fmt.number(dashboard.unreadableCount) })}`
          : ""}
        {dashboard.forgedCount > 0
          ? ` ${t("dashboard.forged", { count: fmt.number(dashboard.forgedCount) })}`
          : ""}
      </Text>
      {dashboard.isLoading ? <Spinner size="tiny" label={t("dashboard.loading")} /> : null}
      {dashboard.error ? <ErrorBar error={dashboard.error} onRetry={dashboard.reload} /> : null}
      <VirtualList
        items={visible}
        rowHeight={ROW_HEIGHT}
        height={Math.min(480, Math.max(ROW_HEIGHT * 2, visible.length * ROW_HEIGHT))}
        label={t("dashboard.listLabel")}
        renderRow={renderRow}
        keyOf={(r) => r.messageId}
      />
      <div className={styles.filters}>
        <Button onClick={exportCsv} disabled={visible.length === 0}>
          {t("dashboard.export")}
        </Button>
        <Button appearance="subtle" onClick={dashboard.reload}>
          {t("dashboard.refresh")}
        </Button>
      </div>
    </section>
  );
}
