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
 * @typedef {object} UploadAnalysis
 * @property {ReportTexts} texts
 * @property {Participant[]} participants
 * @property {{ message: string }[]} issues
 * @property {string} fingerprint
 * @typedef {{ title: string, detail?: string, errors?: { message: string }[] }} ShownProblem
 */

const ANALYZE_URL = "/api/reports/analyze-file";
const WORKBOOK_URL = "/api/reports/emargement.xlsx";
const SETTINGS_URL = "/api/settings";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @type {File | null} */
let currentFile = null;
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
  byId("problem-title").textContent = problem.title;
  byId("problem-detail").textContent = problem.detail || "";
  const list = byId("problem-errors");
  list.replaceChildren();
  for (const error of problem.errors || []) {
    const li = document.createElement("li");
    li.textContent = error.message;
    list.appendChild(li);
  }
  byId("problem").hidden = false;
}

/** @param {UploadAnalysis} analysis @param {ClientSettings | null} words */
function paint(analysis, words) {
  const texts = analysis.texts;
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
      errors: Array.isArray(body.errors) ? body.errors : [],
    };
  } catch {
    return { title: `Le service n'a pas pu traiter le fichier (erreur ${response.status}).`, detail: "" };
  }
}

/** @param {File} file */
function formData(file) {
  const data = new FormData();
  data.append("file", file, file.name);
  return data;
}

/** @param {File} file */
async function analyse(file) {
  currentFile = file;
  byId("file-name").textContent = file.name;
  byId("results").hidden = true;
  byId("problem").hidden = true;
  setStatus(`Analyse du rapport «\u00a0${file.name}\u00a0»…`);
  try {
    const [response, words] = await Promise.all([
      fetch(ANALYZE_URL, { method: "POST", body: formData(file) }),
      labels(),
    ]);
    if (!response.ok) {
      const problem = await readProblem(response);
      setStatus("Le rapport n'a pas pu être utilisé.");
      showProblem(problem);
      return;
    }
    /** @type {UploadAnalysis} */
    const analysis = await response.json();
    paint(analysis, words);
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
  if (!currentFile) return;
  const downloadButton = /** @type {HTMLButtonElement} */ (byId("download"));
  downloadButton.disabled = true;
  setStatus("Préparation du classeur…");
  try {
    const response = await fetch(WORKBOOK_URL, { method: "POST", body: formData(currentFile) });
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
  analyse(files[0]);
}

function start() {
  const input = /** @type {HTMLInputElement} */ (byId("report-file"));
  const dropZone = byId("drop-zone");
  // The size limit is the host's configuration, worded by the backend.
  labels().then((served) => {
    if (served && served.upload) byId("file-help").textContent = served.upload.hint;
  });

  // One tab stop: the drop zone stands for the (visually hidden) file input.
  input.tabIndex = -1;
  input.addEventListener("change", () => pick(input.files));
  byId("download").addEventListener("click", download);
  byId("upload-form").addEventListener("submit", (e) => e.preventDefault());

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
