// ESLint (flat config): typescript-eslint's recommended rules, and the layer rule as import restrictions.
// Layers (one way only): protocol/ ← provider/ and emulator/; provider/ ← cli/; harness/ ← test/, bench/, examples/;
// test/ ← nothing.
//   - nothing outside test/ imports from test/;
//   - the emulator imports nothing of the provider side but the protocol module;
//   - the provider and the protocol import neither the emulator, the harness nor the tests.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Import paths (as written) that reach a directory `dir` of the repository, for no-restricted-imports. */
const into = (dir) => `(^|/)${dir}(/|$)`;

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
const LAYER = "layer rule (DESIGN.md, Module map)";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".build/**", "coverage/**", "reports/**", "**/*.d.ts", "bench/naive/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  { files: ["**/*.js", "**/*.cjs", "**/*.mjs"], languageOptions: { globals: globals.node } },
  {
    files: ["**/*.cjs", "**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["provider/**", "protocol/**"],
    rules: restrict([
      { regex: into("test"), message: `${LAYER}: nothing outside test/ imports from test/.` },
      {
        regex: into("(emulator|harness|bench|examples)"),
        message: `${LAYER}: the provider and the protocol stand alone; the emulator, harness, bench and examples build on them.`,
      },
    ]),
  },
  {
    files: ["protocol/**"],
    rules: restrict([
      {
        regex: into("(provider|emulator|test|harness|bench|examples)"),
        message: `${LAYER}: protocol/ is the bottom layer; it imports nothing of the repository.`,
      },
    ]),
  },
  {
    files: ["cli/**"],
    rules: restrict([
      { regex: into("test"), message: `${LAYER}: nothing outside test/ imports from test/.` },
      {
        regex: into("(emulator|harness|bench|examples)"),
        message: `${LAYER}: cli/ builds on the provider (its client, config and model) and the protocol only; it ships in the package.`,
      },
    ]),
  },
  {
    files: ["emulator/**"],
    rules: restrict([
      { regex: into("(test|harness|bench|examples)"), message: `${LAYER}: the emulator imports no test code.` },
      {
        regex: into("provider"),
        message: `${LAYER}: the emulator imports only the protocol module (protocol/) from the provider side, never the client or the resource.`,
      },
    ]),
  },
  {
    files: ["bench/**", "examples/**", "harness/**", "scripts/**"],
    rules: restrict([
      {
        regex: into("test"),
        message: `${LAYER}: nothing outside test/ imports from test/; shared test tools live in harness/.`,
      },
    ]),
  },
);
