// The review view for clients that cannot open the draft in a compose window: what will go out, from whom.
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ItRecord } from "../../../domain/itRecord";
import type { Instant } from "../../../domain/types";
import { totalRecipients } from "../../../domain/itRecord";
import { useI18n } from "../../I18nContext";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "minmax(0, max-content) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    "& dt": { fontWeight: tokens.fontWeightSemibold },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
});

export interface ItReviewProps {
  record: ItRecord;
  subject: string;
  groupNames: string[];
  /** The requested date at the institution's send time, and whether it is still ahead (then it is scheduled). */
  requested?: { at: Instant; ahead: boolean };
}

export function ItReview({ record, subject, groupNames, requested }: ItReviewProps) {
  const styles = useStyles();
  const { t, fmt } = useI18n();
  return (
    <section aria-labelledby="it-review-title">
      <Text block as="h3" id="it-review-title" weight="semibold">
        {t("it.reviewTitle")}
      </Text>
      <dl className={styles.root}>
        <dt>{t("it.reviewFrom")}</dt>
        <dd>{record.sender ? `${record.sender.name ?? ""} <${record.sender.address}>` : ""}</dd>
        <dt>{t("it.reviewBcc")}</dt>
        <dd>
          {groupNames.join(", ")} — {t("it.total", { count: fmt.number(totalRecipients(record.groups)) })}
        </dd>
        <dt>{t("it.reviewSubject")}</dt>
        <dd>{subject}</dd>
        {requested ? (
          <>
            <dt>{t("it.requestedDate")}</dt>
            <dd>
              {requested.ahead
                ? fmt.weekdayDateTime(requested.at)
                : t("it.requestedDatePast", { when: fmt.weekdayDateTime(requested.at) })}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
