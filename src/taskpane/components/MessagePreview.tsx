// The request's message as recipients will see it. The HTML was sanitized by the workflow's sanitizer before it
// got here; it is the only HTML the pane renders.
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../I18nContext";

const useStyles = makeStyles({
  frame: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    maxHeight: "320px",
    overflow: "auto",
    overflowWrap: "anywhere",
    "& img": { maxWidth: "100%", height: "auto" },
    "& a": { color: tokens.colorBrandForegroundLink },
  },
});

export interface MessagePreviewProps {
  sanitizedHtml: string;
  labelId: string;
}

export function MessagePreview({ sanitizedHtml, labelId }: MessagePreviewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  if (sanitizedHtml.trim() === "") return <Text italic>{t("preview.empty")}</Text>;
  return (
    <div
      className={styles.frame}
      role="region"
      aria-labelledby={labelId}
      tabIndex={0}
      dangerouslySetInnerHTML={{ __html: sanitizedHtml }}
    />
  );
}
