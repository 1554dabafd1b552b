// A whole-pane error shown before the pane itself can run (start-up failure, invalid configuration): the Office
// theme and language, one alert with a title and what to do, and details below.
import {
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Lang } from "../../domain/types";
import type { ThemeKind } from "../../ports/mailHost";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

export interface ErrorScreenProps {
  lang: Lang;
  theme: ThemeKind;
  title: string;
  message: string;
  actions?: ReactNode;
  /** What follows the alert (a code, a list of problems). */
  children?: ReactNode;
}

export function ErrorScreen({ lang, theme, title, message, actions, children }: ErrorScreenProps) {
  const styles = useStyles();
  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      lang={lang}
      style={{ minHeight: "100vh", colorScheme: theme }}
    >
      <main className={styles.root}>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{title}</MessageBarTitle>
            {message}
          </MessageBarBody>
          {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
        </MessageBar>
        {children}
      </main>
    </FluentProvider>
  );
}
