// IT's open cases: forwards from Communications whose mass mail has not gone out yet, oldest first.
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { AppError } from "../../../domain/errors";
import { toAppError } from "../../../domain/errors";
import type { ItCaseRow } from "../../../workflow/it/itDashboard";
import { itOpenCases } from "../../../workflow/it/itDashboard";
import { ErrorBar } from "../../components/ErrorBar";
import { OverdueBadge } from "../../components/StateBadge";
import { useI18n } from "../../I18nContext";
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
  },
});

export function ItDashboardView() {
  const styles = useStyles();
  const { t, fmt } = useI18n();
  const ctx = useWorkflow();
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
      {!rows && !error ? <Spinner size="tiny" label={t("dashboard.loading")} /> : null}
      {rows && rows.length === 0 ? <Text>{t("it.noOpenCases")}</Text> : null}
      {rows && rows.length > 0 ? (
        <ul className={styles.list} aria-label={t("it.openCases")}>
          {rows.map((r) => (
            <li key={r.caseId} className={styles.item}>
              <Text weight="semibold">
                {r.caseId} · {t(`it.state.${r.state}`)}
              </Text>
              {r.overdue ? <OverdueBadge /> : null}
              {r.dueDate ? <Text size={200}>{t("case.dueOn", { date: fmt.date(r.dueDate) })}</Text> : null}
              <Text size={200}>{r.message.subject}</Text>
              {r.receivedAt ? <Text size={200}>{fmt.dateTime(r.receivedAt)}</Text> : null}
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
