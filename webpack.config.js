// Two builds from one config:
//   production/development (default): the add-in as deployed — taskpane.html + dialog.html, Office.js from
//     Microsoft's CDN, hashed assets, a Content-Security-Policy; no emulator code.
//   --env demo: the embedded-tenant demo (dist-demo/): both mailboxes side by side with the real taskpane,
//     Graph served by the msw emulator in the page. Never deployed.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Only what the pane needs: itself, the Office CDN, the Microsoft identity platform and Graph. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  // Griffel (Fluent UI's CSS-in-JS) inserts <style> rules at run time.
  "style-src 'self' 'unsafe-inline'",
  // Mail previews show the request's images (sanitized HTML); cid: parts are resolved to data: URLs.
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' https://graph.microsoft.com https://login.microsoftonline.com",
  "frame-src 'self' https://login.microsoftonline.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self' https://login.microsoftonline.com",
].join("; ");

function devCerts() {
  // office-addin-dev-certs is only needed for `npm run dev-server`; load it lazily.
  const devCertsModule = require("office-addin-dev-certs");
  return devCertsModule.getHttpsServerOptions();
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
