import { findAudiences } from "../../../src/domain/intake/audiences";
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
