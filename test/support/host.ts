// The Outlook side of a jsdom pane test: a MailHost showing one selected item, in a language, light theme, on a
// client that cannot open drafts. Tests that need another host (a theme change, a selection change, a message
// form) build their own.
import type { MailHost, SelectedItem } from "../../src/ports/mailHost";

export function stubHost(
  item: SelectedItem | null,
  userAddress: string,
  displayLanguage = "es-CO",
): MailHost {
  return {
    userAddress,
    displayLanguage,
    getTheme: () => "light",
    getSelectedItem: async () => item,
    onSelectionChanged: () => () => undefined,
    onThemeChanged: () => () => undefined,
    canOpenDraft: () => false,
    openDraft: async () => undefined,
  };
}
