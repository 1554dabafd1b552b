// IT's open cases: forwards from Communications whose mass mail has not gone out yet, oldest first. A row opens
// its forward (Enter or a click).
import { Button, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { KeyboardEvent } from "react";
import type { AppError } from "../../../domain/errors";
import { toAppError } from "../../../domain/errors";
import type { ItCaseRow } from "../../../workflow/it/itDashboard";
import { itOpenCases } from "../../../workflow/it/itDashboard";
import { ErrorBar } from "../../components/ErrorBar";
import { ItStateBadge, OverdueBadge, UrgentBadge } from "../../components/StateBadge";
import { useI18n } from "../../I18nContext";
import { useOpenMessage } from "../../hooks/useOpenMessage";
import { useWorkflow } from "../../hooks/useWorkflow";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    // Column children stretch: without this a badge would be a bar the width of the row.
    alignItems: "flex-start",
    minWidth: 0,
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
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "center",
    maxWidth: "100%",
  },
  nowrap: { whiteSpace: "nowrap", overflowWrap: "normal", flexShrink: 0 },
  text: { maxWidth: "100%" },
});

export function ItDashboardView() {
  const styles = useStyles();
  const { t, fmt } = useI18n();
  const ctx = useWorkflow();
  const opener = useOpenMessage(ctx.config.itMailbox);
  const [rows, setRows] = useState<ItCaseRow[]>();
  const [error, setError] = useState<AppError>();
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let current = true;
    setRows(undefined);
    setError(undefined);
    // IT's open cases are in the configured IT mailbox (operators are its delegates), not in /me.
    itOpenCases(ctx, ctx.config.itMailbox).then(
      (r) => current && setRows(r),
      (e: unknown) => current && setError(toAppError(e)),
    );
    return () => {
      current = false;
    };
  }, [ctx, generation]);

  return (
    <section className={styles.root} aria-labelledby="it-dashboard-title">
      <Text block as="h2" id="it-dashboard-title" weight="semibold" size={400}>
        {t("it.openCases")}
      </Text>
      {error ? <ErrorBar error={error} onRetry={reload} /> : null}
      {opener.error ? <ErrorBar error={opener.error} onDismiss={opener.dismiss} /> : null}
      {!rows && !error ? <Spinner size="tiny" label={t("dashboard.loading")} /> : null}
      {rows && rows.length === 0 ? <Text>{t("it.noOpenCases")}</Text> : null}
      {rows && rows.length > 0 ? (
        <ul className={styles.list} aria-label={t("it.openCases")}>
          {rows.map((r) => (
            <li key={r.caseId}>
              <div
                className={mergeClasses(styles.item, opener.canOpen && styles.openable)}
                {...(opener.canOpen
                  ? {
                      role: "button",
                      tabIndex: 0,
                      title: t("dashboard.openRow"),
                      onClick: () => opener.open(r.message.id),
                      onKeyDown: (e: KeyboardEvent) => {
                        if (e.key !== "Enter" && e.key !== " ") return;
                        e.preventDefault();
                        opener.open(r.message.id);
                      },
                    }
                  : {})}
              >
                <div className={styles.line}>
                  <Text weight="semibold" className={styles.nowrap}>
                    {r.caseId}
                  </Text>
                  <span className={styles.nowrap}>
                    <ItStateBadge state={r.state} />
                  </span>
                  {r.overdue ? (
                    <span className={styles.nowrap}>
                      <OverdueBadge />
                    </span>
                  ) : null}
                  {r.urgent ? (
                    <span className={styles.nowrap}>
                      <UrgentBadge />
                    </span>
                  ) : null}
                </div>
                {r.dueDate ? (
                  <Text size={200} className={styles.text}>
                    {t("case.dueOn", { date: fmt.date(r.dueDate) })}
                  </Text>
                ) : null}
                <Text size={200} className={styles.text}>
                  {r.message.subject}
                </Text>
                {r.receivedAt ? (
                  <Text size={200} className={styles.text}>
                    {fmt.dateTime(r.receivedAt)}
                  </Text>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <Button appearance="subtle" onClick={reload}>
          {t("dashboard.refresh")}
        </Button>
      </div>
    </section>
  );
}
