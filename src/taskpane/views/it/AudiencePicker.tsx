// The groups the mass mail goes to, each with its member count from the directory, and the total.
import {
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
import { ErrorBar } from "../../components/ErrorBar";
import { useI18n } from "../../I18nContext";
import { useServices } from "../../ServicesContext";
import type { AsyncState } from "../../hooks/asyncState";

const useStyles = makeStyles({
  root: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export interface AudiencePickerProps {
  chosen: AudienceKey[];
  onChange(next: AudienceKey[]): void;
  counts: AsyncState<AudienceCount[]>;
  disabled?: boolean;
}

export function AudiencePicker({ chosen, onChange, counts, disabled }: AudiencePickerProps) {
  const styles = useStyles();
  const { t, fmt, lang } = useI18n();
  const { config } = useServices();
  const countOf = (key: AudienceKey) => counts.data?.find((c) => c.key === key)?.count;
  const total = chosen.reduce((sum, key) => sum + (countOf(key) ?? 0), 0);
  return (
    <fieldset className={styles.root}>
      <legend>
        <Text weight="semibold">{t("it.audiences")}</Text>
      </legend>
      {config.audiences.map((a) => {
        const count = countOf(a.key);
        return (
          <Checkbox
            key={a.key}
            disabled={disabled}
            checked={chosen.includes(a.key)}
            onChange={(_, d) =>
              onChange(d.checked === true ? [...chosen, a.key] : chosen.filter((k) => k !== a.key))
            }
            label={`${a.label[lang]} — ${a.group}${count !== undefined ? ` (${t("it.members", { count: fmt.number(count) })})` : ""}`}
          />
        );
      })}
      {counts.isLoading ? <Spinner size="tiny" label={t("it.countsLoading")} /> : null}
      {counts.error ? <ErrorBar error={counts.error} /> : null}
      <Text weight="semibold" role="status">
        {t("it.total", { count: fmt.number(total) })}
      </Text>
      {overlapWarning(chosen) ? (
        <MessageBar intent="info">
          <MessageBarBody>{t("it.overlap")}</MessageBarBody>
        </MessageBar>
      ) : null}
    </fieldset>
  );
}
