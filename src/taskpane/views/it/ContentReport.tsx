// What the safety filter did to the message before IT sends it: tracking/hidden images and images from outside
// the allow list removed, and, when it took away a real part of the text, "what the request had" beside "what
// will be sent" (both as plain text: the request's own HTML is never rendered).
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { MassMailContent } from "../../../workflow/it/massMailContent";
import { useI18n } from "../../I18nContext";
import { ContentFindings } from "../../components/ContentFindings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: {
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    maxHeight: "160px",
    overflow: "auto",
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function ContentReport({ content }: { content: MassMailContent }) {
  const styles = useStyles();
  const { t, fmt } = useI18n();
  const removed = [
    content.hiddenImagesRemoved > 0
      ? t("it.content.hiddenRemoved", { count: fmt.number(content.hiddenImagesRemoved) })
      : undefined,
    content.externalImagesRemoved > 0
      ? t("it.content.externalRemoved", { count: fmt.number(content.externalImagesRemoved) })
      : undefined,
  ].filter((line): line is string => line !== undefined);
  // The content checks' findings stand on their own: a message the filter left alone can still have some.
  const findings = <ContentFindings findings={content.findings} label={t("it.content.findings")} />;
  if (removed.length === 0 && !content.change.substantial) return findings;
  return (
    <>
      <section className={styles.root} aria-label={t("it.content.changedTitle")}>
        {removed.map((line) => (
          <Text key={line} role="note">
            {line}
          </Text>
        ))}
        {content.change.substantial ? (
          <MessageBar intent="warning" layout="multiline" role="note">
            <MessageBarBody>
              <MessageBarTitle>{t("it.content.changedTitle")}</MessageBarTitle>
              {t("it.content.changedBody", {
                lost: fmt.number(content.change.lostChars),
                before: fmt.number(content.change.beforeChars),
              })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {content.change.substantial ? (
          <>
            <Text weight="semibold" id="it-content-before">
              {t("it.content.before")}
            </Text>
            <pre className={styles.text} aria-labelledby="it-content-before">
              {content.before || t("it.content.nothing")}
            </pre>
            <Text weight="semibold" id="it-content-after">
              {t("it.content.after")}
            </Text>
            <pre className={styles.text} aria-labelledby="it-content-after">
              {content.after || t("it.content.nothing")}
            </pre>
          </>
        ) : null}
      </section>
      {findings}
    </>
  );
}
