// Shown instead of the pane when pregon.config.json is missing or invalid: each problem names the field and
// the fix, in the user's language.
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ConfigProblem, ConfigProblemKind } from "../config/problems";
import { ADDRESS_PROBLEMS } from "../domain/address";
import type { Lang } from "../domain/types";
import type { MessageKey } from "../i18n/catalogue";
import { translate } from "../i18n/translate";
import type { ThemeKind } from "../ports/mailHost";
import { ErrorScreen } from "./components/ErrorScreen";

const useStyles = makeStyles({
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
  const addressProblem = ADDRESS_PROBLEMS.find((p) => p === problem.details?.problem);
  return translate(lang, KIND_KEYS[problem.kind], {
    expected: problem.expected ?? "",
    ...(problem.details ?? {}),
    reason: addressProblem ? translate(lang, `address.problem.${addressProblem}`) : "",
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
    <ErrorScreen
      lang={lang}
      theme={theme}
      title={translate(lang, "config.title")}
      message={translate(lang, "config.help")}
    >
      <ul className={styles.list}>
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <Text className={styles.path}>{p.path === "" ? translate(lang, "config.file") : p.path}</Text>
            {": "}
            <Text>{problemText(p, lang)}</Text>
          </li>
        ))}
      </ul>
    </ErrorScreen>
  );
}
