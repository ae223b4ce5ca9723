// The task pane: reads the workbook, asks the backend, shows what it says, paints the sheet it returns.
// Nothing here decides whether a workbook is a report or who attended: the backend does.
import { analyze, BackendError } from "./backend.js";
import { clearOptions, DEFAULT_OPTIONS, loadOptions, saveOptions, validateOptions } from "./options.js";
import { deleteTemporarySheet, freeSheetName, paintSheet, temporarySheetName } from "./sheet-painter.js";
import { readWorkbook, selectRow } from "./workbook-reader.js";
import { participantsText, plural, sessionsText, totalsText, trainingText } from "./format.js";

const $ = (id) => document.getElementById(id);
const state = { options: loadOptions(), busy: false, retry: null };

boot();

function boot() {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    showOutside("La bibliothèque Office.js n'a pas pu être chargée (réseau ou filtrage). Vérifiez votre connexion, puis rouvrez le volet depuis Excel.");
    return;
  }
  Office.onReady((info) => {
    if (!info || info.host !== Office.HostType.Excel) {
      showOutside(info && info.host
        ? "Ce complément fonctionne uniquement dans Excel."
        : null);
      return;
    }
    if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
      showOutside("Cette version d'Excel est trop ancienne pour le complément : mettez Excel à jour (Microsoft 365, Excel 2021 ou Excel sur le web).");
      return;
    }
    startApp();
  });
}

function showOutside(reason) {
  $("loading").hidden = true;
  if (reason) $("outside-reason").textContent = reason;
  $("outside-office").hidden = false;
}

function startApp() {
  $("loading").hidden = true;
  $("app").hidden = false;
  fillOptionsForm(state.options);
  $("options-form").addEventListener("input", onOptionsInput);
  $("options-form").addEventListener("submit", (e) => e.preventDefault());
  $("options-reset").addEventListener("click", () => {
    clearOptions();
    state.options = { ...DEFAULT_OPTIONS };
    fillOptionsForm(state.options);
    showOptionsError([]);
  });
  $("reload").addEventListener("click", () => inspect());
  $("generate").addEventListener("click", () => generate());
  $("retry").addEventListener("click", () => { if (state.retry) state.retry(); });
  inspect();
}

// ---- Options -------------------------------------------------------------------------------------------------

function fillOptionsForm(o) {
  $("present-threshold").value = String(Math.round(o.presentThreshold * 100));
  $("absent-threshold").value = String(Math.round(o.absentThreshold * 100));
  $("tolerance").value = String(o.toleranceMinutes);
  $("afternoon").value = o.afternoonStartsAt;
}

function readOptionsForm() {
  const number = (id) => ($(id).value.trim() === "" ? NaN : Number($(id).value.replace(",", ".")));
  return {
    presentThreshold: number("present-threshold") / 100,
    absentThreshold: number("absent-threshold") / 100,
    toleranceMinutes: number("tolerance"),
    afternoonStartsAt: $("afternoon").value,
  };
}

function onOptionsInput() {
  const candidate = readOptionsForm();
  const errors = validateOptions(candidate);
  showOptionsError(errors);
  if (errors.length === 0) {
    state.options = candidate;
    saveOptions(candidate);
  }
}

function showOptionsError(errors) {
  const inputs = { presentThreshold: "present-threshold", absentThreshold: "absent-threshold", toleranceMinutes: "tolerance", afternoonStartsAt: "afternoon" };
  for (const [field, id] of Object.entries(inputs)) {
    const bad = errors.some((e) => e.field === field);
    if (bad) $(id).setAttribute("aria-invalid", "true"); else $(id).removeAttribute("aria-invalid");
  }
  $("options-error").textContent = errors.map((e) => e.message).join(" ");
  $("options-error").hidden = errors.length === 0;
}

// ---- Reading and showing the report ------------------------------------------------------------------------

async function inspect() {
  if (state.busy) return;
  setBusy(true);
  clearMessages();
  setStatus("Lecture du classeur…");
  try {
    const read = await Excel.run((context) => readWorkbook(context));
    setStatus("Analyse du rapport…");
    const analysis = await analyze(read.sheets, state.options);
    showReport(analysis);
  } catch (error) {
    handleFailure(error, inspect, false);
  } finally {
    setBusy(false);
  }
}

function setStatus(text) {
  $("report-status").textContent = text;
  $("report-status").hidden = false;
}

function showReport(analysis) {
  const report = analysis.report;
  setStatus("Ce classeur est un rapport de session Ma cl@sse virtuelle.");
  $("report-errors").hidden = true;
  const details = [
    ["report-training", trainingText(report), "Intitulé de la formation absent du rapport."],
    ["report-date", sessionsText(report), "Date et créneau absents du rapport."],
    ["report-host", report.host || "", "Hôte absent du rapport."],
    ["report-participants", participantsText(analysis.participants || []), ""],
  ];
  for (const [id, text, missing] of details) {
    $(id).textContent = text || missing;
    $(id).classList.toggle("muted", !text);
  }
  $("report-details").hidden = false;
  showWarnings((analysis.issues || []).filter((i) => i.severity === "Warning"));
  $("generate").disabled = false;
}

function showNotAReport(problem) {
  $("report-details").hidden = true;
  showWarnings([]);
  setStatus("Ce classeur n'est pas un rapport de session Ma cl@sse virtuelle utilisable. Ouvrez le fichier .xlsx téléchargé depuis Ma cl@sse virtuelle (bouton « Rapport »), sans le modifier.");
  const list = $("report-errors");
  list.replaceChildren();
  const errors = (problem && problem.errors) || [];
  const messages = errors.length > 0 ? errors.map((e) => e.message) : [(problem && problem.detail) || "Le rapport n'a pas pu être lu."];
  for (const message of messages) {
    const item = document.createElement("li");
    item.textContent = message;
    list.appendChild(item);
  }
  list.hidden = false;
  $("generate").disabled = true;
}

function showWarnings(warnings) {
  const list = $("warnings-list");
  list.replaceChildren();
  $("warnings").hidden = warnings.length === 0;
  $("warnings-count").textContent = String(warnings.length);
  $("warnings-count").setAttribute("aria-label", plural(warnings.length, "point", "points"));
  for (const warning of warnings) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "warning";
    button.textContent = warning.message;
    if (warning.sheet && warning.row) {
      const where = document.createElement("span");
      where.className = "warning__where";
      where.textContent = `Feuille « ${warning.sheet} », ligne ${warning.row}`;
      button.appendChild(where);
      button.addEventListener("click", () => goToRow(warning.sheet, warning.row));
    } else {
      button.setAttribute("aria-disabled", "true");
    }
    item.appendChild(button);
    list.appendChild(item);
  }
}

async function goToRow(sheet, row) {
  try {
    await Excel.run((context) => selectRow(context, sheet, row));
  } catch {
    showFailure(`Impossible de sélectionner la ligne ${row} de la feuille « ${sheet} » : la feuille a peut-être été renommée. Cliquez sur « Relire le classeur ».`, null);
  }
}

// ---- Generating the sheet -----------------------------------------------------------------------------------

async function generate() {
  if (state.busy) return;
  const optionErrors = validateOptions(state.options);
  if (optionErrors.length > 0) {
    $("options").open = true;
    showOptionsError(optionErrors);
    return;
  }
  setBusy(true);
  clearMessages();
  let temporaryName = null;
  try {
    showProgress("Lecture du classeur…", 0);
    const read = await Excel.run((context) => readWorkbook(context));
    showProgress("Analyse du rapport par le service Émargement…", 5);
    const analysis = await analyze(read.sheets, state.options);
    showReport(analysis);

    const wanted = analysis.sheet.name || "Émargement";
    const existing = read.names.find((n) => n.toLocaleLowerCase("fr") === wanted.toLocaleLowerCase("fr"));
    let finalName = wanted, replacedName = null;
    if (existing) {
      const choice = await askAboutExistingSheet(existing, freeSheetName(wanted, read.names));
      if (choice === "cancel") {
        hideProgress();
        showResult("Génération annulée : le classeur n'a pas été modifié.");
        return;
      }
      if (choice === "replace") replacedName = existing;
      else finalName = freeSheetName(wanted, read.names);
    }

    temporaryName = temporarySheetName(read.names);
    const name = temporaryName;
    await Excel.run((context) => paintSheet(context, analysis.sheet, {
      temporaryName: name, finalName, replacedName,
      onProgress: ({ phase, done, total }) => showProgress(progressText(phase, done, total), 10 + Math.round((90 * done) / total)),
    }));
    temporaryName = null;
    hideProgress();
    showResult(`La feuille « ${finalName} » a été créée et activée. Stagiaires : ${totalsText(analysis.totals)}.`);
  } catch (error) {
    hideProgress();
    let leftover = null;
    if (temporaryName) {
      const name = temporaryName;
      try { await Excel.run((context) => deleteTemporarySheet(context, name)); } catch { leftover = name; }
    }
    handleFailure(error, generate, true, leftover);
  } finally {
    setBusy(false);
  }
}

function progressText(phase, done, total) {
  const step = `étape ${done} sur ${total}`;
  if (phase === "values") return `Écriture des valeurs… (${step})`;
  if (phase === "formats") return `Mise en forme… (${step})`;
  return "Terminé.";
}

function askAboutExistingSheet(existing, alternative) {
  const dialog = $("existing-dialog");
  $("existing-text").textContent =
    `Le classeur contient déjà une feuille « ${existing} ». Voulez-vous la remplacer, ou garder les deux (la nouvelle s'appellera « ${alternative} ») ?`;
  return new Promise((resolve) => {
    const buttons = [$("existing-replace"), $("existing-keep"), $("existing-cancel")];
    const done = (choice) => {
      for (const b of buttons) b.removeEventListener("click", onClick);
      dialog.removeEventListener("cancel", onCancel);
      if (dialog.open) dialog.close();
      resolve(choice);
    };
    const onClick = (e) => done(e.currentTarget.value);
    const onCancel = (e) => { e.preventDefault(); done("cancel"); };
    for (const b of buttons) b.addEventListener("click", onClick);
    dialog.addEventListener("cancel", onCancel);
    dialog.showModal();
    $("existing-keep").focus();
  });
}

// ---- Messages -----------------------------------------------------------------------------------------------

function handleFailure(error, retry, writing, leftover) {
  if (error instanceof BackendError && error.kind === "unusable") {
    showNotAReport(error.problem);
    return;
  }
  if (error instanceof BackendError) {
    if (!$("report-details").hidden) { /* keep what was shown */ } else setStatus("Le rapport n'a pas pu être analysé.");
    showFailure(error.message, error.kind === "invalid" ? null : retry);
    return;
  }
  const code = error && error.code ? ` (code ${error.code})` : "";
  let message = writing
    ? `Excel a refusé l'écriture de la feuille${code}. Le classeur est resté tel qu'il était : aucune feuille n'a été ajoutée et le rapport n'a pas été modifié.`
    : `Le classeur n'a pas pu être lu${code}. Fermez les éventuelles cellules en cours de modification, puis réessayez.`;
  if (leftover) message += ` Attention : la feuille temporaire « ${leftover} » n'a pas pu être supprimée ; vous pouvez la supprimer vous-même.`;
  showFailure(message, retry);
}

function showFailure(message, retry) {
  state.retry = retry;
  $("failure-text").textContent = message;
  $("retry").hidden = !retry;
  $("failure").hidden = false;
  $("failure").focus();
}

function showResult(message) {
  $("result").textContent = message;
  $("result").hidden = false;
  $("result").focus();
}

function clearMessages() {
  $("failure").hidden = true;
  $("result").hidden = true;
}

function showProgress(text, percent) {
  $("progress").hidden = false;
  $("progress-label").textContent = text;
  $("progress-bar").value = percent;
}

function hideProgress() {
  $("progress").hidden = true;
}

function setBusy(busy) {
  state.busy = busy;
  $("main").setAttribute("aria-busy", busy ? "true" : "false");
  $("generate").disabled = busy || !$("report-errors").hidden || $("report-details").hidden;
  $("reload").disabled = busy;
}
