// English is a chunk of its own in the deployed pane: until it is fetched strings come from Spanish (never a
// blank), and once fetched they are English. The jest setup registers both languages, so each test here starts
// from a fresh copy of the modules, as the deployed pane does.
import type * as LanguagesModule from "../../src/i18n/languages";
import type * as TranslateModule from "../../src/i18n/translate";

async function fresh(): Promise<{
  languages: typeof LanguagesModule;
  translate: typeof TranslateModule.translate;
}> {
  let languages!: typeof LanguagesModule;
  let translate!: typeof TranslateModule.translate;
  await jest.isolateModulesAsync(async () => {
    languages = await import("../../src/i18n/languages");
    translate = (await import("../../src/i18n/translate")).translate;
  });
  return { languages, translate };
}

describe("languages", () => {
  it("has Spanish from the start and English only after it is fetched", async () => {
    const { languages, translate } = await fresh();
    expect(languages.isLanguageLoaded("es")).toBe(true);
    expect(languages.isLanguageLoaded("en")).toBe(false);
    expect(translate("en", "app.loading")).toBe("Cargando…");
    await languages.loadLanguage("en");
    expect(languages.isLanguageLoaded("en")).toBe(true);
    expect(translate("en", "app.loading")).toBe("Loading…");
  });

  it("asks for Spanish without fetching anything", async () => {
    const { languages, translate } = await fresh();
    await languages.loadLanguage("es");
    expect(languages.isLanguageLoaded("en")).toBe(false);
    expect(translate("es", "app.loading")).toBe("Cargando…");
  });
});
