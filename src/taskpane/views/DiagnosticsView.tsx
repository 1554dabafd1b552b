// Diagnostics: the tenant self-check for an administrator's first minutes. Runs the checks of
// src/workflow/diagnostics.ts in the mailbox the pane works in, shows each as a row (icon and words, never colour
// alone), announces progress in a live region, and copies a plain-text report.
import { Button, ProgressBar, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { SelectedItem } from "../../ports/mailHost";
import type { TenantProbe } from "../../ports/tenantProbe";
import { diagnosticsRole, plannedChecks, runDiagnostics } from "../../workflow/diagnostics";
import type { CheckResult, CheckStatus, PlannedCheck } from "../../workflow/diagnostics";
import { roleMailbox } from "../../workflow/role";
import type { PaneRole } from "../../workflow/role";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";
import {
  STATUS_KEYS,
  adviceLines,
  checkName,
  diagnosticsReport,
  factLines,
  failureLine,
} from "./diagnosticsText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase400, lineHeight: "1" },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1 },
  skipped: { color: tokens.colorNeutralForeground3 },
  detail: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** A glyph per status; the status is also written out, so colour is never the only signal. */
const ICONS: Readonly<Record<CheckStatus, string>> = { pass: "✓", fail: "✗", skipped: "–" };

export interface DiagnosticsViewProps {
  item: SelectedItem | null;
  probe: TenantProbe;
  /** The role the pane shows (from the mailbox the item lives in). */
  role: PaneRole;
}

export function DiagnosticsView({ item, probe, role }: DiagnosticsViewProps) {
  const styles = useStyles();
  const { t, lang, fmt } = useI18n();
  const { config, host, now } = useServices();
  const userAddress = host.userAddress;
  const planned = useMemo(
    () => plannedChecks({ config, userAddress, item, paneRole: role }),
    [config, userAddress, item, role],
  );
  const mailbox = roleMailbox(diagnosticsRole({ config, userAddress, item, paneRole: role }), config);
  const [results, setResults] = useState<CheckResult[]>([]);
  const [next, setNext] = useState<PlannedCheck | undefined>();
  const [running, setRunning] = useState(false);
  const [finishedAt, setFinishedAt] = useState<Date | undefined>();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function run(): Promise<void> {
    setRunning(true);
    setResults([]);
    setFinishedAt(undefined);
    setCopy("idle");
    try {
      const done = await runDiagnostics({
        probe,
        config,
        userAddress,
        paneRole: role,
        item,
        now,
        onProgress: (sofar, upcoming) => {
          setResults([...sofar]);
          setNext(upcoming);
        },
      });
      setResults(done);
      setFinishedAt(now());
    } finally {
      setRunning(false);
      setNext(undefined);
    }
  }

  const report = finishedAt
    ? diagnosticsReport(results, { t, config, lang, at: fmt.dateTime(finishedAt) })
    : "";

  async function copyReport(): Promise<void> {
    try {
      await navigator.clipboard.writeText(report);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  const count = (status: CheckStatus) => results.filter((r) => r.status === status).length;
  let announcement = "";
  if (running && next) {
    announcement = t("diag.progress", {
      current: Math.min(results.length + 1, planned.length),
      total: planned.length,
      name: checkName(next, t, config, lang),
    });
  } else if (finishedAt) {
    announcement = t("diag.done", { pass: count("pass"), fail: count("fail"), skipped: count("skipped") });
  }

  return (
    <section className={styles.root} aria-labelledby="diagnostics-title">
      <Text block as="h2" id="diagnostics-title" weight="semibold" size={400}>
        {t("diag.title")}
      </Text>
      <Text block as="p">
        {t("diag.intro", { mailbox })}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running} onClick={() => void run()}>
          {finishedAt ? t("diag.runAgain") : t("diag.run")}
        </Button>
        {finishedAt ? <Button onClick={() => void copyReport()}>{t("diag.copy")}</Button> : null}
      </div>
      {running ? (
        <ProgressBar
          value={results.length / Math.max(planned.length, 1)}
          aria-label={t("diag.title")}
          aria-valuetext={announcement}
        />
      ) : null}
      <Text block role="status" aria-live="polite">
        {announcement}
        {copy === "copied" ? ` ${t("diag.copied")}` : ""}
        {copy === "failed" ? ` ${t("diag.copyFailed")}` : ""}
      </Text>
      {results.length > 0 ? (
        <ul className={styles.list} aria-label={t("diag.results")}>
          {results.map((result, index) => (
            <ResultRow key={`${result.id}-${result.target ?? ""}-${index}`} result={result} />
          ))}
        </ul>
      ) : null}
      {copy === "failed" ? (
        <Textarea readOnly value={report} aria-label={t("diag.reportLabel")} rows={8} />
      ) : null}
    </section>
  );
}

function ResultRow({ result }: { result: CheckResult }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const { config } = useServices();
  const name = checkName(result, t, config, lang, result.facts.audience);
  const failure = failureLine(result, t);
  const advice = adviceLines(result, t);
  return (
    <li className={styles.row}>
      <span aria-hidden="true" className={`${styles.icon} ${styles[result.status]}`}>
        {ICONS[result.status]}
      </span>
      <div>
        <Text block weight="semibold">
          <span className={styles[result.status]}>{t(STATUS_KEYS[result.status])}</span>
          {": "}
          {name}
        </Text>
        {result.target ? (
          <Text block size={200} className={styles.detail}>
            {result.target}
          </Text>
        ) : null}
        {factLines(result, t).map((line) => (
          <Text block size={200} key={line}>
            {line}
          </Text>
        ))}
        {failure ? (
          <Text block size={200} font="monospace">
            {failure}
          </Text>
        ) : null}
        {advice ? (
          <>
            <Text block size={200}>
              {advice.advice}
            </Text>
            <Text block size={200} className={styles.detail}>
              {advice.docs}
            </Text>
          </>
        ) : null}
      </div>
    </li>
  );
}
