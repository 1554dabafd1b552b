// Issue 13: Communications' form runs the content checks on the request's message (and the subject it holds) and
// lists each finding with where it is and how to fix it, es and en; none of them stops "Create case".
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { COMMUNICATIONS, PROFESSIONAL, loadFixture, setupWorld } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

/**
 * Request 01 with the content of demo request 08 moved into its "Mensaje" (in 08 itself the vague link and the
 * image sit in the sender and subject lines, which are not mass-mailed): an image without alt text, a "clic aquí"
 * link and a link that shows one address and leads to another; the subject is in capitals.
 */
function requestWithContentFindings(): Record<string, unknown> {
  const request = loadFixture("01-structured-es.json") as { body: { content: string } };
  request.body.content =
    `<p><b>Remitente:</b> Decanatura<br><b>Asunto:</b> CONVOCATORIA ABIERTA PARA ESTUDIANTES<br>` +
    `<b>Dirigido a:</b> estudiantes</p>` +
    `<p><b>Mensaje:</b> Las inscripciones a la convocatoria 2027-1 están abiertas hasta el 15 de diciembre. ` +
    `<img src="https://www.universidad.example/afiche.png" width="400" height="300"> ` +
    `Requisitos y fechas: <a href="https://www.universidad.example/convocatoria">clic aquí</a>. ` +
    `Acceso: <a href="https://universidad.example.attacker.example/login">https://www.universidad.example/login</a></p>` +
    `<p>Cordialmente,<br>Decanatura</p>`;
  return request;
}

it.each([
  [
    "es-CO",
    "Revisión del contenido (no impide crear el caso)",
    "Crear caso",
    /^Caso /,
    [
      /^Imagen sin texto alternativo: .+\. Añada a la imagen un texto alternativo/,
      /«clic aquí» no dice adónde lleva\. Cambie el texto del enlace/,
      /^Enlace engañoso: muestra «.+» pero lleva a .+\. Haga que el texto del enlace/,
      /^El asunto está en mayúsculas: «CONVOCATORIA ABIERTA PARA ESTUDIANTES»\. Escriba el asunto/,
    ],
  ],
  [
    "en-US",
    "Content check (does not stop creating the case)",
    "Create case",
    /^Case /,
    [
      /^Image without alternative text: .+\. Give the image an alternative text/,
      /“clic aquí” does not say where it leads\. Change the link text/,
      /^Deceptive link: it shows “.+” but leads to .+\. Make the link text show/,
      /^The subject is in capitals: “CONVOCATORIA ABIERTA PARA ESTUDIANTES”\. Write the subject/,
    ],
  ],
])(
  "%s: missing alt text, vague link, deceptive link and a shouting subject are listed with their fixes; Create stays enabled",
  async (lang, listName, createName, caseHeading, expected) => {
    const w = world();
    const messageId = w.deliverRequest(requestWithContentFindings());
    render(
      <App
        services={{
          host: stubHost({ itemId: messageId, subject: "", mailbox: COMMUNICATIONS }, PROFESSIONAL, lang),
          mail: w.comms.ctx.mail,
          config: w.config,
          sanitizeHtml,
          now: () => w.clock.now(),
        }}
      />,
    );

    const list = await screen.findByRole("list", { name: listName }, { timeout: 10_000 });
    const texts = within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(texts).toHaveLength(4);
    for (const pattern of expected) expect(texts.some((text) => pattern.test(text))).toBe(true);
    const create = screen.getByRole("button", { name: createName }) as HTMLButtonElement;
    expect(create.disabled).toBe(false);
    await userEvent.setup().click(create);
    expect(await screen.findByRole("heading", { name: caseHeading }, { timeout: 10_000 })).toBeTruthy();
  },
);
