// Two builds from one config:
//   production/development (default): the add-in as deployed — taskpane.html + dialog.html, Office.js from
//     Microsoft's CDN, hashed assets, a Content-Security-Policy; no emulator code.
//   --env demo: the embedded-tenant demo (dist-demo/): both mailboxes side by side with the real taskpane,
//     Graph served by the msw emulator in the page. Never deployed.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The hosts the pane may load images from: the configuration's `imageHosts` (the institution's own web sites, the
 * only hosts whose images a mass mail keeps). Anything that is not a plain host name stops the build: this list
 * becomes part of the policy below. Change `imageHosts` in src/config/pregon.config.json and rebuild.
 */
function imageSources(configFile = path.resolve(__dirname, "src/config/pregon.config.json")) {
  const hosts = JSON.parse(require("node:fs").readFileSync(configFile, "utf8")).imageHosts ?? [];
  const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
  for (const host of hosts) {
    if (typeof host !== "string" || !HOST.test(host)) {
      throw new Error(`imageHosts in ${configFile}: ${JSON.stringify(host)} is not a host name`);
    }
  }
  return hosts.map((host) => `https://${host.toLowerCase()}`);
}

/**
 * Only what the pane needs: itself, the Office CDN, the Microsoft identity platform, Graph, and Exchange's
 * upload-session host: createUploadSession (attachments over 3 MB) answers with a pre-authenticated uploadUrl on
 * https://outlook.office.com, not on Graph (Graph's "Attach large files to Outlook messages or events"), and the
 * pane PUTs the file there; without it every large attachment would be blocked.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  // Griffel (Fluent UI's CSS-in-JS) inserts <style> rules at run time.
  "style-src 'self' 'unsafe-inline'",
  // Mail previews load remote images only when the user asks, and only from the configured image hosts: the
  // same hosts a mass mail keeps images from (src/domain/content/imageHosts.ts). Never any https: host.
  ["img-src 'self' data: blob:", ...imageSources()].join(" "),
  "font-src 'self' data:",
  "connect-src 'self' https://graph.microsoft.com https://outlook.office.com https://login.microsoftonline.com",
  "frame-src 'self' https://login.microsoftonline.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self' https://login.microsoftonline.com",
].join("; ");

/**
 * HTTPS options for `npm run dev-server`, from office-addin-dev-certs. Where it cannot install its CA into the
 * system store (e.g. a Linux machine without sudo) the certificates it generated are still used, and the
 * message says which CA file to trust by hand; the tool's own failure would otherwise stop the server.
 */
async function devCerts() {
  const devCertsModule = require("office-addin-dev-certs");
  try {
    return await devCertsModule.getHttpsServerOptions();
  } catch (error) {
    const fs = require("node:fs");
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const [cert, key, ca] = ["localhost.crt", "localhost.key", "ca.crt"].map((f) => path.join(dir, f));
    if (!fs.existsSync(cert) || !fs.existsSync(key)) throw error;
    console.warn(
      `office-addin-dev-certs could not install its CA (${error.message.split("\n")[0]}).\n` +
        `Serving with its certificates anyway; trust ${ca} in your browser or system to avoid warnings.`,
    );
    return { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ca: fs.readFileSync(ca) };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const isDemo = Boolean(env.demo);
  const mode = argv.mode ?? "production";
  const isProduction = mode === "production";
  const outDir = path.resolve(__dirname, isDemo ? "dist-demo" : "dist");

  const entry = isDemo
    ? { demo: "./src/demo/main.tsx" }
    : { taskpane: "./src/app/main.tsx", dialog: "./src/app/dialog.ts" };

  const html = isDemo
    ? [
        new HtmlWebpackPlugin({
          filename: "index.html",
          template: "./src/demo/demo.html",
          chunks: ["demo"],
        }),
      ]
    : [
        new HtmlWebpackPlugin({
          filename: "taskpane.html",
          template: "./src/app/taskpane.html",
          chunks: ["taskpane"],
          templateParameters: { officeJs: OFFICE_JS_CDN, csp: CSP },
        }),
        new HtmlWebpackPlugin({
          filename: "dialog.html",
          template: "./src/app/dialog.html",
          chunks: ["dialog"],
          templateParameters: { officeJs: OFFICE_JS_CDN, csp: CSP },
        }),
      ];

  const copies = isDemo
    ? [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        { from: "src/demo/demo.config.json", to: "demo.config.json" },
        // The msw service worker script must be served from the page's origin.
        {
          from: "node_modules/msw/lib/mockServiceWorker.js",
          to: "mockServiceWorker.js",
          info: { minimized: true },
        },
      ]
    : [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        { from: "src/config/pregon.config.json", to: "pregon.config.json" },
      ];

  return {
    mode,
    entry,
    devtool: isProduction ? "source-map" : "eval-source-map",
    output: {
      path: outDir,
      filename: isProduction ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: isProduction ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [...html, new CopyWebpackPlugin({ patterns: copies })],
    performance: { hints: false },
    devServer: {
      host: "localhost",
      port: 3000,
      static: { directory: outDir },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: isDemo
        ? "http"
        : { type: "https", options: env.WEBPACK_SERVE && !isDemo ? await devCerts() : {} },
    },
  };
};

/** The production policy, for the test that checks it admits every origin the pane talks to. */
module.exports.CSP = CSP;
module.exports.imageSources = imageSources;
