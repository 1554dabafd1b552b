// The case id must survive any subject and any sender name: a request whose subject and sender display name
// are hostile (public XSS corpora: markup, quotes, brackets, control characters, look-alike ids, very long
// lines) is turned into a case and forwarded, and IT's pane must open every forward as that case — never
// "not a forwarded case". The corpora live in the shared folder beside the repository; without it the suite is
// skipped and says so.
import path from "node:path";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { openItItem } from "../../src/workflow/it/openItCase";
import { newCase } from "../support/cases";
import { COMMUNICATIONS, IT, loadFixture, setupWorld } from "../support/world";
import { CORPORA_DIR, REPO_ROOT, corporaAvailable, hostileVectors } from "../support/xssCorpora";

const world = setupWorld();

if (!corporaAvailable) {
  describe.skip(`Hostile subjects: skipped, ${path.relative(REPO_ROOT, CORPORA_DIR)} (beside the repository) not found`, () => {
    it("needs the shared xss folder", () => undefined);
  });
} else {
  it("IT's pane opens the forward of every case whose subject and sender name are a corpus entry", async () => {
    const w = world();
    const base = loadFixture("01-structured-es.json");
    const all = hostileVectors();
    const failures: Array<{ vector: string; got: string }> = [];
    for (const [i, vector] of all.entries()) {
      const request = structuredClone(base) as Record<string, unknown> & {
        from: { emailAddress: { name: string; address: string } };
      };
      request.subject = vector;
      request.from.emailAddress.name = vector;
      const { case: created, messageId } = await newCase(w, request);
      await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
      const forward = w.tenant
        .storedMessages(IT, "inbox")
        .find((m) =>
          m.internetMessageHeaders.some((h) => h.name === "x-pregon-case-id" && h.value === created.id),
        );
      if (!forward) {
        failures.push({ vector, got: "no forward in IT's inbox" });
        continue;
      }
      const opened = await openItItem(w.it.ctx, w.it.select(forward.id, forward.subject));
      const got =
        opened.kind === "itCase" ? opened.summary.id : `${opened.kind} (${opened.caseId ?? "no id"})`;
      if (got !== created.id) failures.push({ vector: `#${i} ${vector.slice(0, 120)}`, got });
    }
    console.info(
      `hostile subjects and sender names: ${all.length} forwards, ${failures.length} not opened as their case`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
}
