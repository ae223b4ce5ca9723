// The slot form: the scheduled slots of this report (date, start, end), one row each, rows added and removed by the
// trainer. The rules and the messages are the backend's (the "slots" definition of GET /api/settings, the 400's
// slotErrors); this module only turns rows into { start, end } local wall-clock times and back. The slots belong to
// the report: nothing here is remembered in the browser.

/**
 * @typedef {import("./backend.js").SlotListOption} SlotListOption
 * @typedef {import("./backend.js").Slot} Slot
 * @typedef {import("./backend.js").SlotError} SlotError
 *
 * What a row holds as the inputs give it: "2024-03-25", "14:00", "16:30" (blank when not filled in).
 * @typedef {{ date: string, start: string, end: string }} SlotRow
 *
 * The rows read: the slots when every row is complete, else the numbers (1-based) of the incomplete rows.
 * @typedef {{ slots: Slot[], incomplete: number[] }} SlotReading
 */

/** @param {HTMLElement} list */
const rowsOf = (list) => /** @type {HTMLLIElement[]} */ (Array.from(list.querySelectorAll("li.slot")));

/** @param {HTMLElement} row @param {string} part */
const inputOf = (row, part) => /** @type {HTMLInputElement} */ (row.querySelector(`.slot__${part}`));

/**
 * One row per slot ("2024-03-25T14:00:00" → date, start and end), replacing the rows there were.
 * @param {HTMLElement} list
 * @param {Slot[]} slots
 */
export function fillSlots(list, slots) {
  list.replaceChildren();
  for (const slot of slots) addSlotRow(list, rowOfSlot(slot));
  renumber(list);
}

/**
 * A row at the end of the form: blank, or on the day after the last row's (a two-day training), same hours.
 * @param {HTMLElement} list
 * @returns {HTMLInputElement} the new row's date input, to focus
 */
export function appendSlot(list) {
  const rows = rowsOf(list);
  const last = rows.length > 0 ? readRow(rows[rows.length - 1]) : null;
  const row = last && last.date ? { ...last, date: nextDay(last.date) } : { date: "", start: "", end: "" };
  const added = addSlotRow(list, row);
  renumber(list);
  return inputOf(added, "date");
}

/**
 * Removes the row `button` belongs to.
 * @param {HTMLElement} list
 * @param {HTMLElement} button
 * @returns {boolean} true when a row was removed
 */
export function removeSlotOf(list, button) {
  const row = button.closest("li.slot");
  if (!row || !list.contains(row)) return false;
  row.remove();
  renumber(list);
  return true;
}

/**
 * The form's slots in the API's shape, or which rows still lack a date, a start or an end.
 * @param {HTMLElement} list
 * @returns {SlotReading}
 */
export function readSlots(list) {
  /** @type {Slot[]} */
  const slots = [];
  /** @type {number[]} */
  const incomplete = [];
  rowsOf(list).forEach((element, index) => {
    const row = readRow(element);
    if (!row.date || !row.start || !row.end) incomplete.push(index + 1);
    else slots.push({ start: `${row.date}T${row.start}`, end: `${row.date}T${row.end}` });
  });
  return { slots, incomplete };
}

/**
 * Shows each message beside the slot it concerns (its number, 1-based), and those about the whole list below it.
 * @param {HTMLElement} list
 * @param {HTMLElement} general the paragraph under the rows
 * @param {{ slot: number | null, message: string }[]} errors
 */
export function showSlotErrors(list, general, errors) {
  rowsOf(list).forEach((row, index) => {
    const messages = errors.filter((e) => e.slot === index + 1).map((e) => e.message);
    const paragraph = /** @type {HTMLElement} */ (row.querySelector(".slot__error"));
    paragraph.textContent = messages.join(" ");
    paragraph.hidden = messages.length === 0;
    for (const part of ["date", "start", "end"]) {
      const input = inputOf(row, part);
      if (messages.length > 0) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  });
  const rows = rowsOf(list).length;
  const others = errors.filter((e) => e.slot === null || e.slot < 1 || e.slot > rows).map((e) => e.message);
  general.textContent = others.join(" ");
  general.hidden = others.length === 0;
}

/**
 * The messages of a refused request that concern the slots: its slotErrors, else its errors.slots for the list.
 * @param {import("./backend.js").Problem | null} problem
 * @returns {{ slot: number | null, message: string }[]}
 */
export function slotErrorsOf(problem) {
  if (!problem) return [];
  if (Array.isArray(problem.slotErrors))
    return problem.slotErrors.map((e) => ({ slot: e.slot ?? null, message: e.message }));
  const errors = problem.errors && !Array.isArray(problem.errors) ? problem.errors : {};
  return (errors.slots || []).map((message) => ({ slot: null, message }));
}

/**
 * @param {HTMLElement} list
 * @param {SlotRow} values
 * @returns {HTMLLIElement}
 */
function addSlotRow(list, values) {
  const row = document.createElement("li");
  row.className = "slot";
  const fieldset = document.createElement("fieldset");
  fieldset.className = "slot__fields";
  const legend = document.createElement("legend");
  legend.className = "slot__legend";
  fieldset.appendChild(legend);
  /** @type {[string, string, string][]} */
  const parts = [
    ["date", "Date", "date"],
    ["start", "Début", "time"],
    ["end", "Fin", "time"],
  ];
  for (const [part, text, type] of parts) {
    const label = document.createElement("label");
    label.className = `slot__part slot__part--${part}`;
    const caption = document.createElement("span");
    caption.textContent = text;
    const input = document.createElement("input");
    input.type = type;
    input.className = `slot__${part}`;
    if (type === "time") input.step = "60";
    input.value = values[/** @type {keyof SlotRow} */ (part)];
    label.append(caption, input);
    fieldset.appendChild(label);
  }
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "button button--secondary slot__remove";
  remove.textContent = "Retirer";
  fieldset.appendChild(remove);
  const error = document.createElement("p");
  error.className = "field__error slot__error";
  error.setAttribute("role", "alert");
  error.hidden = true;
  row.append(fieldset, error);
  list.appendChild(row);
  return row;
}

/** Names each row by its number, as the backend's messages do ("Le créneau n° 2…"). @param {HTMLElement} list */
function renumber(list) {
  const rows = rowsOf(list);
  rows.forEach((row, index) => {
    const name = rows.length === 1 ? "Créneau" : `Créneau n° ${index + 1}`;
    /** @type {HTMLElement} */ (row.querySelector(".slot__legend")).textContent = name;
    /** @type {HTMLElement} */ (row.querySelector(".slot__remove")).setAttribute(
      "aria-label",
      `Retirer : ${name.toLowerCase()}`
    );
    row.dataset.slot = String(index + 1);
  });
}

/** @param {HTMLElement} row @returns {SlotRow} */
function readRow(row) {
  return { date: inputOf(row, "date").value, start: inputOf(row, "start").value, end: inputOf(row, "end").value };
}

/**
 * "2024-03-25T14:00:00" → its date and hours; a slot over midnight keeps its start's date (the form has one date).
 * @param {Slot} slot
 * @returns {SlotRow}
 */
function rowOfSlot(slot) {
  return { date: slot.start.slice(0, 10), start: slot.start.slice(11, 16), end: slot.end.slice(11, 16) };
}

/** "2024-03-25" → "2024-03-26" (calendar arithmetic in UTC: no daylight-saving hour to lose). @param {string} date */
function nextDay(date) {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return "";
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
