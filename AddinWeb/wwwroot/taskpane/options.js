// The trainer's settings: the form is built from the backend's definitions (GET /api/settings: labels, help,
// bounds, defaults), the values are checked by the backend (POST /api/options/check), and the accepted ones are
// remembered per user in this browser's storage (never in the workbook: the workbook is an accounting record that
// travels, the settings are a personal preference). No bound, default or order is written here.

/** @typedef {import("./backend.js").OptionDefinition} OptionDefinition */
/** @typedef {import("./backend.js").FieldOption} FieldOption */
/** @typedef {import("./backend.js").Options} Options */

const STORAGE_KEY = "emargement.options.v1";

/**
 * The trainer's own settings that this form shows, one field each (number or time), in the backend's order. A
 * setting of the report itself (its slots) is neither shown here nor remembered: it has a form of its own.
 * @param {OptionDefinition[]} definitions
 * @returns {FieldOption[]}
 */
export function preferenceFields(definitions) {
  return definitions.flatMap((d) => (d.scope === "Trainer" && (d.kind === "number" || d.kind === "time") ? [d] : []));
}

/**
 * The definitions' defaults, in the API's units.
 * @param {FieldOption[]} definitions
 * @returns {Options}
 */
export function defaultOptions(definitions) {
  return Object.fromEntries(definitions.map((d) => [d.name, d.default]));
}

/**
 * What this browser remembers (unchecked: the caller has the backend check it), or null.
 * @returns {Options | null}
 */
export function loadSavedOptions(storage = safeStorage()) {
  if (!storage) return null;
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) || "null");
    return saved && typeof saved === "object" ? saved : null;
  } catch {
    return null;
  }
}

/** @param {Options} options */
export function saveOptions(options, storage = safeStorage()) {
  if (!storage) return;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(options));
  } catch {
    /* private mode or quota: kept in memory only */
  }
}

export function clearOptions(storage = safeStorage()) {
  if (!storage) return;
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    /* nothing to forget */
  }
}

/**
 * One labelled field per definition, in the backend's order, inside `container`.
 * @param {HTMLElement} container
 * @param {FieldOption[]} definitions
 */
export function buildOptionsForm(container, definitions) {
  container.replaceChildren();
  for (const definition of definitions) {
    const field = document.createElement("div");
    field.className = "field";
    const id = fieldId(definition);
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = definition.kind === "number" ? `${definition.label} (${definition.unit})` : definition.label;
    const input = document.createElement("input");
    input.id = id;
    input.name = definition.name;
    if (definition.kind === "number") {
      input.type = "number";
      input.inputMode = "decimal";
      input.min = String(shown(definition, definition.minimum));
      input.max = String(shown(definition, definition.maximum));
      input.step = String(definition.displayStep);
    } else {
      input.type = "time";
      input.step = "60";
    }
    const help = document.createElement("p");
    help.className = "field__help";
    help.id = `${id}-help`;
    help.textContent = definition.help;
    input.setAttribute("aria-describedby", help.id);
    field.append(label, input, help);
    container.appendChild(field);
  }
}

/**
 * @param {FieldOption[]} definitions
 * @param {Options} options
 */
export function fillOptionsForm(definitions, options) {
  for (const definition of definitions) {
    const value = options[definition.name];
    const input = inputOf(definition);
    if (value === null || value === undefined) input.value = "";
    else if (definition.kind === "number" && typeof value === "number") input.value = String(shown(definition, value));
    else input.value = String(value);
  }
}

/**
 * The form's values in the API's units; a blank (or unreadable) field is left to the backend's default.
 * @param {FieldOption[]} definitions
 * @returns {Options}
 */
export function readOptionsForm(definitions) {
  /** @type {Options} */
  const options = {};
  for (const definition of definitions) {
    const input = inputOf(definition);
    if (definition.kind === "number") {
      const number = input.valueAsNumber;
      options[definition.name] = Number.isFinite(number) ? number / definition.displayScale : null;
    } else {
      options[definition.name] = input.value === "" ? null : input.value;
    }
  }
  return options;
}

/**
 * Marks the fields the backend refused and shows its messages.
 * @param {FieldOption[]} definitions
 * @param {Record<string, string[]>} errors by field name
 * @param {HTMLElement} message
 */
export function showOptionErrors(definitions, errors, message) {
  for (const definition of definitions) {
    const input = inputOf(definition);
    if (errors[definition.name]) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
  const texts = definitions.flatMap((d) => errors[d.name] || []);
  message.textContent = texts.join(" ");
  message.hidden = texts.length === 0;
}

/** @param {import("./backend.js").NumberOption} definition @param {number} value */
function shown(definition, value) {
  // Rounded so that 0.1 × 100 shows 10, not 10.000000000000002.
  return Math.round(value * definition.displayScale * 1e6) / 1e6;
}

/** @param {FieldOption} definition */
function fieldId(definition) {
  return `option-${definition.name}`;
}

/** @param {FieldOption} definition */
function inputOf(definition) {
  return /** @type {HTMLInputElement} */ (document.getElementById(fieldId(definition)));
}

function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
