// The groups the mass mail goes to, each with its member count from the directory, and the total. A count the
// directory cannot give never blocks the choice: it says why, with a retry when asking again may help.
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { AudienceKey } from "../../../domain/types";
import type { AudienceCount } from "../../../workflow/it/groups";
import { overlapWarning } from "../../../workflow/it/groups";
import { useI18n } from "../../I18nContext";
import { useServices } from "../../ServicesContext";
import type { AudienceCountsState } from "../../hooks/useAudienceCounts";

const useStyles = makeStyles({
  root: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    // A fieldset's min-width is its content's by default: long group addresses would push the pane sideways.
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  checkbox: { minWidth: 0, flex: "1 1 12rem" },
  label: { overflowWrap: "anywhere" },
});

export interface AudiencePickerProps {
  chosen: AudienceKey[];
  onChange(next: AudienceKey[]): void;
  counts: Pick<AudienceCountsState, "isLoading" | "data" | "retrying" | "retry">;
  disabled?: boolean;
}

export function AudiencePicker({ chosen, onChange, counts, disabled }: AudiencePickerProps) {
  const styles = useStyles();
  const { t, fmt, lang } = useI18n();
  const { config } = useServices();
  const countOf = (key: AudienceKey): AudienceCount | undefined => counts.data?.find((c) => c.key === key);
  const total = chosen.reduce((sum, key) => sum + (countOf(key)?.count ?? 0), 0);
  const consentMissing = counts.data?.some((c) => c.error?.code === "consentRequired") ?? false;
  const partial = chosen.some((key) => countOf(key) !== undefined && countOf(key)?.count === undefined);
  const countText = (count: AudienceCount | undefined): string => {
    if (!count) return "";
    switch (count.status) {
      case "counted":
        return ` (${t("it.members", { count: fmt.number(count.count ?? 0) })})`;
      case "notInDirectory":
        return ` (${t("it.countNotInDirectory")})`;
      case "unavailable":
        return ` (${t("it.countUnavailable")})`;
    }
  };
  return (
    <fieldset className={styles.root}>
      <legend>
        <Text weight="semibold">{t("it.audiences")}</Text>
      </legend>
      {config.audiences.map((a) => {
        const count = countOf(a.key);
        const retrying = counts.retrying.includes(a.key);
        return (
          <div key={a.key} className={styles.row}>
            <Checkbox
              disabled={disabled}
              checked={chosen.includes(a.key)}
              onChange={(_, d) =>
                onChange(d.checked === true ? [...chosen, a.key] : chosen.filter((k) => k !== a.key))
              }
              className={styles.checkbox}
              label={{
                children: `${a.label[lang]} — ${a.group}${countText(count)}`,
                className: styles.label,
              }}
            />
            {count?.status === "unavailable" ? (
              <Button
                size="small"
                disabled={retrying}
                aria-label={t("it.countRetryLabel", { group: a.group })}
                onClick={() => counts.retry(a.key)}
              >
                {retrying ? <Spinner size="extra-tiny" /> : t("it.countRetry")}
              </Button>
            ) : null}
          </div>
        );
      })}
      {counts.isLoading ? <Spinner size="tiny" label={t("it.countsLoading")} /> : null}
      <Text weight="semibold" role="status">
        {t("it.total", { count: fmt.number(total) })}
      </Text>
      {partial ? <Text size={200}>{t("it.totalPartial")}</Text> : null}
      {consentMissing ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("it.countsConsent")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {overlapWarning(chosen) ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("it.overlap")}</MessageBarBody>
        </MessageBar>
      ) : null}
    </fieldset>
  );
}
