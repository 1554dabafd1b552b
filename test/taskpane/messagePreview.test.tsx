// The message preview loads no remote image until asked, and even then only images from the institution's own
// sites (configuration `imageHosts`, the list the production CSP's img-src is built from); images from any other
// host stay held and the pane says so, instead of showing an image the CSP would block (or that would track).
import { fireEvent, render, screen } from "@testing-library/react";
import { holdRemoteImages } from "../../src/taskpane/components/remoteImages";
import { MessagePreview } from "../../src/taskpane/components/MessagePreview";
import { I18nProvider } from "../../src/taskpane/I18nContext";

const HOSTS = ["www.universidad.example"];
const OWN = "https://www.universidad.example/logo.png";
const TRACKER = "https://tracker.example.net/p.gif";
const HTML =
  `<p>Convocatoria</p><img src="${OWN}" alt="Escudo"><img src="${TRACKER}" alt="">` +
  `<img src="cid:part1" alt="Adjunta">`;

describe("holdRemoteImages", () => {
  it("holds every remote image, and once asked keeps only the allowed hosts (cid: parts are never held)", () => {
    const out = holdRemoteImages(HTML, HOSTS);
    expect(out.held).toBe(2);
    expect(out.outside).toBe(1);
    expect(out.html).not.toContain(OWN);
    expect(out.html).not.toContain(TRACKER);
    expect(out.html).toContain("cid:part1");
    expect(out.asked).toContain(OWN);
    expect(out.asked).not.toContain(TRACKER);
    expect(out.asked).toContain("cid:part1");
  });

  it("with an empty allow list nothing remote is ever shown", () => {
    const out = holdRemoteImages(HTML, []);
    expect(out).toMatchObject({ held: 2, outside: 2 });
    expect(out.asked).not.toContain("https://");
  });
});

// The cid: image has no message to take its bytes from here (no inlineImages source): it shows its alt text,
// never a cid: URL the browser would draw as a broken image (test/taskpane/inlineImages.test.tsx shows the bytes).
function srcs(container: HTMLElement): Array<string | null> {
  return Array.from(container.querySelectorAll("img")).map((img) => img.getAttribute("src"));
}

it("es: says how many images are held and how many are outside; 'Mostrar imágenes externas' loads only the allowed one", () => {
  const { container } = render(
    <I18nProvider lang="es" timeZone="America/Bogota">
      <h2 id="t">Vista previa</h2>
      <MessagePreview sanitizedHtml={HTML} labelId="t" imageHosts={HOSTS} />
    </I18nProvider>,
  );
  expect(srcs(container)).toEqual([null, null, null]);
  expect(screen.getByText(/Imágenes externas sin mostrar: 1\b/)).toBeTruthy();
  expect(screen.getByText(/servidores ajenos a la universidad.*: 1\./)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Mostrar imágenes externas" }));
  expect(srcs(container)).toEqual([OWN, null, null]);
  expect(screen.queryByRole("button", { name: "Mostrar imágenes externas" })).toBeNull();
  expect(screen.getByText(/servidores ajenos a la universidad.*: 1\./)).toBeTruthy();
});

it("en: when every remote image is from outside the allow list there is nothing to ask for", () => {
  const { container } = render(
    <I18nProvider lang="en" timeZone="America/Bogota">
      <h2 id="t">Preview</h2>
      <MessagePreview sanitizedHtml={HTML} labelId="t" imageHosts={[]} />
    </I18nProvider>,
  );
  expect(srcs(container)).toEqual([null, null, null]);
  expect(screen.queryByRole("button", { name: "Show external images" })).toBeNull();
  expect(screen.getByText(/servers outside the university.*: 2\./)).toBeTruthy();
});
