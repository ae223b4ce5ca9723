// The calls to the backend: the settings (GET /api/settings), a check of the trainer's settings
// (POST /api/options/check) and the analysis (POST /api/reports/analyze). The backend decides everything (is it a
// report, what is wrong, who attended, how the settings are bounded, what the new sheet is called); this module only
// classifies failures into messages a trainer can act on.

/**
 * @typedef {import("./sheet-painter.js").SheetLayout} SheetLayout
 * @typedef {import("./workbook-reader.js").WorkbookCells} WorkbookCells
 *
 * The trainer's settings in the API's units (rates 0–1), by field name.
 * @typedef {Record<string, number | string | null>} Options
 *
 * Whose a setting is: the trainer's (remembered in this browser) or the report's (its slots: never remembered).
 * @typedef {"Trainer" | "Report"} OptionScope
 *
 * @typedef {object} NumberOption
 * @property {"number"} kind
 * @property {string} name
 * @property {string} label
 * @property {string} help
 * @property {OptionScope} scope
 * @property {number} default
 * @property {number} minimum
 * @property {number} maximum
 * @property {number} displayScale the form shows value × scale
 * @property {number} displayStep
 * @property {string} unit
 *
 * @typedef {object} TimeOption
 * @property {"time"} kind
 * @property {string} name
 * @property {string} label
 * @property {string} help
 * @property {OptionScope} scope
 * @property {string} default "HH:mm"
 *
 * The slots the trainer enters (options.slots: [{ start, end }], local wall-clock "2024-03-25T14:00").
 * @typedef {object} SlotListOption
 * @property {"slots"} kind
 * @property {string} name
 * @property {string} label
 * @property {string} help
 * @property {OptionScope} scope
 * @property {number} maxCount
 * @property {number} maxHours
 * @property {string} earliest
 * @property {string} latest
 * @property {string} example
 * @property {string} incompleteMessage what the form says beside a slot whose date, start or end is blank
 *
 * The sheet of the convened list (options.convocationSheet): left out, looked for; "", none; a name, that sheet.
 * @typedef {object} SheetChoiceOption
 * @property {"sheet"} kind
 * @property {string} name
 * @property {string} label
 * @property {string} help
 * @property {OptionScope} scope
 * @property {number} maxLength
 *
 * A setting the options form shows as one field.
 * @typedef {NumberOption | TimeOption} FieldOption
 *
 * @typedef {FieldOption | SlotListOption | SheetChoiceOption} OptionDefinition
 *
 * @typedef {object} ClientSettings
 * @property {OptionDefinition[]} options
 * @property {{ lower: string, upper: string, message: string }[]} orders
 * @property {Record<string, string>} statuses
 * @property {Record<string, string>} roles
 * @property {{ maxBytes: number, hint: string }} [upload] the upload's size limit and the sentence the upload page shows
 *
 * A slot as the API writes it (local wall-clock time, "2024-03-25T14:00" or "2024-03-25T14:00:00").
 * @typedef {{ start: string, end: string }} Slot
 *
 * What belongs to this report only (never remembered): the slots the trainer entered, the convened list's sheet
 * (left out, looked for; "", none; a name, that sheet).
 * @typedef {{ slots?: Slot[], convocationSheet?: string }} ReportChoices
 *
 * Why one entered slot was refused: its number (1-based) in options.slots, or null for the list as a whole.
 * @typedef {{ slot: number | null, message: string }} SlotError
 *
 * @typedef {object} ReportSummary
 * @property {string} platform
 * @property {Slot[]} [slots] the slots the report states
 * @property {Slot[]} [suggestedSlots] what the slot form starts from
 * @property {string[]} [sourceSheets]
 *
 * @typedef {object} ConvocationSummary
 * @property {"Found" | "Chosen" | "File" | "NotFound" | "Declined"} selection
 * @property {string | null} [sheet] the list's sheet; null without a list
 * @property {number} [people]
 * @property {string[]} [otherSheets] other sheets that hold a list
 * @property {string} message the sentence to show
 *
 * @typedef {object} Unrecognised No platform recognised the workbook: what it holds, and what each platform's report holds.
 * @property {string} found
 * @property {string} intro
 * @property {{ platform: string, expected: string }[]} platforms
 * @property {string} advice
 *
 * @typedef {object} ReportTexts
 * @property {string} recognised
 * @property {string} [platform] "Rapport reconnu : …"
 * @property {string | null} [slotPrompt] set when no slot is known: the invitation to enter it before signing
 * @property {string | null} [title]
 * @property {string | null} [training]
 * @property {string | null} [pafLine]
 * @property {string | null} [sessions]
 * @property {string | null} [host]
 * @property {string} participants
 * @property {string} totals
 * @property {string} traineeTime
 *
 * @typedef {object} SheetPlacement
 * @property {string} wanted
 * @property {string | null} [existing]
 * @property {string} free
 * @property {string} temporary
 *
 * @typedef {object} Issue
 * @property {"Error" | "Warning"} severity
 * @property {string} [code]
 * @property {string} message
 * @property {string | null} [sheet]
 * @property {number | null} [row]
 *
 * @typedef {object} AnalyzeResponse
 * @property {ReportSummary} [report]
 * @property {ConvocationSummary} [convocation]
 * @property {Issue[]} issues
 * @property {SheetLayout} sheet
 * @property {ReportTexts} texts
 * @property {SheetPlacement} placement
 *
 * @typedef {object} Problem RFC 7807, with the backend's extensions
 * @property {string} [title]
 * @property {string} [detail]
 * @property {Issue[] | Record<string, string[]>} [errors]
 * @property {SlotError[]} [slotErrors] a 400's reasons about the slots, each with its slot's number
 * @property {Unrecognised} [unrecognised] a 422 for a workbook no platform recognised
 */

export const DEFAULT_TIMEOUT_MS = 60000;

export class BackendError extends Error {
  /**
   * @param {"unreachable" | "timeout" | "unusable" | "invalid" | "server"} kind
   * @param {string} message French, shown as is
   * @param {Problem | null} [problem] the RFC 7807 body when there is one
   */
  constructor(kind, message, problem) {
    super(message);
    this.name = "BackendError";
    this.kind = kind;
    this.problem = problem || null;
  }
}

/**
 * The settings' definitions and the labels the pages show.
 * @returns {Promise<ClientSettings>}
 */
export async function getSettings() {
  return /** @type {ClientSettings} */ (await call("api/settings", { method: "GET" }));
}

/**
 * Settings as the form holds them, checked by the backend: the accepted settings (defaults filled in), or a
 * BackendError "invalid" whose problem.errors says what is wrong per field.
 * @param {Options} options
 * @returns {Promise<Options>}
 */
export async function checkOptions(options) {
  return /** @type {Options} */ (await call("api/options/check", post(options)));
}

/**
 * Posts the cells as read by Office.js; resolves with the AnalyzeResponse, rejects with a BackendError.
 * @param {WorkbookCells} cells
 * @param {Options} options the trainer's settings
 * @param {ReportChoices} [choices] this report's slots and convened list, when the trainer gave them
 * @param {{ timeoutMs?: number }} [tuning]
 * @returns {Promise<AnalyzeResponse>}
 */
export async function analyze(cells, options, choices = {}, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const body = { sheets: cells.sheets, sheetNames: cells.names, options: { ...options, ...choices } };
  return /** @type {AnalyzeResponse} */ (await call("api/reports/analyze", post(body), timeoutMs));
}

/** @param {unknown} body @returns {RequestInit} */
function post(body) {
  return { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}

/**
 * @param {string} url
 * @param {RequestInit} init
 * @param {number} [timeoutMs]
 * @returns {Promise<unknown>}
 */
async function call(url, init, timeoutMs = DEFAULT_TIMEOUT_MS) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  /** @type {Response} */
  let response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...init.headers, Accept: "application/json, application/problem+json" },
      signal: abort.signal,
      cache: "no-store",
    });
  } catch {
    if (abort.signal.aborted)
      throw new BackendError(
        "timeout",
        "Le service Émargement ne répond pas (délai dépassé). Rien n'a été écrit dans le classeur. Réessayez dans un instant."
      );
    throw new BackendError(
      "unreachable",
      "Le service Émargement est injoignable (réseau ou serveur arrêté). Rien n'a été écrit dans le classeur. Vérifiez votre connexion puis réessayez."
    );
  } finally {
    clearTimeout(timer);
  }

  const body = await readJson(response);
  if (response.ok && body) return body;
  const problem = /** @type {Problem | null} */ (body);
  if (response.status === 422)
    throw new BackendError(
      "unusable",
      (problem && problem.title) || "Ce classeur n'est pas un rapport de session utilisable.",
      problem
    );
  if (response.status === 400) throw new BackendError("invalid", describeBadRequest(problem), problem);
  if (response.status === 413)
    throw new BackendError(
      "invalid",
      (problem && problem.detail) || "Le classeur est trop volumineux pour être analysé.",
      problem
    );
  if (response.status === 429)
    throw new BackendError(
      "server",
      "Le service Émargement est très sollicité. Patientez quelques secondes puis réessayez.",
      problem
    );
  throw new BackendError(
    "server",
    `Le service Émargement a rencontré une erreur (code ${response.status}). Rien n'a été écrit dans le classeur. Réessayez.`,
    problem
  );
}

/** @param {Response} response @returns {Promise<unknown>} */
async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** @param {Problem | null} problem */
function describeBadRequest(problem) {
  if (!problem) return "La demande a été refusée par le service Émargement.";
  return problem.detail || problem.title || "La demande a été refusée par le service Émargement.";
}
