// The content checks' findings (domain/policy/contentFindings.ts), each with where it is and how to fix it. They
// inform; nothing here blocks a step.
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PolicyWarning } from "../../domain/policy";
import { useI18n } from "../I18nContext";
import { warningFix, warningText } from "./warningText";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  fix: { color: tokens.colorNeutralForeground3 },
});

export interface ContentFindingsProps {
  findings: readonly PolicyWarning[];
  /** The accessible name of the list. */
  label: string;
}

export function ContentFindings({ findings, label }: ContentFindingsProps) {
  const styles = useStyles();
  const i18n = useI18n();
  if (findings.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={label}>
      {findings.map((f, i) => {
        const fix = warningFix(f, i18n);
        return (
          <li key={`${f.code}-${i}`}>
            <Text>{warningText(f, i18n)}</Text>
            {fix ? (
              <>
                {" "}
                <Text size={200} className={styles.fix}>
                  {fix}
                </Text>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
