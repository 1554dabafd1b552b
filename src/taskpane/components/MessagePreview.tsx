// The request's message as recipients will see it. The HTML was sanitized by the workflow's sanitizer before it
// got here; it is the only HTML the pane renders. Remote images are held back until the user asks ("Show
// external images"): loading one tells its server who opened the message. Only images from the institution's
// own sites (configuration `imageHosts`, which the CSP also admits) are ever loaded; the others stay held.
// Inline images (cid:) show the message's own attachments (inlineImages.ts). The mail is shown as Outlook shows
// it, on a light sheet with dark default text whatever the pane's theme: mail HTML sets its own colours for a
// white page, and dark text of its own on the dark theme's background could not be read.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { boundPreview } from "./previewBound";
import { holdRemoteImages } from "./remoteImages";
import type { InlineImageSource } from "./inlineImages";
import { useInlineImages, withInlineImages } from "./inlineImages";
import { useI18n } from "../I18nContext";

const useStyles = makeStyles({
  frame: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    // The light theme's values, not tokens: the sheet stays light in the dark theme (see above).
    backgroundColor: webLightTheme.colorNeutralBackground1,
    color: webLightTheme.colorNeutralForeground1,
    colorScheme: "light",
    maxHeight: "320px",
    overflow: "auto",
    overflowWrap: "anywhere",
    "& img": { maxWidth: "100%", height: "auto" },
    "& a": { color: webLightTheme.colorBrandForegroundLink },
  },
});

export interface MessagePreviewProps {
  sanitizedHtml: string;
  labelId: string;
  /** The allow list of image hosts (configuration `imageHosts`). */
  imageHosts: readonly string[];
  /** The message whose attachments the HTML's cid: images name; without it those images show their alt text. */
  inlineImages?: InlineImageSource;
}

export function MessagePreview({ sanitizedHtml, labelId, imageHosts, inlineImages }: MessagePreviewProps) {
  const styles = useStyles();
  const { t, fmt } = useI18n();
  const [showRemote, setShowRemote] = useState(false);
  // A long message is shown up to a bound (previewBound.ts); the images counted and loaded are those shown.
  const bounded = useMemo(() => boundPreview(sanitizedHtml), [sanitizedHtml]);
  const held = useMemo(() => holdRemoteImages(bounded.html, imageHosts), [bounded, imageHosts]);
  const inlineUrls = useInlineImages(bounded.html, inlineImages);
  if (sanitizedHtml.trim() === "") return <Text italic>{t("preview.empty")}</Text>;
  const allowed = held.held - held.outside;
  const hold = !showRemote && allowed > 0;
  const shown = withInlineImages(showRemote ? held.asked : held.html, inlineUrls);
  return (
    <>
      {held.outside > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("preview.externalBlocked", { count: fmt.number(held.outside) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {hold ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("preview.externalHeld", { count: fmt.number(allowed) })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setShowRemote(true)}>
              {t("preview.showExternal")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {bounded.cut ? (
        <MessageBar intent="info" layout="multiline" role="status">
          <MessageBarBody>
            {t("preview.cut", {
              shown: fmt.number(bounded.cut.shown),
              total: fmt.number(bounded.cut.length),
            })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div
        className={styles.frame}
        role="region"
        aria-labelledby={labelId}
        tabIndex={0}
        dangerouslySetInnerHTML={{ __html: shown }}
      />
    </>
  );
}
