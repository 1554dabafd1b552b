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
});
