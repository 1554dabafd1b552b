// Lint rules, including the layer fences described in README.md ("How the layers fit").
// A fence is a `no-restricted-imports` / `no-restricted-globals` rule scoped to a folder, so that
// crossing a layer boundary is a lint error, not a review comment. test/lint/fences.test.ts proves they bite.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const reactPackages = ["react", "react-dom", "react-dom/*", "@fluentui/*"];
const graphPackages = ["@microsoft/microsoft-graph-client", "@microsoft/microsoft-graph-client/*"];
const msalPackages = ["@azure/msal-browser", "@azure/msal-*"];
const emulatorPackages = ["msw", "msw/*"];

/** Every folder of the README's diagram (src/<name>/). */
const LAYERS = [
  "domain",
  "ports",
  "workflow",
  "taskpane",
  "office",
  "graph",
  "auth",
  "config",
  "i18n",
  "sanitize",
  "emulator",
  "demo",
  "app",
];
const layers = (names) => names.map((n) => `**/${n}/**`);
/** The folder patterns of every layer except the folder itself and the ones it may use. */
const layersBut = (...allowed) => layers(LAYERS.filter((n) => !allowed.includes(n)));
/** Packages no inner layer may import (each adapter's own package is allowed only in its folder). */
const outside = [...reactPackages, ...graphPackages, ...msalPackages, ...emulatorPackages];

/** A globals fence: in `files`, these globals may not be used. */
function globalsFence(files, names, message) {
  return {
    files,
    rules: { "no-restricted-globals": ["error", ...names.map((name) => ({ name, message }))] },
  };
}

/**
 * One fence: in `files`, these module patterns may not be imported. A folder pattern "**\/x/**" also covers the
 * folder's index ("../x", "../../x", …), which the glob alone would not match; the index forms are relative paths
 * rather than "**\/x" so that a file that happens to be called like a layer (the emulator's state/config.ts) is
 * not mistaken for the layer. Matching is case-sensitive for the same reason (taskpane/App is not src/app).
 */
function fence(files, patterns, message) {
  const group = patterns.flatMap((p) => {
    if (!(p.endsWith("/**") && p.startsWith("**/"))) return [p];
    const name = p.slice(3, -3);
    return [p, ...["../", "../../", "../../../", "../../../../"].map((up) => up + name)];
  });
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group, message, caseSensitive: true }] }],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-demo/**",
      ".bench/**",
      "coverage/**",
      "node_modules/**",
      ".tmp/**",
      "test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  // Only the Office adapter touches the Office global.
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/office/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        {
          name: "Office",
          message: "Only src/office/ may use the Office global; depend on the MailHost port.",
        },
      ],
    },
  },
  // Only the Graph adapter (and the emulator, which speaks Graph on the other side) may import the Graph client;
  // only the auth folder may import MSAL; msw stays in the emulator.
  fence(
    ["src/**/*.{ts,tsx}"],
    [...graphPackages, ...msalPackages, ...emulatorPackages],
    "Graph client only in src/graph/, MSAL only in src/auth/, msw only in src/emulator/.",
  ),
  // The domain is plain TypeScript: no UI, no outside system, no other layer.
  fence(
    ["src/domain/**/*.{ts,tsx}"],
    [...outside, "@microsoft/*", "dompurify", ...layersBut("domain")],
    "src/domain/ is pure: it imports no React, Office, Graph, MSAL, emulator or other layer.",
  ),
  globalsFence(
    ["src/domain/**/*.{ts,tsx}"],
    ["Office", "fetch", "window", "document"],
    "src/domain/ is pure.",
  ),
  // Ports are the contracts between layers: types and small protocol helpers over the domain, nothing concrete.
  fence(
    ["src/ports/**/*.{ts,tsx}"],
    [...outside, "@microsoft/*", "dompurify", ...layersBut("domain", "ports")],
    "src/ports/ holds contracts: it depends on the domain only, never on an adapter, the workflow or the UI.",
  ),
  // The workflow runs the procedure over ports: no UI, no concrete adapter, no user-facing text.
  fence(
    ["src/workflow/**/*.{ts,tsx}"],
    [...outside, "@microsoft/*", "dompurify", ...layersBut("workflow", "domain", "ports", "config")],
    "src/workflow/ talks to ports (MailService, MailHost) and the domain; it returns codes, never UI or text.",
  ),
  globalsFence(
    ["src/workflow/**/*.{ts,tsx}"],
    ["Office", "fetch"],
    "The workflow reaches Outlook and Graph only through the ports.",
  ),
  fence(
    ["src/taskpane/**/*.{ts,tsx}"],
    [
      ...graphPackages,
      ...msalPackages,
      ...emulatorPackages,
      "dompurify",
      ...layersBut("taskpane", "domain", "ports", "workflow", "config", "i18n"),
    ],
    "The taskpane depends on ports (src/ports/) and the domain, never on a concrete adapter.",
  ),
  globalsFence(
    ["src/taskpane/**/*.{ts,tsx}"],
    ["Office", "fetch"],
    "The taskpane talks to the MailHost and MailService ports.",
  ),
  // Each adapter may import the package it owns (the general fence above is replaced for its folder).
  fence(
    ["src/office/**/*.{ts,tsx}"],
    [
      ...graphPackages,
      ...msalPackages,
      ...emulatorPackages,
      ...reactPackages,
      ...layersBut("office", "domain", "ports"),
    ],
    "src/office/ adapts Office.js to the ports; it knows nothing of Graph, MSAL, the UI or the workflow.",
  ),
  fence(
    ["src/graph/**/*.{ts,tsx}"],
    [...msalPackages, ...emulatorPackages, ...reactPackages, ...layersBut("graph", "domain", "ports")],
    "src/graph/ gets a token provider; it never sees MSAL, React or the emulator.",
  ),
  fence(
    ["src/auth/**/*.{ts,tsx}"],
    [...graphPackages, ...emulatorPackages, ...reactPackages, ...layersBut("auth", "domain", "ports")],
    "src/auth/ has no DOM or UI and knows nothing of Graph or the emulator.",
  ),
  // The leaves every layer may read: configuration, strings, the HTML sanitizer. They read only the domain.
  fence(
    ["src/config/**/*.{ts,tsx}"],
    [...outside, "@microsoft/*", "dompurify", ...layersBut("config", "domain")],
    "src/config/ reads and checks pregon.config.json over the domain's types; it depends on no other layer.",
  ),
  globalsFence(
    ["src/config/**/*.{ts,tsx}"],
    ["Office"],
    "src/config/ is given its fetch function; it does not reach Outlook.",
  ),
  fence(
    ["src/i18n/**/*.{ts,tsx}"],
    [...outside, "@microsoft/*", "dompurify", ...layersBut("i18n", "domain")],
    "src/i18n/ is the string catalogue; it depends on no other layer.",
  ),
  globalsFence(["src/i18n/**/*.{ts,tsx}"], ["Office", "fetch"], "src/i18n/ is data and formatting only."),
  fence(
    ["src/sanitize/**/*.{ts,tsx}"],
    [...outside, "@microsoft/*", ...layersBut("sanitize", "domain")],
    "src/sanitize/ wraps DOMPurify; it depends on no other layer.",
  ),
  fence(
    ["src/emulator/**/*.{ts,tsx}"],
    [...graphPackages, ...msalPackages, ...reactPackages, ...layersBut("emulator")],
    "src/emulator/ stands in for Microsoft 365 on the far side of HTTP; it uses none of the add-in's layers.",
  ),
  // The two wirings: the demo puts the emulator behind the Graph adapter; production never sees the emulator.
  fence(
    ["src/demo/**/*.{ts,tsx}"],
    [
      ...graphPackages,
      ...msalPackages,
      ...emulatorPackages,
      ...layers(["office", "auth", "app", "workflow"]),
    ],
    "src/demo/ wires the stand-in host, the Graph adapter over the emulator and the taskpane; no Office.js, MSAL or workflow.",
  ),
  fence(
    ["src/app/**/*.{ts,tsx}"],
    [...graphPackages, ...emulatorPackages, ...layers(["emulator", "demo", "workflow"])],
    "src/app/ wires production (Office.js, Graph, MSAL); it never imports the emulator, the demo or the workflow.",
  ),
  {
    // CommonJS configuration files read by webpack and jest.
    files: ["webpack.config.js", "jest.config.js", "jest.e2e.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**/*.{ts,tsx}", "scripts/**/*.mjs", "*.config.{js,mjs}", "webpack.config.js"],
    rules: { "no-restricted-imports": "off", "no-restricted-globals": "off", "no-console": "off" },
  },
);
