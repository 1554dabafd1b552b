// Shown instead of the pane when pregon.config.json is missing or invalid: each problem names the field and
// the fix, in the user's language.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { ConfigProblem, ConfigProblemKind } from "../config/problems";
import type { Lang } from "../domain/types";
import type { MessageKey } from "../i18n/catalogue";
import { translate } from "../i18n/translate";
import type { ThemeKind } from "../ports/mailHost";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  path: { fontFamily: tokens.fontFamilyMonospace },
});

const KIND_KEYS: Record<ConfigProblemKind, MessageKey> = {
  fileUnavailable: "config.problem.fileUnavailable",
  invalidJson: "config.problem.invalidJson",
  missing: "config.problem.missing",
  wrongType: "config.problem.wrongType",
  empty: "config.problem.empty",
  invalidEmail: "config.problem.invalidEmail",
  invalidDate: "config.problem.invalidDate",
  invalidTimeZone: "config.problem.invalidTimeZone",
  invalidGuid: "config.problem.invalidGuid",
  invalidUrl: "config.problem.invalidUrl",
  invalidChoice: "config.problem.invalidChoice",
  unsupportedVersion: "config.problem.unsupportedVersion",
  duplicate: "config.problem.duplicate",
  unknownKey: "config.problem.unknownKey",
  outOfRange: "config.problem.outOfRange",
  tooFew: "config.problem.tooFew",
  tooMany: "config.problem.tooMany",
  notConfigured: "config.problem.notConfigured",
  invalid: "config.problem.invalid",
};

export function problemText(problem: ConfigProblem, lang: Lang): string {
  return translate(lang, KIND_KEYS[problem.kind], {
    expected: problem.expected ?? "",
    ...(problem.details ?? {}),
  });
}

export interface ConfigErrorScreenProps {
  problems: readonly ConfigProblem[];
  lang: Lang;
  theme: ThemeKind;
}

export function ConfigErrorScreen({ problems, lang, theme }: ConfigErrorScreenProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <main className={styles.root}>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{translate(lang, "config.title")}</MessageBarTitle>
            {translate(lang, "config.help")}
          </MessageBarBody>
        </MessageBar>
        <ul className={styles.list}>
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>
              <Text className={styles.path}>{p.path === "" ? translate(lang, "config.file") : p.path}</Text>
              {": "}
              <Text>{problemText(p, lang)}</Text>
            </li>
          ))}
        </ul>
      </main>
    </FluentProvider>
  );
}
