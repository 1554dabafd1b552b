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
import { STARTUP_STRINGS } from "./startupStrings";
import type { StartupFailureReason } from "./startupStrings";

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
  const strings = STARTUP_STRINGS[lang];
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <main className={styles.root}>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{strings.title}</MessageBarTitle>
            {strings.reasons[reason]}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReload}>{strings.reload}</Button>
          </MessageBarActions>
        </MessageBar>
        <Text size={200} className={styles.code}>
          {strings.code.replace("{code}", code)}
        </Text>
      </main>
    </FluentProvider>
  );
}
