// The public XSS corpora (DOMPurify fixtures, OWASP vectors) in the shared folder beside the repository. Tests that
// use them skip, saying so, when the folder is absent (e.g. in a temporary clone). XSS_CORPORA_DIR points elsewhere.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const CORPORA_DIR = process.env.XSS_CORPORA_DIR ?? path.resolve(REPO_ROOT, "..", "shared", "xss");
export const corporaAvailable = existsSync(CORPORA_DIR);

function read<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(CORPORA_DIR, file), "utf8")) as T;
}

/** Every non-empty vector of the corpora, without duplicates. */
export function hostileVectors(): string[] {
  const detailed = read<{
    code_blocks: Array<{ code: string }>;
    inline_vectors: Array<{ vector: string }>;
  }>("owasp-vectors-detailed.json");
  return [
    ...new Set([
      ...read<Array<{ payload: string }>>("dompurify-fixtures.json").map((f) => f.payload),
      ...read<string[]>("owasp-vectors.json"),
      ...detailed.code_blocks.map((b) => b.code),
      ...detailed.inline_vectors.map((v) => v.vector),
    ]),
  ].filter((v) => v.trim() !== "");
}
