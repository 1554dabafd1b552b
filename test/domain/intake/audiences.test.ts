import { findAudiences, readAudiences } from "../../../src/domain/intake/audiences";
import { fold } from "../../../src/domain/intake/fold";

const audiences = (text: string) => findAudiences(fold(text));

describe("findAudiences", () => {
  it.each([
    ["estudiantes y docentes", ["estudiantes", "docentes"]],
    ["Profesores, alumnos y funcionarios", ["estudiantes", "docentes", "administrativos"]],
    ["únicamente al personal administrativo", ["administrativos"]],
    ["al cuerpo docente", ["docentes"]],
    ["toda la comunidad universitaria", ["estudiantes", "docentes", "administrativos"]],
    ["a toda la comunidad", ["estudiantes", "docentes", "administrativos"]],
    ["all faculty members", ["docentes"]],
    ["students and staff members", ["estudiantes", "administrativos"]],
    ["the whole community", ["estudiantes", "docentes", "administrativos"]],
    ["teaching staff", ["docentes"]],
    ["administrative staff and lecturers", ["docentes", "administrativos"]],
    ["personal no docente", ["administrativos"]],
    ["non-academic staff", ["administrativos"]],
  ])("%s", (text, keys) => {
    expect(audiences(text)).toEqual(keys);
  });

  it("reads a request to everyone as every audience, and says it was everyone (issue 12.18)", () => {
    const everyone = (text: string) => readAudiences(fold(text));
    const ALL = ["estudiantes", "docentes", "administrativos"];
    for (const text of [
      "todos",
      "Todas y todos",
      "enviar a todos.",
      "para todos",
      "toda la comunidad universitaria",
      "everyone",
      "All staff and students",
      "all students and staff",
      "the entire university",
    ]) {
      expect([text, everyone(text)]).toEqual([text, { keys: ALL, everyone: true }]);
    }
    // Every configured audience, not every known one.
    expect(readAudiences(fold("todos"), ["estudiantes", "docentes"])).toEqual({
      keys: ["estudiantes", "docentes"],
      everyone: true,
    });
    expect(everyone("toda la comunidad excepto estudiantes")).toEqual({
      keys: ["docentes", "administrativos"],
      everyone: true,
    });
  });

  it("does not take a greeting or 'todos los …' for everyone", () => {
    const everyone = (text: string) => readAudiences(fold(text));
    expect(everyone("Buenos días a todos")).toEqual({ keys: [], everyone: false });
    expect(everyone("Muchas gracias a todos.")).toEqual({ keys: [], everyone: false });
    expect(everyone("Hi everyone, thanks everyone")).toEqual({ keys: [], everyone: false });
    expect(everyone("a todos los estudiantes")).toEqual({ keys: ["estudiantes"], everyone: false });
    expect(everyone("students and staff members")).toEqual({
      keys: ["estudiantes", "administrativos"],
      everyone: false,
    });
  });

  it("applies exclusions within the clause", () => {
    expect(audiences("toda la comunidad excepto estudiantes")).toEqual(["docentes", "administrativos"]);
    expect(audiences("everyone in the university community except students")).toEqual([
      "docentes",
      "administrativos",
    ]);
    expect(audiences("a los docentes. Los estudiantes no, salvo monitores")).toEqual([
      "estudiantes",
      "docentes",
    ]);
  });

  it("does not read adjectives or unit names as audiences", () => {
    expect(audiences("representantes estudiantiles")).toEqual([]);
    expect(audiences("actividades académicas y administrativas")).toEqual([]);
    expect(audiences("The Faculty of Engineering invites you")).toEqual([]);
    expect(audiences("evaluación docente")).toEqual([]);
  });
});
