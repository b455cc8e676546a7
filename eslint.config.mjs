// ESLint for the project's JavaScript: the page glue (ES modules), the engine worker, the service
// worker and the build and test programs that run in Node. `make lint` runs it with ruff.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/cx/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser, document$: "readonly" } },
  },
  {
    files: ["overrides/assets/javascripts/cx-worker.mjs", "benchmarks/bare/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.worker },
  },
  {
    files: ["overrides/assets/javascripts/cx-sw.js"],
    languageOptions: { sourceType: "script", globals: globals.serviceworker },
  },
  {
    files: ["overrides/assets/javascripts/cx-last.js"], // a classic script that runs while the page is parsed
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    files: ["tests/browser/probes.js"], // one expression, evaluated in the page by every test driver
    languageOptions: { sourceType: "script", globals: globals.browser },
  },
  {
    files: ["overrides/hooks/*.mjs", "tests/**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    rules: { "no-unused-vars": ["error", { argsIgnorePattern: "^_" }], eqeqeq: "error", "prefer-const": "error" },
  },
];
