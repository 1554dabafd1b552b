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

/**
 * One fence: in `files`, these module patterns may not be imported. A folder pattern "**\/x/**" also covers the
 * folder's index ("../x"), which the glob alone would not match.
 */
function fence(files, patterns, message) {
  const group = patterns.flatMap((p) =>
    p.endsWith("/**") && p.startsWith("**/") ? [p, p.slice(0, -3)] : [p],
  );
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group, message }] }],
    },
  };
}

export default tseslint.config(
  {
    ignores: ["dist/**", "dist-demo/**", "coverage/**", "node_modules/**", ".tmp/**", "test-results/**"],
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
    ["src/domain/**/*.ts"],
    [
      ...reactPackages,
      ...graphPackages,
      ...msalPackages,
      ...emulatorPackages,
      "@microsoft/*",
      "dompurify",
      "**/office/**",
      "**/graph/**",
      "**/auth/**",
      "**/taskpane/**",
      "**/emulator/**",
      "**/demo/**",
      "**/ports/**",
      "**/i18n/**",
      "**/config/**",
      "**/sanitize/**",
    ],
    "src/domain/ is pure: it imports no React, Office, Graph, MSAL, emulator or other layer.",
  ),
  fence(
    ["src/taskpane/**/*.{ts,tsx}"],
    [
      ...graphPackages,
      ...msalPackages,
      ...emulatorPackages,
      "**/office/**",
      "**/graph/**",
      "**/auth/**",
      "**/emulator/**",
      "**/demo/**",
    ],
    "The taskpane depends on ports (src/ports/) and the domain, never on a concrete adapter.",
  ),
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "The taskpane talks to the MailHost port." },
        { name: "fetch", message: "The taskpane talks to the MailService port." },
      ],
    },
  },
  // Each adapter may import the package it owns (the general fence above is replaced for its folder).
  fence(
    ["src/graph/**/*.ts"],
    [
      ...msalPackages,
      ...emulatorPackages,
      ...reactPackages,
      "**/auth/**",
      "**/emulator/**",
      "**/taskpane/**",
    ],
    "src/graph/ gets a token provider; it never sees MSAL, React or the emulator.",
  ),
  fence(
    ["src/auth/**/*.ts"],
    [
      ...graphPackages,
      ...emulatorPackages,
      ...reactPackages,
      "**/graph/**",
      "**/emulator/**",
      "**/taskpane/**",
    ],
    "src/auth/ has no DOM or UI and knows nothing of Graph or the emulator.",
  ),
  fence(
    ["src/emulator/**/*.ts"],
    [
      ...graphPackages,
      ...msalPackages,
      ...reactPackages,
      "**/taskpane/**",
      "**/auth/**",
      "**/graph/**",
      "**/office/**",
    ],
    "src/emulator/ stands in for Microsoft 365 on the far side of HTTP; it uses none of the add-in's layers.",
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
