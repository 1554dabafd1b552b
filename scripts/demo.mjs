// `npm run demo`: builds the embedded-tenant demo and serves it on 127.0.0.1. No Microsoft 365 needed.
// Usage: npm run demo [-- --port 3001] [-- --no-build]
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "./serve.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 3001);
const out = join(root, "dist-demo");

if (!args.includes("--no-build") || !existsSync(join(out, "index.html"))) {
  console.log("Building the demo…");
  const webpack = join(root, "node_modules", "webpack", "bin", "webpack.js");
  const build = spawnSync(process.execPath, [webpack, "--mode", "production", "--env", "demo"], {
    cwd: root,
    stdio: "inherit",
  });
  if (build.status !== 0 || !existsSync(join(out, "index.html"))) {
    console.error("The demo build failed; see the messages above.");
    process.exit(1);
  }
}

const server = await serveStatic(out, { port });
console.log(`\nPregón demo (embedded tenant, no Microsoft 365): ${server.url}`);
console.log("Press Ctrl+C to stop.");
