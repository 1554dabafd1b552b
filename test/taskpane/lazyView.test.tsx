// A lazily fetched view (src/taskpane/lazyView.tsx): by default its chunk is asked for while it renders; with
// afterFirstPaint only once it has been committed, so the pane's first screen neither waits for nor competes
// with the role's pane. renderToString renders without committing (no effects), which tells the two apart.
import { render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { I18nProvider } from "../../src/taskpane/I18nContext";
import { lazyView } from "../../src/taskpane/lazyView";

function Hello({ name }: { name: string }) {
  return <p>Hola {name}</p>;
}

const inI18n = (node: React.ReactNode) => (
  <I18nProvider lang="es" timeZone="America/Bogota">
    {node}
  </I18nProvider>
);

describe("lazyView", () => {
  it("asks for its chunk while rendering by default", () => {
    const load = jest.fn(() => new Promise<typeof Hello>(() => undefined));
    const View = lazyView(load);
    renderToString(inI18n(<View name="Ana" />));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("with afterFirstPaint, asks only once committed, then shows the view", async () => {
    const load = jest.fn(async () => Hello);
    const View = lazyView(load, { afterFirstPaint: true });
    const html = renderToString(inI18n(<View name="Ana" />));
    expect(load).not.toHaveBeenCalled();
    expect(html).toContain("Cargando");

    render(inI18n(<View name="Ana" />));
    expect(await screen.findByText("Hola Ana")).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
