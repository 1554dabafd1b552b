// What Communications should know before the request goes to IT: how many people the mass mail will reach (each
// chosen audience's group with its directory member count, and the total) and the address IT will send it from
// (IT's own sender rule, workflow/it/senders.ts). Counts are information, never a condition: a count the directory
// cannot give says why, with a retry when asking again may help.
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { AudienceKey } from "../../domain/types";
import type { AudienceCount } from "../../workflow/it/groups";
import { overlapWarning } from "../../workflow/it/groups";
import { chooseSender } from "../../workflow/it/senders";
import type { SenderRequest } from "../../workflow/it/senders";
import type { AudienceCountsState } from "../hooks/useAudienceCounts";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";
import { senderFallbackText } from "./warningText";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  // Rows, not a list: the case view's one list is its history (Timeline).
  list: { display: "flex", flexDirection: "column", paddingInlineStart: tokens.spacingHorizontalS },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export interface ReachSummaryProps {
  audiences: readonly AudienceKey[];
  /** The sender asked for and the requester: IT picks the sender by address (workflow/it/senders.ts). */
  request: SenderRequest;
  counts: Pick<AudienceCountsState, "isLoading" | "data" | "retrying" | "retry">;
}

export function ReachSummary({ audiences, request, counts }: ReachSummaryProps) {
  const styles = useStyles();
  const { t, fmt, lang } = useI18n();
  const { config } = useServices();
  const sender = chooseSender(config, request);
  const fallbackText = senderFallbackText(
    sender,
    { desiredSender: request.fields.desiredSender, requester: request.requester },
    t,
  );
  const chosen = config.audiences.filter((a) => audiences.includes(a.key));
  const countOf = (key: AudienceKey): AudienceCount | undefined => counts.data?.find((c) => c.key === key);
  const total = chosen.reduce((sum, a) => sum + (countOf(a.key)?.count ?? 0), 0);
  const partial = chosen.some((a) => countOf(a.key) !== undefined && countOf(a.key)?.count === undefined);
  const consentMissing = counts.data?.some((c) => c.error?.code === "consentRequired") ?? false;
  const countText = (count: AudienceCount | undefined): string => {
    if (!count) return "";
    switch (count.status) {
      case "counted":
        return t("it.members", { count: fmt.number(count.count ?? 0) });
      case "notInDirectory":
        return t("it.countNotInDirectory");
      case "unavailable":
        return t("it.countUnavailable");
    }
  };
  return (
    <section className={styles.root} aria-labelledby="reach-title" data-testid="reach">
      <Text id="reach-title" weight="semibold">
        {t("reach.title")}
      </Text>
      <Text>
        {t("it.sender")}:{" "}
        <span data-testid="reach-sender">
          {sender.sender.name ? `${sender.sender.name} <${sender.sender.address}>` : sender.sender.address}
        </span>
      </Text>
      {fallbackText ? <Text size={200}>{fallbackText}</Text> : null}
      {chosen.length === 0 ? (
        <Text size={200}>{t("reach.none")}</Text>
      ) : (
        <div className={styles.list}>
          {chosen.map((a) => {
            const count = countOf(a.key);
            const retrying = counts.retrying.includes(a.key);
            const text = countText(count);
            return (
              <div key={a.key} data-testid={`reach-${a.key}`}>
                <span className={styles.row}>
                  {`${a.label[lang]} — ${a.group}${text ? ` (${text})` : ""}`}
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
                </span>
              </div>
            );
          })}
        </div>
      )}
      {counts.isLoading ? <Spinner size="tiny" label={t("it.countsLoading")} /> : null}
      {chosen.length > 0 && !counts.isLoading ? (
        <Text weight="semibold" data-testid="reach-total">
          {t("it.total", { count: fmt.number(total) })}
        </Text>
      ) : null}
      {partial ? <Text size={200}>{t("it.totalPartial")}</Text> : null}
      {consentMissing ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t("it.countsConsent")}</MessageBarBody>
        </MessageBar>
      ) : null}
      {overlapWarning(audiences) ? (
        <MessageBar intent="info">
          <MessageBarBody>{t("it.overlap")}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
