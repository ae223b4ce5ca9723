// "Essayer sans Excel": sends the chosen report to the backend, paints what it answers, downloads the workbook.
// The backend decides everything and words the report's summary (texts of the analysis, labels of GET /api/settings);
// this script only posts the file and shows the answer. Text is always set with textContent: names and emails from
// the report are never parsed as HTML.

/**
 * @typedef {import("../taskpane/backend.js").ReportTexts} ReportTexts
 * @typedef {import("../taskpane/backend.js").ClientSettings} ClientSettings
 * @typedef {object} Participant
 * @property {string} name
 * @property {string} [firstName]
 * @property {string} [lastName]
 * @property {string} role
 * @property {string} status
 * @property {string | null} [firstJoin]
 * @property {string | null} [lastLeave]
 * @property {number} connections
 * @property {number} minutesInSlot
 * @property {number} rate
 * @typedef {{ start: string, end: string }} Slot local wall-clock times, "2024-03-25T14:00:00"
 * @typedef {import("../taskpane/backend.js").SlotListOption} SlotListOption
 * @typedef {object} UploadAnalysis
 * @property {ReportTexts} texts
 * @property {Participant[]} participants
 * @property {{ message: string }[]} issues
 * @property {string} fingerprint
 * @property {{ platform: string, suggestedSlots: Slot[] }} report
 * @property {{ message: string, hasList: boolean, selection: string }} convocation
 * @typedef {{ platform: string, expected: string }} Reader a report the service reads, and what it looks for
 * @typedef {{ title: string, detail?: string, errors?: { message: string }[], readers?: Reader[] }} ShownProblem
 */

const ANALYZE_URL = "/api/reports/analyze-file";
const WORKBOOK_URL = "/api/reports/emargement.xlsx";
const SETTINGS_URL = "/api/settings";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @type {File | null} */
let currentFile = null;
/** The trainer said the sheet found in the workbook is not the convened list (sent as convocationSheet ""). */
let listDeclined = false;
/** What the last usable analysis was asked with: the workbook downloaded is the one shown. @type {FormData | null} */
let analysedForm = null;
/** The slots the report suggests, offered while the trainer has entered none. @type {Slot[]} */
let suggested = [];
/** At most this many slots (GET /api/settings; the server checks it again). */
let maxSlots = Infinity;
/** @type {Promise<ClientSettings | null> | null} */
let settings = null;

/** What GET /api/settings serves: labels of statuses and roles, the upload limit (null when it cannot be reached). */
function labels() {
  settings ??= fetch(SETTINGS_URL, { cache: "no-store" })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  return settings;
}

/** @param {string} text */
function setStatus(text) {
  byId("status").textContent = text;
}

/** @param {number} n */
function pad(n) {
  return (n < 10 ? "0" : "") + n;
}

/**
 * "2020-11-10T13:39:50" (wall-clock time of the report) → "10/11/2020 13:39", without any time-zone shift.
 * @param {string | null | undefined} iso
 */
function dateTime(iso) {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : iso;
}

/**
 * Whole minutes, cut like Excel's [h]:mm on the sheet (121.65 min reads 2 h 01 in both places).
 * @param {number} minutes
 */
function duration(minutes) {
  const total = Math.floor((minutes || 0) + 1e-6);
  return `${Math.floor(total / 60)} h ${pad(total % 60)}`;
}

/**
 * One decimal, like the sheet's 0.0 %: 79.6 % must not read "80 %" next to "Partiel".
 * @param {number} rate
 */
function percent(rate) {
  return ((rate || 0) * 100).toFixed(1).replace(".", ",") + " %";
}

/** @param {string} id @param {string | null | undefined} value */
function text(id, value) {
  byId(id).textContent = value == null || value === "" ? "non indiqué" : value;
}

/** @param {HTMLTableRowElement} row @param {string | number | null | undefined} value */
function cell(row, value) {
  const td = document.createElement("td");
  td.textContent = value == null ? "" : String(value);
  row.appendChild(td);
  return td;
}

/** @param {ShownProblem} problem */
function showProblem(problem) {
  const detail = problem.detail || "";
  byId("problem-title").textContent = problem.title;
  byId("problem-detail").textContent = detail;
  const list = byId("problem-errors");
  list.replaceChildren();
  // The detail already says the first errors: each is listed once.
  for (const error of (problem.errors || []).filter((e) => !detail.includes(e.message))) {
    const li = document.createElement("li");
    li.textContent = error.message;
    list.appendChild(li);
  }
  const readers = byId("problem-readers-list");
  readers.replaceChildren();
  for (const reader of problem.readers || []) {
    const li = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = reader.platform;
    li.append(name, ` : ${reader.expected}`);
    readers.appendChild(li);
  }
  byId("problem-readers").hidden = readers.children.length === 0;
  byId("problem").hidden = false;
}

/** @param {UploadAnalysis} analysis @param {ClientSettings | null} words */
function paint(analysis, words) {
  const texts = analysis.texts;
  byId("platform").textContent = `Plateforme reconnue\u00a0: ${analysis.report.platform}`;
  byId("convocation-summary").textContent = analysis.convocation.message;
  // A sheet of the report's workbook taken as the list may be something else: the trainer can say so.
  byId("decline-convocation").hidden = analysis.convocation.selection !== "Found";
  text("training-title", texts.title);
  text("training-reference", texts.pafLine);
  text("training-sessions", texts.sessions);
  text("training-host", texts.host);
  text("training-totals", `${texts.totals} — ${texts.traineeTime} de présence des stagiaires sur les créneaux`);
  text("training-fingerprint", analysis.fingerprint);

  const body = /** @type {HTMLTableElement} */ (byId("participants")).tBodies[0];
  body.replaceChildren();
  analysis.participants.forEach((p, i) => {
    const row = document.createElement("tr");
    cell(row, i + 1);
    cell(row, p.lastName || p.name);
    cell(row, p.firstName);
    cell(row, (words && words.roles[p.role]) || p.role);
    cell(row, dateTime(p.firstJoin));
    cell(row, dateTime(p.lastLeave));
    cell(row, p.connections);
    cell(row, duration(p.minutesInSlot));
    cell(row, percent(p.rate));
    cell(row, (words && words.statuses[p.status]) || p.status).className = "status-" + String(p.status).toLowerCase();
    body.appendChild(row);
  });

  const warnings = byId("warnings");
  warnings.replaceChildren();
  if (analysis.issues.length === 0) {
    const none = document.createElement("li");
    none.textContent = "Aucun : le rapport a passé tous les contrôles.";
    warnings.appendChild(none);
  }
  for (const issue of analysis.issues) {
    const li = document.createElement("li");
    li.textContent = issue.message;
    warnings.appendChild(li);
  }
  byId("results").hidden = false;
}

/** @param {Response} response @returns {Promise<ShownProblem>} */
async function readProblem(response) {
  try {
    const body = await response.json();
    return {
      title: body.title || "Erreur",
      detail: body.detail,
      // A refused setting's errors are per field (an object): its detail says them all.
      errors: Array.isArray(body.errors) ? body.errors : [],
      // For a file no source recognised: each platform read and what its report holds (the 422's "unrecognised").
      readers: body.unrecognised && Array.isArray(body.unrecognised.platforms) ? body.unrecognised.platforms : [],
    };
  } catch {
    return { title: `Le service n'a pas pu traiter le fichier (erreur ${response.status}).`, detail: "" };
  }
}

/** @param {number} n */
function slotLabel(n) {
  return `Créneau n°\u00a0${n}`;
}

/** The rows of the slot form, in order. */
function slotRows() {
  return /** @type {HTMLLIElement[]} */ (Array.from(byId("slot-list").children));
}

/**
 * @param {HTMLElement} row
 * @param {string} name
 */
function slotInput(row, name) {
  return /** @type {HTMLInputElement} */ (row.querySelector(`input[data-part="${name}"]`));
}

/** Numbers the rows again after one is removed, and allows one more only below the most. */
function renumberSlots() {
  slotRows().forEach((row, i) => {
    row.setAttribute("aria-label", slotLabel(i + 1));
    /** @type {HTMLElement} */ (row.querySelector(".slot-number")).textContent = slotLabel(i + 1);
    /** @type {HTMLElement} */ (row.querySelector("button")).setAttribute(
      "aria-label",
      `Retirer le ${slotLabel(i + 1).toLowerCase()}`
    );
  });
  /** @type {HTMLButtonElement} */ (byId("add-slot")).disabled = slotRows().length >= maxSlots;
}

/**
 * One slot: its date, start and end (each with its label), and a button that removes it.
 * @param {{ date?: string, start?: string, end?: string }} [values]
 */
function addSlotRow(values = {}) {
  const row = document.createElement("li");
  row.className = "slot-row";
  row.setAttribute("role", "group");
  const number = document.createElement("span");
  number.className = "slot-number";
  number.setAttribute("aria-hidden", "true");
  row.appendChild(number);
  for (const [part, label, type] of [
    ["date", "Date", "date"],
    ["start", "Début", "time"],
    ["end", "Fin", "time"],
  ]) {
    const wrapper = document.createElement("label");
    wrapper.append(label);
    const input = document.createElement("input");
    input.type = type;
    input.dataset.part = part;
    input.value = values[/** @type {"date" | "start" | "end"} */ (part)] || "";
    wrapper.appendChild(input);
    row.appendChild(wrapper);
  }
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "secondary";
  remove.textContent = "Retirer";
  remove.addEventListener("click", () => {
    row.remove();
    if (slotRows().length === 0) addSlotRow();
    renumberSlots();
  });
  row.appendChild(remove);
  byId("slot-list").appendChild(row);
  renumberSlots();
  return row;
}

/**
 * The slots entered, each "start/end" as the form field wants it; a row left blank is no slot. A row half filled
 * stops here with its number: the trainer completes or removes it.
 * @returns {{ slots: string[], incomplete: HTMLInputElement | null, number: number }}
 */
function enteredSlots() {
  /** @type {string[]} */
  const slots = [];
  const rows = slotRows();
  for (let i = 0; i < rows.length; i++) {
    const [date, start, end] = ["date", "start", "end"].map((part) => slotInput(rows[i], part));
    const filled = [date, start, end].filter((input) => input.value !== "");
    if (filled.length === 0) continue;
    const missing = [date, start, end].find((input) => input.value === "");
    if (missing) return { slots, incomplete: missing, number: i + 1 };
    slots.push(`${date.value}T${start.value}/${date.value}T${end.value}`);
  }
  return { slots, incomplete: null, number: 0 };
}

/** @param {string} iso "2024-03-25T14:00:00" */
function slotParts(iso) {
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Offers the report's slots while none is entered; a slot over midnight cannot be a row of the form. */
function showSuggestion() {
  const usable = suggested.filter((s) => slotParts(s.start).date === slotParts(s.end).date);
  const entered = enteredSlots();
  const box = byId("suggestion");
  box.hidden = usable.length === 0 || entered.slots.length > 0 || entered.incomplete !== null;
  if (box.hidden) return;
  const words = usable.map((s) => {
    const start = slotParts(s.start);
    return `${dateTime(s.start).slice(0, 10)} de ${start.time} à ${slotParts(s.end).time}`;
  });
  byId("suggestion-text").textContent =
    (usable.length === 1
      ? "Créneau suggéré d'après le rapport\u00a0: "
      : "Créneaux suggérés d'après le rapport\u00a0: ") +
    words.join("\u00a0; ") +
    ". Vérifiez-le avec le créneau prévu avant de signer la feuille.";
  byId("use-suggestion").textContent = usable.length === 1 ? "Utiliser ce créneau" : "Utiliser ces créneaux";
}

function useSuggestion() {
  byId("slot-list").replaceChildren();
  for (const s of suggested
    .filter((slot) => slotParts(slot.start).date === slotParts(slot.end).date)
    .slice(0, maxSlots))
    addSlotRow({ date: slotParts(s.start).date, start: slotParts(s.start).time, end: slotParts(s.end).time });
  if (currentFile) analyse(currentFile);
}

/** The convened list chosen, if any. */
function convocationFile() {
  const files = /** @type {HTMLInputElement} */ (byId("convocation-file")).files;
  return files && files.length > 0 ? files[0] : null;
}

/**
 * @param {File} file
 * @param {string[]} slots
 */
function formData(file, slots) {
  const data = new FormData();
  data.append("file", file, file.name);
  const list = convocationFile();
  if (list) data.append("convocation", list, list.name);
  else if (listDeclined) data.append("convocationSheet", "");
  for (const slot of slots) data.append("slot", slot);
  return data;
}

/** @param {File} file */
async function analyse(file) {
  currentFile = file;
  byId("file-name").textContent = file.name;
  /** @type {HTMLButtonElement} */ (byId("analyse")).disabled = false;
  const entered = enteredSlots();
  if (entered.incomplete) {
    setStatus(
      `Complétez la date, l'heure de début et l'heure de fin du ${slotLabel(entered.number).toLowerCase()}, ou retirez-le.`
    );
    entered.incomplete.focus();
    return;
  }
  byId("results").hidden = true;
  byId("problem").hidden = true;
  byId("suggestion").hidden = true;
  setStatus(`Analyse du rapport «\u00a0${file.name}\u00a0»…`);
  const form = formData(file, entered.slots);
  try {
    const [response, words] = await Promise.all([fetch(ANALYZE_URL, { method: "POST", body: form }), labels()]);
    if (!response.ok) {
      const problem = await readProblem(response);
      analysedForm = null;
      setStatus("Le rapport n'a pas pu être utilisé.");
      showProblem(problem);
      return;
    }
    /** @type {UploadAnalysis} */
    const analysis = await response.json();
    analysedForm = form;
    suggested = analysis.report.suggestedSlots || [];
    paint(analysis, words);
    showSuggestion();
    setStatus(`Rapport analysé : ${analysis.participants.length} participants. Vous pouvez télécharger le classeur.`);
  } catch {
    setStatus("Le service est injoignable. Vérifiez votre connexion et réessayez.");
  }
}

/** @param {Response} response */
function fileNameOf(response) {
  const header = response.headers.get("Content-Disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : "emargement.xlsx";
}

async function download() {
  if (!analysedForm) return;
  const downloadButton = /** @type {HTMLButtonElement} */ (byId("download"));
  downloadButton.disabled = true;
  setStatus("Préparation du classeur…");
  try {
    const response = await fetch(WORKBOOK_URL, { method: "POST", body: analysedForm });
    if (!response.ok) {
      const problem = await readProblem(response);
      setStatus("Le classeur n'a pas pu être produit.");
      showProblem(problem);
      return;
    }
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileNameOf(response);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    setStatus(`Classeur téléchargé : «\u00a0${link.download}\u00a0», avec sa feuille «\u00a0Émargement\u00a0».`);
  } catch {
    setStatus("Le service est injoignable. Vérifiez votre connexion et réessayez.");
  } finally {
    downloadButton.disabled = false;
  }
}

/** @param {FileList | null | undefined} files */
function pick(files) {
  if (!files || files.length === 0) return;
  listDeclined = false; // a new report: its own sheets are looked at again
  analyse(files[0]);
}

function start() {
  const input = /** @type {HTMLInputElement} */ (byId("report-file"));
  const dropZone = byId("drop-zone");
  // The size limit is the host's configuration, worded by the backend.
  labels().then((served) => {
    if (served && served.upload) byId("file-help").textContent = served.upload.hint;
    const slots = /** @type {SlotListOption | undefined} */ (
      served && served.options.find((option) => option.kind === "slots")
    );
    if (slots) {
      byId("slots-label").textContent = slots.label;
      byId("slots-help").textContent = slots.help;
      maxSlots = slots.maxCount;
      renumberSlots();
    }
  });
  addSlotRow();
  byId("add-slot").addEventListener("click", () => {
    const row = addSlotRow();
    byId("suggestion").hidden = true;
    slotInput(row, "date").focus();
  });
  byId("use-suggestion").addEventListener("click", useSuggestion);
  byId("slot-list").addEventListener("input", () => {
    showSuggestion();
    // The workbook offered is the one shown: say how to bring both up to the slots now entered.
    if (analysedForm)
      setStatus(
        "Créneaux modifiés : cliquez sur «\u00a0Analyser avec ces créneaux et cette liste\u00a0» pour mettre à jour les résultats et le classeur."
      );
  });
  const list = /** @type {HTMLInputElement} */ (byId("convocation-file"));
  const clear = byId("clear-convocation");
  list.addEventListener("change", () => {
    clear.hidden = !convocationFile();
    if (currentFile) analyse(currentFile);
  });
  byId("decline-convocation").addEventListener("click", () => {
    listDeclined = true;
    if (currentFile) analyse(currentFile);
  });
  clear.addEventListener("click", () => {
    list.value = "";
    clear.hidden = true;
    list.focus();
    if (currentFile) analyse(currentFile);
  });

  // One tab stop: the drop zone stands for the (visually hidden) file input.
  input.tabIndex = -1;
  input.addEventListener("change", () => pick(input.files));
  byId("download").addEventListener("click", download);
  byId("upload-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (currentFile) analyse(currentFile);
  });

  // The label opens the file dialog on click; Enter and Space do it from the keyboard too.
  dropZone.tabIndex = 0;
  dropZone.setAttribute("role", "button");
  dropZone.setAttribute("aria-describedby", "file-help");
  dropZone.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      input.click();
    }
  });
  for (const type of ["dragenter", "dragover"])
    dropZone.addEventListener(type, (e) => {
      e.preventDefault();
      dropZone.classList.add("over");
    });
  for (const type of ["dragleave", "drop"]) dropZone.addEventListener(type, () => dropZone.classList.remove("over"));
  dropZone.addEventListener("drop", (e) => {
    e.preventDefault();
    pick(e.dataTransfer && e.dataTransfer.files);
  });
}

// A module runs once the document is parsed (deferred), so the elements are there.
start();
