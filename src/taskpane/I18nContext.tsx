// The language, strings and Intl formatters for the pane, chosen from Outlook's display language.
import { createContext, useContext, useMemo } from "react";
import type { ReactNode } from "react";
import type { Lang } from "../domain/types";
import type { MessageKey } from "../i18n/catalogue";
import type { Formatters, Params } from "../i18n/translate";
import { formatters, translate } from "../i18n/translate";

export interface I18n {
  lang: Lang;
  t(key: MessageKey, params?: Params): string;
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

export interface I18nProviderProps {
  lang: Lang;
  timeZone: string;
  children: ReactNode;
}

export function I18nProvider({ lang, timeZone, children }: I18nProviderProps) {
  const value = useMemo<I18n>(
    () => ({ lang, t: (key, params) => translate(lang, key, params), fmt: formatters(lang, timeZone) }),
    [lang, timeZone],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
