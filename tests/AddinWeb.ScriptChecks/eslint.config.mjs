// ESLint for the task pane's and the upload page's scripts: eslint-plugin-office-addins' recommended rules (Office's
// own: load before read, sync after load, no sync in loops, isNullObject for null objects…, with @eslint/js's
// recommended rules and Prettier), as OfficeDev's samples lint theirs. Run from the repository root (the test does).
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default [
  ...officeAddins.configs.recommended,
  {
    files: ["AddinWeb/wwwroot/taskpane/**/*.js", "AddinWeb/wwwroot/site/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Prettier with Office's own settings (office-addin-prettier-config), lines as wide as the rest of the repository.
      "prettier/prettier": ["error", { printWidth: 120, trailingComma: "es5", endOfLine: "auto" }, { usePrettierrc: false }],
    },
  },
];
