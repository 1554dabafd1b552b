// The demo page: the Communications mailbox and the IT mailbox side by side, each with the real taskpane, on
// the embedded tenant. Language, theme, pane width, faults and reset are controls of the page.
import {
  Button,
  FluentProvider,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Lang } from "../domain/types";
import type { Tenant } from "../emulator";
import type { ThemeKind } from "../ports/mailHost";
import type { Services } from "../taskpane/ServicesContext";
import type { DemoMailHost } from "./DemoMailHost";
import { demoStrings } from "./demoStrings";
import { FaultControls } from "./FaultControls";
import { MailboxColumn } from "./MailboxColumn";
import { COMMUNICATIONS, IT } from "./tenantSpec";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    height: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL },
  group: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(560px, 1fr))",
    gap: tokens.spacingHorizontalM,
    flexGrow: 1,
    minHeight: 0,
  },
});

export interface DemoSide {
  host: DemoMailHost;
  services: Services;
}

export interface DemoAppProps {
  tenant: Tenant;
  communications: DemoSide;
  it: DemoSide;
  initial: { lang: Lang; theme: ThemeKind; paneWidth: number };
  onReset(): void;
}

export function DemoApp({ tenant, communications, it, initial, onReset }: DemoAppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initial.lang);
  const [theme, setTheme] = useState<ThemeKind>(initial.theme);
  const [paneWidth, setPaneWidth] = useState(initial.paneWidth);
  const [version, setVersion] = useState(0);
  const s = demoStrings[lang];

  // The message lists follow the tenant: any request it answered may have changed a mailbox.
  useEffect(() => {
    let seen = tenant.log.last()?.seq ?? 0;
    const timer = setInterval(() => {
      const last = tenant.log.last()?.seq ?? 0;
      if (last !== seen) {
        seen = last;
        setVersion((v) => v + 1);
      }
    }, 400);
    return () => clearInterval(timer);
  }, [tenant]);

  useEffect(() => {
    for (const side of [communications, it]) {
      side.host.displayLanguage = lang === "es" ? "es-CO" : "en-US";
      side.host.setTheme(theme);
    }
  }, [lang, theme, communications, it]);

  const formatWhen = useMemo(() => {
    const f = new Intl.DateTimeFormat(lang === "es" ? "es-CO" : "en-US", {
      dateStyle: "short",
      timeStyle: "short",
      timeZone: "America/Bogota",
    });
    return (iso: string) => (iso ? f.format(new Date(iso)) : "");
  }, [lang]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={lang}>
      <div className={styles.page}>
        <header className={styles.bar}>
          <div>
            <Text block as="h1" weight="bold" size={500}>
              {s.title}
            </Text>
            <Text block as="p" size={200}>
              {s.subtitle}
            </Text>
          </div>
          <RadioGroup
            layout="horizontal"
            aria-label={s.language}
            value={lang}
            onChange={(_, d) => setLang(d.value as Lang)}
          >
            <Radio value="es" label="Español" />
            <Radio value="en" label="English" />
          </RadioGroup>
          <RadioGroup
            layout="horizontal"
            aria-label={s.theme}
            value={theme}
            onChange={(_, d) => setTheme(d.value as ThemeKind)}
          >
            <Radio value="light" label={s.light} />
            <Radio value="dark" label={s.dark} />
          </RadioGroup>
          <RadioGroup
            layout="horizontal"
            aria-label={s.paneWidth}
            value={String(paneWidth)}
            onChange={(_, d) => setPaneWidth(Number(d.value))}
          >
            <Radio value="320" label="320 px" />
            <Radio value="450" label="450 px" />
          </RadioGroup>
          <FaultControls tenant={tenant} strings={s} onChange={refresh} />
          <Button onClick={onReset}>{s.reset}</Button>
        </header>
        <div className={styles.columns}>
          <MailboxColumn
            paneId="communications"
            title={s.communications}
            mailboxAddress={COMMUNICATIONS}
            graphMailbox={COMMUNICATIONS}
            tenant={tenant}
            host={communications.host}
            services={communications.services}
            strings={s}
            lang={lang}
            paneWidth={paneWidth}
            version={version}
            formatWhen={formatWhen}
          />
          <MailboxColumn
            paneId="it"
            title={s.it}
            mailboxAddress={IT}
            graphMailbox={IT}
            tenant={tenant}
            host={it.host}
            services={it.services}
            strings={s}
            lang={lang}
            paneWidth={paneWidth}
            version={version}
            formatWhen={formatWhen}
          />
        </div>
      </div>
    </FluentProvider>
  );
}
