// The tests render both languages synchronously; the deployed pane fetches English on demand (i18n/languages.ts).
import "../../src/i18n/bundledLanguages";

// jsdom lacks what Fluent UI and the pane expect from a browser; give it the minimum, honestly stubbed.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!("ResizeObserver" in globalThis)) {
  (globalThis as unknown as { ResizeObserver: typeof ResizeObserverStub }).ResizeObserver =
    ResizeObserverStub;
}
if (typeof window !== "undefined" && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
// jsdom has no canvas: answer as a browser does for a context type it cannot provide (null), instead of jsdom's
// "not implemented" error. The report chart then measures its axis labels as having no width.
if (typeof HTMLCanvasElement !== "undefined") {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
}
