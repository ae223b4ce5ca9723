// The task pane: reads the workbook, asks the backend, shows what it says, paints the sheet it returns.
// Nothing here decides whether a workbook is a report, who attended, how a setting is bounded or what the new sheet
// is called: the backend does, and its texts are shown as they come.
import { analyze, BackendError, checkOptions, getSettings } from "./backend.js";
import { SyncTimeoutError, SYNC_TIMEOUT_MS } from "./deadline.js";
import {
  buildOptionsForm,
  clearOptions,
  defaultOptions,
  fillOptionsForm,
  loadSavedOptions,
  preferenceFields,
  readOptionsForm,
  saveOptions,
  showOptionErrors,
} from "./options.js";
import { deleteTemporarySheet, paintSheet } from "./sheet-painter.js";
import { appendSlot, fillSlots, readSlots, removeSlotOf, showSlotErrors, slotErrorsOf } from "./slots.js";
import { selectRow, WorkbookReader } from "./workbook-reader.js";

/**
 * @typedef {import("./backend.js").AnalyzeResponse} AnalyzeResponse
 * @typedef {import("./backend.js").ClientSettings} ClientSettings
 * @typedef {import("./backend.js").Issue} Issue
 * @typedef {import("./backend.js").FieldOption} FieldOption
 * @typedef {import("./backend.js").Options} Options
 * @typedef {import("./backend.js").Problem} Problem
 * @typedef {import("./backend.js").ReportChoices} ReportChoices
 * @typedef {import("./backend.js").SlotError} SlotError
 * @typedef {import("./backend.js").SlotListOption} SlotListOption
 * @typedef {import("./backend.js").ConvocationSummary} ConvocationSummary
 */

/** The requirement set of the manifest: every member the pane uses is in it (checked by tests/AddinWeb.ScriptChecks). */
const REQUIRED_SET = { name: "ExcelApi", version: "1.9" };

/** @param {string} id */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} id */
const button = (id) => /** @type {HTMLButtonElement} */ (document.getElementById(id));

const state = {
  /** @type {ClientSettings | null} */
  settings: null,
  /** @type {FieldOption[]} the settings the options form shows (the trainer's own, remembered in this browser) */
  fields: [],
  /** @type {Options} the last settings the backend accepted */
  options: {},
  /** @type {Record<string, string[]>} what the backend said about the form's current values */
  optionErrors: {},
  optionChecks: 0,
  busy: false,
  /** @type {(() => void) | null} */
  retry: null,
  /** Keeps what it read, and reads again only the sheets that changed. */
  reader: new WorkbookReader(),
  /** @type {string | null} a temporary sheet left by a paint Excel did not answer, deleted at the next chance */
  leftover: null,
  /** @type {SlotListOption | null} the backend's definition of the slots (label, help, messages) */
  slotDefinition: null,
  /** True once the trainer changed the slot form: its slots are then sent; until then it shows the suggestion. */
  slotsEntered: false,
  /** @type {SlotError[]} what is wrong with the slot form, beside the slot concerned */
  slotErrors: [],
  /** @type {string | undefined} the convened list's sheet: left out, looked for; "", none; a name, that sheet */
  convocationSheet: undefined,
  /** @type {string | null} why the sheet chosen as the convened list no longer serves, shown once */
  convocationNotice: null,
  /** An analysis asked for while another ran: run once that one ends (the latest form wins). */
  again: false,
  /** The report card's status of the last analysis accepted, shown again when only a slot is refused. */
  acceptedStatus: "",
};

boot();

function boot() {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    showOutside(
      "La bibliothèque Office.js n'a pas pu être chargée (réseau ou filtrage). Vérifiez votre connexion, puis rouvrez le volet depuis Excel."
    );
    return;
  }
  Office.onReady((info) => {
    if (!info || info.host !== Office.HostType.Excel) {
      showOutside(info && info.host ? "Ce complément fonctionne uniquement dans Excel." : null);
      return;
    }
    if (!Office.context.requirements.isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version)) {
      showOutside(
        "Cette version d'Excel est trop ancienne pour le complément. Il fonctionne avec Excel Microsoft 365 (Windows ou Mac), Excel 2021 ou 2024, Excel pour Mac 16.24 ou plus récent, et Excel sur le web. Excel 2016 et 2019 ne sont plus pris en charge par Microsoft depuis octobre 2025 : sans mise à jour, utilisez la page « Essayer sans Excel »."
      );
      return;
    }
    startApp();
  });
}

/** @param {string | null} reason */
function showOutside(reason) {
  $("loading").hidden = true;
  if (reason) $("outside-reason").textContent = reason;
  $("outside-office").hidden = false;
}

function startApp() {
  $("loading").hidden = true;
  $("app").hidden = false;
  $("options-form").addEventListener("input", () => onOptionsInput());
  $("options-form").addEventListener("submit", (e) => e.preventDefault());
  $("options-reset").addEventListener("click", () => resetOptions());
  $("reload").addEventListener("click", () => inspect());
  $("slot-list").addEventListener("change", () => onSlotsChange());
  $("slot-list").addEventListener("click", (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (target.closest(".slot__remove") && removeSlotOf($("slot-list"), target)) onSlotsChange();
  });
  $("slot-add").addEventListener("click", () => {
    const date = appendSlot($("slot-list"));
    date.focus();
    onSlotsChange();
  });
  $("convocation-decline").addEventListener("click", () => chooseConvocation(""));
  $("convocation-sheet").addEventListener("change", () => {
    const sheet = /** @type {HTMLSelectElement} */ ($("convocation-sheet")).value;
    if (sheet) chooseConvocation(sheet);
  });
  $("generate").addEventListener("click", () => generate());
  $("retry").addEventListener("click", () => {
    if (state.retry) state.retry();
  });
  inspect();
}

// ---- Settings -----------------------------------------------------------------------------------------------

/** The backend's definitions, once; then the remembered settings if the backend still accepts them. */
async function loadSettings() {
  if (state.settings) return state.settings;
  const settings = await getSettings();
  const fields = preferenceFields(settings.options);
  const slots = settings.options.find((d) => d.kind === "slots");
  if (slots && slots.kind === "slots") {
    state.slotDefinition = slots;
    $("slots-title").textContent = slots.label;
    $("slots-help").textContent = slots.help;
  }
  buildOptionsForm($("option-fields"), fields);
  let options = defaultOptions(fields);
  const saved = loadSavedOptions();
  if (saved) {
    try {
      options = await checkOptions(saved);
    } catch (error) {
      if (!(error instanceof BackendError && error.kind === "invalid")) throw error;
      clearOptions(); // bounds changed since they were saved: the defaults apply
    }
  }
  state.options = options;
  fillOptionsForm(fields, options);
  state.fields = fields;
  state.settings = settings;
  return settings;
}

async function onOptionsInput() {
  const settings = state.settings;
  if (!settings) return;
  const candidate = readOptionsForm(state.fields);
  const check = ++state.optionChecks;
  try {
    const accepted = await checkOptions(candidate);
    if (check !== state.optionChecks) return; // a later keystroke is being checked
    state.options = accepted;
    state.optionErrors = {};
    saveOptions(accepted);
  } catch (error) {
    if (check !== state.optionChecks) return;
    state.optionErrors = optionErrorsOf(error);
  }
  showOptionErrors(state.fields, state.optionErrors, $("options-error"));
}

/** @param {unknown} error @returns {Record<string, string[]>} */
function optionErrorsOf(error) {
  if (
    error instanceof BackendError &&
    error.kind === "invalid" &&
    error.problem &&
    error.problem.errors &&
    !Array.isArray(error.problem.errors)
  )
    return error.problem.errors;
  const message = error instanceof Error ? error.message : String(error);
  return { "": [message] };
}

function resetOptions() {
  const settings = state.settings;
  if (!settings) return;
  clearOptions();
  state.options = defaultOptions(state.fields);
  state.optionErrors = {};
  state.optionChecks++;
  fillOptionsForm(state.fields, state.options);
  showOptionErrors(state.fields, {}, $("options-error"));
}

// ---- Reading and showing the report ------------------------------------------------------------------------

async function inspect() {
  if (state.busy) return;
  setBusy(true);
  clearMessages();
  setStatus("Lecture du classeur…");
  try {
    await loadSettings();
    await removeLeftover();
    const cells = await Excel.run((context) => state.reader.read(context));
    setStatus("Analyse du rapport…");
    showReport(await analyze(cells, state.options, reportChoices()));
  } catch (error) {
    handleFailure(error, inspect, false);
  } finally {
    setBusy(false);
    runAgainIfAsked();
  }
}

/** Analyses again with the form as it now is; when an analysis is running, once it ends (one request either way). */
function reanalyse() {
  if (state.busy) {
    state.again = true;
    return;
  }
  inspect();
}

function runAgainIfAsked() {
  if (!state.again) return;
  state.again = false;
  inspect();
}

/**
 * What belongs to this report: the slots, once the trainer changed the form and every row is complete (an empty
 * form sends none: the report's slots, else the sessions found, apply); the convened list's sheet when chosen.
 * @returns {ReportChoices}
 */
function reportChoices() {
  /** @type {ReportChoices} */
  const choices = {};
  if (state.slotsEntered) {
    const { slots, incomplete } = readSlots($("slot-list"));
    if (incomplete.length === 0 && slots.length > 0) choices.slots = slots;
  }
  if (state.convocationSheet !== undefined) choices.convocationSheet = state.convocationSheet;
  return choices;
}

// ---- Slots --------------------------------------------------------------------------------------------------

/** A slot changed, was added or removed: the form's slots now replace the report's, once every row is complete. */
function onSlotsChange() {
  // Every row removed: the report's own slots (or the sessions found) apply, and the form shows them again.
  const { slots, incomplete } = readSlots($("slot-list"));
  state.slotsEntered = slots.length + incomplete.length > 0;
  if (showIncompleteSlots()) return;
  state.slotErrors = [];
  showSlotErrors($("slot-list"), $("slots-error"), []);
  reanalyse();
}

/** Marks the rows still lacking a date, a start or an end; true when there is one (nothing is sent then). */
function showIncompleteSlots() {
  const { incomplete } = readSlots($("slot-list"));
  if (incomplete.length === 0) return false;
  const message = state.slotDefinition ? state.slotDefinition.incompleteMessage : "";
  state.slotErrors = incomplete.map((slot) => ({ slot, message }));
  showSlotErrors($("slot-list"), $("slots-error"), state.slotErrors);
  return true;
}

/** @param {AnalyzeResponse} analysis */
function showSlots(analysis) {
  $("slots").hidden = false;
  const prompt = analysis.texts.slotPrompt;
  $("slot-prompt").textContent = prompt || "";
  $("slot-prompt").hidden = !prompt;
  if (!state.slotsEntered) {
    const report = analysis.report;
    fillSlots($("slot-list"), (report && (report.suggestedSlots || report.slots)) || []);
  }
  state.slotErrors = [];
  showSlotErrors($("slot-list"), $("slots-error"), []);
  if (state.slotsEntered) showIncompleteSlots(); // a row added since, still blank, keeps its message
}

// ---- The convened list --------------------------------------------------------------------------------------

/** @param {string} sheet "" for no list, else the sheet that holds it */
function chooseConvocation(sheet) {
  state.convocationSheet = sheet;
  reanalyse();
}

/** @param {ConvocationSummary | undefined} convocation */
function showConvocation(convocation) {
  $("convocation").hidden = !convocation;
  if (!convocation) return;
  $("convocation-message").textContent = convocation.message;
  // No list in the workbook is said in passing; a list taken (or declined) is what the trainer must check.
  $("convocation").classList.toggle("convocation--none", convocation.selection === "NotFound");
  $("convocation-notice").textContent = state.convocationNotice || "";
  $("convocation-notice").hidden = !state.convocationNotice;
  state.convocationNotice = null;
  $("convocation-decline").hidden = !convocation.sheet || convocation.selection === "File";
  const others = convocation.otherSheets || [];
  $("convocation-other").hidden = others.length === 0;
  const select = /** @type {HTMLSelectElement} */ ($("convocation-sheet"));
  select.replaceChildren(new Option("Choisir une feuille…", "", true, true));
  for (const sheet of others) select.appendChild(new Option(sheet, sheet));
}

/**
 * A 422 that only says the sheet chosen as the convened list cannot serve (renamed, emptied): the report is fine.
 * @param {Problem | null} problem
 */
function convocationRefusal(problem) {
  const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  return errors.length > 0 && errors.every((e) => (e.code || "").startsWith("Convocation")) ? errors[0].message : null;
}

/** @param {string} text */
function setStatus(text) {
  $("report-status").textContent = text;
  $("report-status").hidden = false;
}

/** @param {AnalyzeResponse} analysis */
function showReport(analysis) {
  const texts = analysis.texts;
  state.acceptedStatus = texts.platform || texts.recognised;
  setStatus(state.acceptedStatus);
  $("report-errors").hidden = true;
  /** @type {[string, string | null | undefined][]} */
  const details = [
    ["report-training", texts.training],
    ["report-date", texts.sessions],
    ["report-host", texts.host],
    ["report-participants", texts.participants],
  ];
  for (const [id, text] of details) {
    // The page's own wording for what the report does not say (data-missing).
    $(id).textContent = text || $(id).dataset.missing || "";
    $(id).classList.toggle("muted", !text);
  }
  $("report-details").hidden = false;
  showConvocation(analysis.convocation);
  showSlots(analysis);
  showWarnings((analysis.issues || []).filter((i) => i.severity === "Warning"));
  button("generate").disabled = false;
}

/** @param {string} title @param {Problem | null} problem */
function showNotAReport(title, problem) {
  $("report-details").hidden = true;
  $("convocation").hidden = true;
  $("slots").hidden = true;
  showWarnings([]);
  setStatus(title);
  const list = $("report-errors");
  list.replaceChildren();
  list.hidden = false;
  button("generate").disabled = true;
  if (problem && problem.unrecognised) {
    showUnrecognised(list, problem.unrecognised);
    return;
  }
  const errors = problem && Array.isArray(problem.errors) ? problem.errors : [];
  const messages = errors.length > 0 ? errors.map((e) => e.message) : [(problem && problem.detail) || ""];
  for (const message of messages.filter(Boolean)) {
    const item = document.createElement("li");
    item.textContent = message;
    list.appendChild(item);
  }
}

/**
 * What the workbook holds, then one line per platform read and what its report holds, then what to do.
 * @param {HTMLElement} list
 * @param {import("./backend.js").Unrecognised} unrecognised
 */
function showUnrecognised(list, unrecognised) {
  const item = (/** @type {string} */ text) => {
    const li = document.createElement("li");
    li.textContent = text;
    list.appendChild(li);
    return li;
  };
  item(unrecognised.found);
  const platforms = item(unrecognised.intro);
  const lines = document.createElement("ul");
  lines.className = "unrecognised-platforms";
  for (const { platform, expected } of unrecognised.platforms) {
    const line = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = platform;
    line.append(name, ` : ${expected}`);
    lines.appendChild(line);
  }
  platforms.appendChild(lines);
  item(unrecognised.advice);
}

/** @param {Issue[]} warnings */
function showWarnings(warnings) {
  const list = $("warnings-list");
  list.replaceChildren();
  $("warnings").hidden = warnings.length === 0;
  $("warnings-count").textContent = String(warnings.length);
  for (const warning of warnings) {
    const item = document.createElement("li");
    const entry = document.createElement("button");
    entry.type = "button";
    entry.className = "warning";
    entry.textContent = warning.message;
    const { sheet, row } = warning;
    if (sheet && row) {
      const where = document.createElement("span");
      where.className = "warning__where";
      where.textContent = `Sélectionner la ligne ${row} →`;
      entry.appendChild(where);
      entry.addEventListener("click", () => goToRow(sheet, row));
    } else {
      entry.setAttribute("aria-disabled", "true");
    }
    item.appendChild(entry);
    list.appendChild(item);
  }
}

/** @param {string} sheet @param {number} row */
async function goToRow(sheet, row) {
  try {
    await Excel.run((context) => selectRow(context, sheet, row));
  } catch {
    showFailure(
      `Impossible de sélectionner la ligne ${row} de la feuille «\u00a0${sheet}\u00a0» : la feuille a peut-être été renommée. Cliquez sur «\u00a0Relire le classeur\u00a0».`,
      null
    );
  }
}

// ---- Generating the sheet -----------------------------------------------------------------------------------

async function generate() {
  if (state.busy) return;
  if (Object.keys(state.optionErrors).length > 0) {
    /** @type {HTMLDetailsElement} */ ($("options")).open = true;
    return;
  }
  // A slot still incomplete or refused: the sheet would not have the slots the trainer means.
  if ((state.slotsEntered && showIncompleteSlots()) || state.slotErrors.length > 0) {
    $("slots").scrollIntoView({ block: "nearest" });
    return;
  }
  setBusy(true);
  clearMessages();
  /** @type {string | null} */
  let temporaryName = null;
  let finalName = "";
  try {
    showProgress("Lecture du classeur…", 0);
    await loadSettings();
    await removeLeftover();
    // Only what changed since the pane looked is read again (one sync when nothing moved).
    const cells = await Excel.run((context) => state.reader.read(context));
    showProgress("Analyse du rapport par le service Émargement…", 5);
    const analysis = await analyze(cells, state.options, reportChoices());
    showReport(analysis);

    const placement = analysis.placement;
    finalName = placement.wanted;
    /** @type {string | null} */
    let replacedName = null;
    if (placement.existing) {
      const choice = await askAboutExistingSheet(placement.existing, placement.free);
      if (choice === "cancel") {
        hideProgress();
        showResult("Génération annulée : le classeur n'a pas été modifié.");
        return;
      }
      if (choice === "replace") replacedName = placement.existing;
      else finalName = placement.free;
    }

    temporaryName = placement.temporary;
    const plan = {
      temporaryName,
      finalName,
      replacedName,
      /** @param {{ phase: string, done: number, total: number }} progress */
      onProgress: ({ phase, done, total }) =>
        showProgress(progressText(phase, done, total), 10 + Math.round((90 * done) / total)),
    };
    await Excel.run((context) => paintSheet(context, analysis.sheet, plan));
    temporaryName = null;
    hideProgress();
    showResult(`La feuille «\u00a0${finalName}\u00a0» a été créée et activée. Stagiaires : ${analysis.texts.totals}.`);
  } catch (error) {
    hideProgress();
    if (error instanceof SyncTimeoutError && temporaryName) {
      state.leftover = temporaryName;
      afterUnansweredPaint(error, temporaryName, finalName);
      handleFailure(error, generate, true);
    } else {
      const leftover = temporaryName ? await removeTemporary(temporaryName) : null;
      handleFailure(error, generate, true, leftover);
    }
  } finally {
    setBusy(false);
    runAgainIfAsked();
  }
}

/**
 * Once Excel answers the sync it left hanging, the temporary sheet is removed: the paint stopped at that sync, so
 * nothing was renamed, unless it was the last one, which then finished the sheet (no temporary sheet is left).
 * @param {SyncTimeoutError} error
 * @param {string} temporaryName
 * @param {string} finalName
 */
function afterUnansweredPaint(error, temporaryName, finalName) {
  /** @param {boolean} answered */
  const settle = async (answered) => {
    if (state.leftover !== temporaryName) return; // already dealt with by a later action
    const outcome = await removeLeftover();
    if (state.busy || outcome === "failed") return;
    showFailure(
      outcome === "absent" && answered
        ? `Excel a fini par répondre : la feuille «\u00a0${finalName}\u00a0» a été créée.`
        : "Excel a fini par répondre : la feuille temporaire a été supprimée, le classeur est tel qu'il était. Vous pouvez relancer la génération.",
      generate
    );
  };
  error.pending.then(
    () => settle(true),
    () => settle(false)
  );
}

/**
 * Deletes the sheet a paint left behind, if any; keeps its name for the next chance when Excel still fails.
 * @returns {Promise<"deleted" | "absent" | "failed" | "none">}
 */
async function removeLeftover() {
  const name = state.leftover;
  if (!name) return "none";
  try {
    const existed = await Excel.run((context) => deleteTemporarySheet(context, name));
    state.leftover = null;
    return existed ? "deleted" : "absent";
  } catch {
    return "failed";
  }
}

/**
 * @param {string} name
 * @returns {Promise<string | null>} the name when the sheet could not be deleted
 */
async function removeTemporary(name) {
  try {
    await Excel.run((context) => deleteTemporarySheet(context, name));
    return null;
  } catch {
    return name;
  }
}

/** @param {string} phase @param {number} done @param {number} total */
function progressText(phase, done, total) {
  const step = `étape ${done} sur ${total}`;
  if (phase === "values") return `Écriture des valeurs… (${step})`;
  if (phase === "formats") return `Mise en forme… (${step})`;
  return "Terminé.";
}

/**
 * @param {string} existing
 * @param {string} alternative
 * @returns {Promise<"replace" | "keep" | "cancel">}
 */
function askAboutExistingSheet(existing, alternative) {
  const dialog = /** @type {HTMLDialogElement} */ ($("existing-dialog"));
  $("existing-text").textContent =
    `Le classeur contient déjà une feuille «\u00a0${existing}\u00a0». Voulez-vous la remplacer, ou garder les deux (la nouvelle s'appellera «\u00a0${alternative}\u00a0») ?`;
  return new Promise((resolve) => {
    const buttons = [button("existing-replace"), button("existing-keep"), button("existing-cancel")];
    /** @param {"replace" | "keep" | "cancel"} choice */
    const done = (choice) => {
      for (const b of buttons) b.removeEventListener("click", onClick);
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      resolve(choice);
    };
    /** @param {Event} e */
    const onClick = (e) =>
      done(/** @type {"replace" | "keep" | "cancel"} */ (/** @type {HTMLButtonElement} */ (e.currentTarget).value));
    /** @param {Event} e */
    const onCancel = (e) => {
      e.preventDefault();
      done("cancel");
    };
    for (const b of buttons) b.addEventListener("click", onClick);
    dialog.addEventListener("cancel", onCancel);
    dialog.showModal();
    button("existing-keep").focus();
  });
}

// ---- Messages -----------------------------------------------------------------------------------------------

/**
 * @param {unknown} error
 * @param {() => void} retry
 * @param {boolean} writing
 * @param {string | null} [leftover]
 */
function handleFailure(error, retry, writing, leftover) {
  if (error instanceof BackendError && error.kind === "unusable") {
    const refusal = state.convocationSheet ? convocationRefusal(error.problem) : null;
    if (refusal) {
      // The report is fine; the list's sheet no longer serves: look for the list again and say why.
      state.convocationSheet = undefined;
      state.convocationNotice = refusal;
      state.again = true;
      return;
    }
    showNotAReport(error.message, error.problem);
    return;
  }
  if (error instanceof BackendError) {
    if ($("report-details").hidden) setStatus("Le rapport n'a pas pu être analysé.");
    const slotErrors = error.kind === "invalid" ? slotErrorsOf(error.problem) : [];
    if (slotErrors.length > 0) {
      // A row left blank while the request ran says what it lacks, not what the backend said of what it held.
      const { incomplete } = readSlots($("slot-list"));
      const message = state.slotDefinition ? state.slotDefinition.incompleteMessage : "";
      state.slotErrors = [
        ...slotErrors.filter((e) => e.slot === null || !incomplete.includes(e.slot)),
        ...incomplete.map((slot) => ({ slot, message })),
      ];
      showSlotErrors($("slot-list"), $("slots-error"), state.slotErrors);
    }
    if (
      error.kind === "invalid" &&
      error.problem &&
      error.problem.errors &&
      !Array.isArray(error.problem.errors) &&
      state.settings
    ) {
      const fieldErrors = Object.fromEntries(
        Object.entries(error.problem.errors).filter(([field]) => field !== "slots")
      );
      if (Object.keys(fieldErrors).length > 0) {
        state.optionErrors = fieldErrors;
        showOptionErrors(state.fields, state.optionErrors, $("options-error"));
        /** @type {HTMLDetailsElement} */ ($("options")).open = true;
      } else if (slotErrors.length > 0) {
        // Only the slots are refused: their messages are beside them; the figures shown are the last accepted.
        if (state.acceptedStatus) setStatus(state.acceptedStatus);
        $("slots").scrollIntoView({ block: "nearest" });
        return;
      }
    }
    showFailure(error.message, error.kind === "invalid" ? null : retry);
    return;
  }
  if (error instanceof SyncTimeoutError) {
    const seconds = Math.round(SYNC_TIMEOUT_MS / 1000);
    showFailure(
      writing
        ? `Excel ne répond pas (rien en ${seconds} secondes) : la génération est abandonnée. Le rapport n'a pas été modifié ; la feuille temporaire sera supprimée dès qu'Excel répondra. Attendez qu'Excel ait fini de charger le classeur, puis réessayez.`
        : `Excel ne répond pas (rien en ${seconds} secondes). Rien n'a été écrit dans le classeur. Attendez qu'Excel ait fini de charger le classeur, puis réessayez.`,
      retry
    );
    return;
  }
  const code = isOfficeError(error) ? ` (code ${error.code})` : "";
  let message = writing
    ? `Excel a refusé l'écriture de la feuille${code}. Le classeur est resté tel qu'il était : aucune feuille n'a été ajoutée et le rapport n'a pas été modifié.`
    : `Le classeur n'a pas pu être lu${code}. Fermez les éventuelles cellules en cours de modification, puis réessayez.`;
  if (leftover)
    message += ` Attention : la feuille temporaire «\u00a0${leftover}\u00a0» n'a pas pu être supprimée ; vous pouvez la supprimer vous-même.`;
  showFailure(message, retry);
}

/** @param {unknown} error @returns {error is { code: string }} */
function isOfficeError(error) {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string";
}

/** @param {string} message @param {(() => void) | null} retry */
function showFailure(message, retry) {
  state.retry = retry;
  $("failure-text").textContent = message;
  $("retry").hidden = !retry;
  $("failure").hidden = false;
  $("failure").focus();
}

/** @param {string} message */
function showResult(message) {
  $("result").textContent = message;
  $("result").hidden = false;
  $("result").focus();
}

function clearMessages() {
  $("failure").hidden = true;
  $("result").hidden = true;
}

/** @param {string} text @param {number} percent */
function showProgress(text, percent) {
  $("progress").hidden = false;
  $("progress-label").textContent = text;
  /** @type {HTMLProgressElement} */ ($("progress-bar")).value = percent;
}

function hideProgress() {
  $("progress").hidden = true;
}

/** @param {boolean} busy */
function setBusy(busy) {
  state.busy = busy;
  $("main").setAttribute("aria-busy", busy ? "true" : "false");
  button("generate").disabled = busy || !$("report-errors").hidden || $("report-details").hidden;
  button("reload").disabled = busy;
}
