import { useEffect, useState } from "react";
import type { MailHost, ThemeKind } from "../../ports/mailHost";

/** Follows Office's theme (light/dark) for as long as the pane is open. */
export function useHostTheme(host: MailHost): ThemeKind {
  const [theme, setTheme] = useState<ThemeKind>(() => host.getTheme());
  useEffect(() => host.onThemeChanged(() => setTheme(host.getTheme())), [host]);
  return theme;
}
