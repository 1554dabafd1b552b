// All cases of the mailbox: open ones first (overdue first among them), closed and cancelled ones after them under
// a heading of their own; filtered by state, searchable by id, unit and subject (accents and case ignored),
// exported as the quality-system register. A row opens its message (Enter or a click).
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { KeyboardEvent } from "react";
import { showsDueDate } from "../../domain/caseOffers";
import { CASE_STATES } from "../../domain/types";
import type { CaseState } from "../../domain/types";
import type { MessageKey } from "../../i18n/catalogue";
import type { CaseRow, StateFilter } from "../../workflow/dashboard";
import { VisibleRows, isFinishedRow, overdueCount } from "../../workflow/dashboard";
import { registerCsv, registerFileName } from "../../workflow/register";
import { ErrorBar } from "../components/ErrorBar";
import { OverdueBadge, StateBadge, UrgentBadge } from "../components/StateBadge";
import { VirtualList } from "../components/VirtualList";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";
import { useDashboard } from "../hooks/useDashboard";
import { useOpenMessage } from "../hooks/useOpenMessage";
import { downloadText } from "../download";

// Room for the id and its badges on two lines (a 320 px pane), the unit and subject, and the due date.
const ROW_HEIGHT = 80;

/** A case, or the heading before the first closed or cancelled one. */
type Entry = { kind: "case"; row: CaseRow } | { kind: "finished" };

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
    boxSizing: "border-box",
  },
  openable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  // The id and the badges wrap as whole words (the pane's overflowWrap "anywhere" would cut "Vencido" in two).
  line: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    minWidth: 0,
  },
  nowrap: { whiteSpace: "nowrap", overflowWrap: "normal", flexShrink: 0 },
  ellipsis: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 },
  group: {
    display: "flex",
    alignItems: "flex-end",
    height: "100%",
    boxSizing: "border-box",
    paddingInline: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
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
  const opener = useOpenMessage(config.communicationsMailbox);
  // The list arrives sorted and grows page by page; the filter follows it, testing only the rows each page adds.
  const [visibleRows] = useState(() => new VisibleRows());
  const visible = useMemo(
    () => visibleRows.of(dashboard.list, state, query),
    [visibleRows, dashboard.list, state, query],
  );
  // The overdue count follows the filter: "3 of 40 cases; 1 overdue" speaks of the 3 shown.
  const overdueShown = useMemo(
    () => (visible === dashboard.list.rows ? dashboard.list.overdue : overdueCount(visible)),
    [visible, dashboard.list],
  );
  // Closed and cancelled cases sort last (compareRows); a heading marks where they start.
  const { entries, headingAt } = useMemo(() => {
    const firstFinished = visible.findIndex(isFinishedRow);
    const all: Entry[] = visible.map((row) => ({ kind: "case", row }));
    if (firstFinished >= 0) all.splice(firstFinished, 0, { kind: "finished" });
    return { entries: all, headingAt: firstFinished };
  }, [visible]);
  // The heading is not a case: screen readers count the cases only ("12 of 40").
  const positionOf = (entry: Entry, index: number) =>
    entry.kind === "finished"
      ? undefined
      : { posInSet: headingAt >= 0 && index > headingAt ? index : index + 1, setSize: visible.length };

  const exportCsv = () => {
    const csv = registerCsv(
      visible.map((r) => r.case),
      lang,
      (c) => t(STATE_KEYS[c.state]),
      config.institution.timeZone,
    );
    downloadText(
      csv,
      registerFileName(lang, new Date(), config.institution.timeZone),
      "text/csv;charset=utf-8",
    );
  };

  const openRow = (row: CaseRow) => opener.open(row.messageId);
  const renderCase = (row: CaseRow) => (
    <div
      className={mergeClasses(styles.row, opener.canOpen && styles.openable)}
      {...(opener.canOpen
        ? {
            role: "button",
            tabIndex: 0,
            title: t("dashboard.openRow"),
            onClick: () => openRow(row),
            onKeyDown: (e: KeyboardEvent) => {
              if (e.key !== "Enter" && e.key !== " ") return;
              e.preventDefault();
              openRow(row);
            },
          }
        : {})}
    >
      <div className={styles.line}>
        <Text weight="semibold" className={styles.nowrap}>
          {row.case.id}
        </Text>
        <span className={styles.nowrap}>
          <StateBadge state={row.case.state} />
        </span>
        {row.overdue ? (
          <span className={styles.nowrap}>
            <OverdueBadge />
          </span>
        ) : null}
        {row.case.fields.urgency === "urgent" ? (
          <span className={styles.nowrap}>
            <UrgentBadge />
          </span>
        ) : null}
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
                  : state === "open"
                    ? t("dashboard.open")
                    : t(STATE_KEYS[state])
            }
            selectedOptions={[state]}
            onOptionSelect={(_, d) => setState((d.optionValue as StateFilter | undefined) ?? "all")}
          >
            <Option value="all">{t("dashboard.all")}</Option>
            <Option value="overdue">{t("case.overdue")}</Option>
            <Option value="open">{t("dashboard.open")}</Option>
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
          overdue: fmt.number(overdueShown),
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
      {opener.error ? <ErrorBar error={opener.error} onDismiss={opener.dismiss} /> : null}
      <VirtualList
        items={entries}
        rowHeight={ROW_HEIGHT}
        height={Math.min(480, Math.max(ROW_HEIGHT * 2, entries.length * ROW_HEIGHT))}
        label={t("dashboard.listLabel")}
        renderRow={(entry) =>
          entry.kind === "case" ? (
            renderCase(entry.row)
          ) : (
            <div className={styles.group}>
              <Text weight="semibold" size={200}>
                {t("dashboard.finishedGroup")}
              </Text>
            </div>
          )
        }
        keyOf={(entry) => (entry.kind === "case" ? entry.row.messageId : "finished")}
        positionOf={positionOf}
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
