// Shown instead of the pane when Pregón cannot start (not in Outlook, Office.js missing or silent, a bug): what
// happened and what to do, in the user's language, never a blank page.
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../domain/types";
import type { ThemeKind } from "../ports/mailHost";
import type { MessageKey } from "../i18n/catalogue";
import { translate } from "../i18n/translate";
import type { StartupFailureReason } from "./startupStrings";

const REASON_KEYS: Record<StartupFailureReason, MessageKey> = {
  officeNotLoaded: "startup.reason.officeNotLoaded",
  notOutlook: "startup.reason.notOutlook",
  officeTimeout: "startup.reason.officeTimeout",
  unexpected: "startup.reason.unexpected",
};

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
});

export interface StartupErrorScreenProps {
  reason: StartupFailureReason;
  /** The error's stable code, for whoever the user asks for help. */
  code: string;
  lang: Lang;
  theme: ThemeKind;
  onReload(): void;
}

export function StartupErrorScreen({ reason, code, lang, theme, onReload }: StartupErrorScreenProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <main className={styles.root}>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{translate(lang, "startup.title")}</MessageBarTitle>
            {translate(lang, REASON_KEYS[reason])}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReload}>{translate(lang, "startup.reload")}</Button>
          </MessageBarActions>
        </MessageBar>
        <Text size={200} className={styles.code}>
          {translate(lang, "startup.code", { code })}
        </Text>
      </main>
    </FluentProvider>
  );
}
