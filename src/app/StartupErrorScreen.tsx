// Shown instead of the pane when Pregón cannot start (not in Outlook, Office.js missing or silent, a bug): what
// happened and what to do, in the user's language, never a blank page.
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../domain/types";
import type { ThemeKind } from "../ports/mailHost";
import type { MessageKey } from "../i18n/catalogue";
import { translate } from "../i18n/translate";
import { ErrorScreen } from "../taskpane/components/ErrorScreen";
import type { StartupFailureReason } from "./startupStrings";

const REASON_KEYS: Record<StartupFailureReason, MessageKey> = {
  officeNotLoaded: "startup.reason.officeNotLoaded",
  notOutlook: "startup.reason.notOutlook",
  officeTimeout: "startup.reason.officeTimeout",
  unexpected: "startup.reason.unexpected",
};

const useStyles = makeStyles({
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
    <ErrorScreen
      lang={lang}
      theme={theme}
      title={translate(lang, "startup.title")}
      message={translate(lang, REASON_KEYS[reason])}
      actions={<Button onClick={onReload}>{translate(lang, "startup.reload")}</Button>}
    >
      <Text size={200} className={styles.code}>
        {translate(lang, "startup.code", { code })}
      </Text>
    </ErrorScreen>
  );
}
