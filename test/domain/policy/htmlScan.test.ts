import { scanHtml } from "../../../src/domain/policy/htmlScan";

describe("scanHtml", () => {
  it("keeps visible text only, with entities decoded and whitespace collapsed", () => {
    const scan = scanHtml(
      "<html><head><title>T</title><style>p{color:red}</style></head><body><p>Hola&nbsp;&amp; bienvenidos</p>" +
        "<script>alert(1)</script><div>Línea   dos</div></body></html>",
    );
    expect(scan.text).toBe("Hola & bienvenidos Línea dos");
  });

  it("counts images but not 1×1 spacers", () => {
    const scan = scanHtml(
      '<img src="cid:a"><img src="x.gif" width="1" height="1"><img src="b.png" width="1">',
    );
    expect(scan.imageCount).toBe(2);
  });

  it("collects each link's target and visible text, joining inline pieces without spaces", () => {
    const scan = scanHtml(
      '<a href=" https://a.example/x ">www.<span>a.example</span>/x</a> <a name="top">anchor</a> <a href="#">ir</a>',
    );
    expect(scan.links).toEqual([
      { href: "https://a.example/x", text: "www.a.example/x" },
      { href: "#", text: "ir" },
    ]);
  });

  it("lists each counted image with its source and alt (absent alt is undefined, empty alt is kept)", () => {
    const scan = scanHtml(
      '<img src=" cid:a "><img src="b.png" alt=""><img src="s.gif" width="1" height="1"><img>',
    );
    expect(scan.images).toEqual([
      { src: "cid:a", alt: undefined },
      { src: "b.png", alt: "" },
      { src: "", alt: undefined },
    ]);
  });

  it("gives each piece of text the colours, size and weight of the elements around it", () => {
    const scan = scanHtml(
      '<div style="background:#eee url(x.png)"><table bgcolor="#003366"><tr><td>' +
        '<font color="#336699">Uno <b>dos</b></font></td></tr></table>' +
        '<p style="COLOR: red !important; font-size: 18pt; font-weight: 700">tres</p><p>cuatro</p></div>',
    );
    expect(scan.styledText).toEqual([
      { text: "Uno", color: "#336699", background: "#003366", fontSize: undefined, bold: false },
      { text: "dos", color: "#336699", background: "#003366", fontSize: undefined, bold: true },
      // The div's background is an image: what lies behind the text is not known (null).
      { text: "tres", color: "red", background: null, fontSize: "18pt", bold: true },
      { text: "cuatro", color: undefined, background: null, fontSize: undefined, bold: false },
    ]);
  });

  it("ends an element's colours with it, also when the HTML leaves it unclosed", () => {
    const scan = scanHtml('<div><span style="color:#aaa">gris<p>párrafo</div><p>fuera</p>');
    expect(scan.styledText.map((p) => [p.text, p.color])).toEqual([
      ["gris", "#aaa"],
      ["párrafo", "#aaa"],
      ["fuera", undefined],
    ]);
  });
});
