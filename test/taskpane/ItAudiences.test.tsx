// IT's pane when the directory cannot count a group: the count says so, with a retry, and "Prepare" stays
// available; a group Graph does not know (an Exchange dynamic distribution group) is labelled as such and stays
// choosable.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { COMMUNICATIONS, DOMAIN, IT, TENANT_SPEC, setupWorld } from "../support/world";
import { renderItForward } from "../support/itPane";

const STUDENTS = `estudiantes@${DOMAIN}`;
const STAFF = `administrativos@${DOMAIN}`;

function spec() {
  const s = structuredClone(TENANT_SPEC);
  for (const group of s.groups ?? []) if (group.address === STAFF) group.dynamic = true;
  return s;
}

const world = setupWorld({ spec: spec() });

it("shows 'count unavailable' with a retry and 'dynamic group', and still prepares the mass mail", async () => {
  const user = userEvent.setup();
  const w = world();
  const created = await newCase(w, "01-structured-es.json", {
    audiences: ["estudiantes", "administrativos"],
  });
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  const studentsId = w.tenant.group(STUDENTS)?.id ?? "";
  const fault = w.tenant.faults.add({
    method: "GET",
    url: new RegExp(`/groups/${studentsId}/transitiveMembers`),
    effect: { kind: "unavailable", retryAfterSeconds: 0 },
  });
  renderItForward(w, created.case.id);

  const students = await screen.findByRole(
    "checkbox",
    { name: /Estudiantes — estudiantes@universidad\.example \(número de miembros no disponible\)/ },
    { timeout: 10_000 },
  );
  expect(students).toHaveProperty("checked", true);
  const staff = screen.getByRole("checkbox", {
    name: /Administrativos — .* \(número no disponible en el directorio \(grupo dinámico\)\)/,
  });
  expect(staff).toHaveProperty("checked", true);
  const prepare = screen.getByRole("button", { name: "Preparar correo masivo" });
  expect(prepare).toHaveProperty("disabled", false);

  // The directory answers again: the retry fills in the count.
  w.tenant.faults.remove(fault.id);
  await user.click(
    screen.getByRole("button", { name: `Consultar de nuevo el número de miembros de ${STUDENTS}` }),
  );
  await screen.findByRole("checkbox", { name: /Estudiantes — .* \(18\.432 miembros\)/ }, { timeout: 10_000 });

  await user.click(prepare);
  await waitFor(() => expect(screen.getByText("Borrador listo")).toBeTruthy(), { timeout: 10_000 });
  const draft = w.tenant.storedMessages(IT, "drafts")[0];
  expect(draft?.bccRecipients.map((r) => r.emailAddress.address)).toEqual([STUDENTS, STAFF]);
});
