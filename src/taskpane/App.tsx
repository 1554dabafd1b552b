// The taskpane's root: theme and language from the host, then the view for the selected message.
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { pickLanguage } from "../i18n/translate";
import { I18nProvider } from "./I18nContext";
import { Pane } from "./Pane";
import type { Services } from "./ServicesContext";
import { ServicesContext } from "./ServicesContext";
import { useHostTheme } from "./hooks/useHostTheme";

export interface AppProps {
  services: Services;
  /**
   * "main" when the pane is the page (Outlook); "none" when a host page shows several panes and provides the
   * landmarks itself (the demo), since a document may have only one top-level main.
   */
  landmark?: "main" | "none";
}

export function App({ services, landmark = "main" }: AppProps) {
  const theme = useHostTheme(services.host);
  const lang = pickLanguage(services.host.displayLanguage, services.config.institution.defaultLanguage);
  return (
    <ServicesContext.Provider value={services}>
      <I18nProvider lang={lang} timeZone={services.config.institution.timeZone}>
        <FluentProvider
          theme={theme === "dark" ? webDarkTheme : webLightTheme}
          lang={lang}
          style={{ minHeight: "100%", colorScheme: theme }}
        >
          <Pane landmark={landmark} />
        </FluentProvider>
      </I18nProvider>
    </ServicesContext.Provider>
  );
}
