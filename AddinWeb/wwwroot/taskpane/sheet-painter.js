// Paints the SheetLayout returned by the backend into a new worksheet, as Excel wants it:
// - values first, then formats, each as whole ranges (never cell by cell);
// - cut into batches that each stay under PAYLOAD_BUDGET_BYTES (Excel on the web refuses a request over 5 MB),
//   with one context.sync per batch;
// - under a temporary hidden name, renamed and shown only at the end, so that a failure leaves the workbook as it
//   was (the caller deletes the temporary sheet; the source sheets are never touched).
//
// Literal text: every string is written with a leading apostrophe ("'=HYPERLINK(…)", "'10/11/2020", "'-"). Excel
// keeps the apostrophe as the cell's prefix, not in its value, and takes what follows as text. Guessing which strings
// Excel would parse is locale-dependent ("1,5", "VRAI", "10/11", "1e5", "+33…"), so no string is left to chance.
// The alternative, the "@" number format before the values, would double the payload and leave cells formatted
// as text where the layout says nothing.

import { within } from "./deadline.js";

/**
 * The backend's SheetLayout (AddinWeb/Emargement/SheetLayout.cs). The Office enum values are sent with Office.js's
 * own names (a test pins the C# enums to @types/office-js), so they are handed to Office.js as they are.
 * @typedef {string | number | boolean | null} LayoutValue
 * @typedef {object} Borders
 * @property {"Thin" | "Medium" | "Thick" | null} [outline]
 * @property {"Thin" | "Medium" | "Thick" | null} [inside]
 * @property {"Thin" | "Medium" | "Thick" | null} [bottom]
 * @property {string} [color]
 * @typedef {object} RangeFormat
 * @property {string} range
 * @property {string | null} [numberFormat]
 * @property {boolean | null} [bold]
 * @property {boolean | null} [italic]
 * @property {number | null} [fontSize]
 * @property {string | null} [fontColor]
 * @property {string | null} [fill]
 * @property {"Left" | "Center" | "Right" | null} [horizontalAlignment]
 * @property {"Top" | "Center" | "Bottom" | null} [verticalAlignment]
 * @property {boolean | null} [wrapText]
 * @property {Borders | null} [borders]
 * @typedef {object} PrintSetup
 * @property {"Portrait" | "Landscape"} orientation
 * @property {"A4"} paperSize
 * @property {number} fitToPagesWide
 * @property {number} fitToPagesTall
 * @property {string | null} [titleRows]
 * @property {string | null} [printArea]
 * @property {string | null} [leftFooter]
 * @property {string | null} [centerFooter]
 * @property {string | null} [rightFooter]
 * @property {number} marginLeft
 * @property {number} marginRight
 * @property {number} marginTop
 * @property {number} marginBottom
 * @property {boolean} centerHorizontally
 * @typedef {object} SheetLayout
 * @property {string} name
 * @property {LayoutValue[][]} values
 * @property {RangeFormat[]} [formats]
 * @property {string[]} [merges]
 * @property {number[]} [columnWidths]
 * @property {{ row: number, points: number }[]} [rowHeights]
 * @property {number} [frozenRows]
 * @property {PrintSetup} [print]
 */

/**
 * @typedef {"values" | "formats"} Phase
 * @typedef {{ phase: Phase, bytes: number, rows?: number, apply: (sheet: Excel.Worksheet) => void }} PaintOp
 * @typedef {{ phase: Phase, bytes: number, ops: PaintOp[] }} PaintBatch
 */

export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;
/** What Office.js adds around each queued action (object path, ids, method name), rounded up. */
const ACTION_OVERHEAD_BYTES = 512;
const encoder = new TextEncoder();

/** @param {unknown} value */
export function jsonBytes(value) {
  return encoder.encode(JSON.stringify(value)).length;
}

/** 1 → "A", 27 → "AA". @param {number} n */
export function columnLetters(n) {
  let letters = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/**
 * "B3:N40" → {r1, c1, r2, c2} (1-based). A single cell gives r1 = r2, c1 = c2.
 * @param {string} address
 */
export function parseAddress(address) {
  const local = String(address)
    .slice(String(address).lastIndexOf("!") + 1)
    .replace(/\$/g, "");
  const [from, to = from] = local.split(":");
  const cell = (/** @type {string} */ text) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(text);
    if (!m) throw new Error(`Adresse de plage invalide : ${address}`);
    let column = 0;
    for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]), column };
  };
  const a = cell(from),
    b = cell(to);
  return {
    r1: Math.min(a.row, b.row),
    c1: Math.min(a.column, b.column),
    r2: Math.max(a.row, b.row),
    c2: Math.max(a.column, b.column),
  };
}

/** @param {number} r1 @param {number} c1 @param {number} r2 @param {number} c2 */
function rangeAddress(r1, c1, r2, c2) {
  const from = `${columnLetters(c1)}${r1}`,
    to = `${columnLetters(c2)}${r2}`;
  return from === to ? from : `${from}:${to}`;
}

/**
 * Excel's "Column width" (characters of the default font's widest digit: 7 px for Calibri 11) to points, with
 * Excel's own rounding: the stored width adds 5 px of padding, then pixels are truncated; 1 px = 0.75 pt.
 * @param {number} characters
 */
export function charactersToPoints(characters) {
  if (!(characters > 0)) return 0;
  const maxDigitWidth = 7,
    padding = 5;
  const stored =
    characters < 1
      ? Math.trunc(((characters * (maxDigitWidth + padding)) / maxDigitWidth) * 256) / 256
      : Math.trunc(((characters * maxDigitWidth + padding) / maxDigitWidth) * 256) / 256;
  const pixels = Math.trunc(((256 * stored + Math.trunc(128 / maxDigitWidth)) / 256) * maxDigitWidth);
  return pixels * 0.75;
}

/**
 * A cell of the layout as Office.js should receive it (see "Literal text" above).
 * @param {LayoutValue | undefined} value
 * @returns {string | number | boolean}
 */
export function literalCell(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value === "" ? "" : "'" + value;
  return value; // number or boolean
}

/**
 * Cuts the layout into batches of operations. Each operation is { bytes, phase, apply(sheet) }; each batch
 * { phase, bytes, ops } holds at most `budget` bytes of estimated payload (one oversized operation stays alone).
 * Values always come before formats, but the formats start in the last values batch when it has room: a round
 * trip saved on every sheet, so the writes stay within 2 + ⌈bytes / 4 MB⌉ syncs (performance issue).
 * @param {SheetLayout} layout
 * @returns {PaintBatch[]}
 */
export function planPaint(layout, budget = PAYLOAD_BUDGET_BYTES) {
  const ops = [...valueOps(layout, budget), ...formatOps(layout, budget)];
  /** @type {PaintBatch[]} */
  const batches = [];
  /** @type {PaintBatch | null} */
  let current = null;
  for (const op of ops) {
    if (!current || current.bytes + op.bytes > budget) {
      current = { phase: op.phase, bytes: 0, ops: [] };
      batches.push(current);
    }
    current.ops.push(op);
    current.bytes += op.bytes;
  }
  return batches;
}

/** @param {SheetLayout} layout @param {number} budget @returns {PaintOp[]} */
function valueOps(layout, budget) {
  const rows = layout.values || [];
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  if (rows.length === 0 || width === 0) return [];
  /** @type {PaintOp[]} */
  const ops = [];
  /** @type {(string | number | boolean)[][]} */
  let chunk = [];
  let start = 0,
    bytes = ACTION_OVERHEAD_BYTES;
  const flush = (/** @type {number} */ end) => {
    const first = start + 1,
      values = chunk;
    ops.push({
      phase: "values",
      bytes,
      rows: values.length,
      apply: (sheet) => {
        sheet.getRange(rangeAddress(first, 1, end, width)).values = values;
      },
    });
    start = end;
    chunk = [];
    bytes = ACTION_OVERHEAD_BYTES;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = new Array(width);
    for (let c = 0; c < width; c++) row[c] = literalCell(rows[i][c]);
    const rowBytes = jsonBytes(row) + 1;
    if (chunk.length > 0 && bytes + rowBytes > budget) flush(i);
    chunk.push(row);
    bytes += rowBytes;
  }
  flush(rows.length);
  return ops;
}

/** @param {SheetLayout} layout @param {number} budget @returns {PaintOp[]} */
function formatOps(layout, budget) {
  /** @type {PaintOp[]} */
  const ops = [];
  /** @type {(bytes: number, apply: (sheet: Excel.Worksheet) => void) => void} */
  const add = (bytes, apply) => {
    ops.push({ phase: "formats", bytes: bytes + ACTION_OVERHEAD_BYTES, apply });
  };

  for (const format of layout.formats || []) {
    if (format.numberFormat != null) ops.push(...numberFormatOps(format.range, format.numberFormat, budget));
    const style = styleSetter(format);
    if (style) add(jsonBytes(format), style);
  }
  for (const merge of layout.merges || []) add(jsonBytes(merge), (sheet) => sheet.getRange(merge).merge(false));

  // Consecutive columns (rows) of the same size are set as one range.
  const widths = (layout.columnWidths || []).map(charactersToPoints);
  for (const run of runs(widths.map((points, i) => ({ index: i + 1, points })).filter((w) => w.points > 0))) {
    const address = `${columnLetters(run.first)}:${columnLetters(run.last)}`;
    add(64, (sheet) => {
      sheet.getRange(address).format.columnWidth = run.points;
    });
  }
  for (const run of runs((layout.rowHeights || []).map((h) => ({ index: h.row, points: h.points })))) {
    const address = `${run.first}:${run.last}`;
    add(64, (sheet) => {
      sheet.getRange(address).format.rowHeight = run.points;
    });
  }
  const frozenRows = layout.frozenRows ?? 0;
  if (frozenRows > 0) add(32, (sheet) => sheet.freezePanes.freezeRows(frozenRows));
  const print = layout.print;
  if (print) add(jsonBytes(print), (sheet) => applyPrint(sheet, print));
  return ops;
}

/** @param {string} address @param {string} numberFormat @param {number} budget @returns {PaintOp[]} */
function numberFormatOps(address, numberFormat, budget) {
  // Office.js wants one format per cell: a 2-D array the size of the range, cut in row chunks.
  const { r1, c1, r2, c2 } = parseAddress(address);
  const width = c2 - c1 + 1;
  const cellBytes = jsonBytes(numberFormat) + 1;
  const rowsPerChunk = Math.max(1, Math.floor((budget - ACTION_OVERHEAD_BYTES) / (cellBytes * width + 2)));
  /** @type {PaintOp[]} */
  const ops = [];
  for (let top = r1; top <= r2; top += rowsPerChunk) {
    const bottom = Math.min(r2, top + rowsPerChunk - 1);
    const rowCount = bottom - top + 1;
    ops.push({
      phase: "formats",
      bytes: ACTION_OVERHEAD_BYTES + rowCount * (cellBytes * width + 2),
      apply: (sheet) => {
        const row = new Array(width).fill(numberFormat);
        sheet.getRange(rangeAddress(top, c1, bottom, c2)).numberFormat = Array.from({ length: rowCount }, () =>
          row.slice()
        );
      },
    });
  }
  return ops;
}

/** @param {RangeFormat} f @returns {((sheet: Excel.Worksheet) => void) | null} */
function styleSetter(f) {
  /** @template T @param {T | null | undefined} v @returns {v is T} */
  const has = (v) => v !== null && v !== undefined;
  if (
    ![
      f.bold,
      f.italic,
      f.fontSize,
      f.fontColor,
      f.fill,
      f.horizontalAlignment,
      f.verticalAlignment,
      f.wrapText,
      f.borders,
    ].some(has)
  )
    return null;
  return (sheet) => {
    const format = sheet.getRange(f.range).format;
    if (has(f.bold)) format.font.bold = f.bold;
    if (has(f.italic)) format.font.italic = f.italic;
    if (has(f.fontSize)) format.font.size = f.fontSize;
    if (has(f.fontColor)) format.font.color = f.fontColor;
    if (has(f.fill)) format.fill.color = f.fill;
    if (has(f.horizontalAlignment)) format.horizontalAlignment = f.horizontalAlignment;
    if (has(f.verticalAlignment)) format.verticalAlignment = f.verticalAlignment;
    if (has(f.wrapText)) format.wrapText = f.wrapText;
    if (has(f.borders)) applyBorders(format, parseAddress(f.range), f.borders);
  };
}

/**
 * @param {Excel.RangeFormat} format
 * @param {{ r1: number, c1: number, r2: number, c2: number }} box
 * @param {Borders} borders
 */
function applyBorders(format, box, borders) {
  const color = borders.color || "#000000";
  /** @param {"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical"} name @param {"Thin" | "Medium" | "Thick"} weight */
  const edge = (name, weight) => {
    const border = format.borders.getItem(name);
    border.style = "Continuous";
    border.weight = weight;
    border.color = color;
  };
  const outline = borders.outline;
  if (outline)
    for (const name of /** @type {const} */ (["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"])) edge(name, outline);
  if (borders.inside) {
    if (box.r2 > box.r1) edge("InsideHorizontal", borders.inside);
    if (box.c2 > box.c1) edge("InsideVertical", borders.inside);
  }
  if (borders.bottom) edge("EdgeBottom", borders.bottom);
}

/** @param {Excel.Worksheet} sheet @param {PrintSetup} print */
function applyPrint(sheet, print) {
  const page = sheet.pageLayout;
  if (print.orientation) page.orientation = print.orientation;
  if (print.paperSize) page.paperSize = print.paperSize;
  // Fit to N pages wide; a height of 0 means "as many pages as needed", which is what Excel does when the
  // vertical count is left unset, so it is only sent when the layout asks for a number.
  /** @type {Excel.PageLayoutZoomOptions} */
  const zoom = {};
  if (print.fitToPagesWide > 0) zoom.horizontalFitToPages = print.fitToPagesWide;
  if (print.fitToPagesTall > 0) zoom.verticalFitToPages = print.fitToPagesTall;
  if (Object.keys(zoom).length > 0) page.zoom = zoom;
  // The layout's margins are in inches (ClosedXML's unit); Office.js takes points.
  page.leftMargin = print.marginLeft * 72;
  page.rightMargin = print.marginRight * 72;
  page.topMargin = print.marginTop * 72;
  page.bottomMargin = print.marginBottom * 72;
  page.centerHorizontally = !!print.centerHorizontally;
  if (print.titleRows) page.setPrintTitleRows(print.titleRows);
  if (print.printArea) page.setPrintArea(print.printArea);
  const footer = page.headersFooters.defaultForAllPages;
  if (print.leftFooter) footer.leftFooter = print.leftFooter;
  if (print.centerFooter) footer.centerFooter = print.centerFooter;
  if (print.rightFooter) footer.rightFooter = print.rightFooter;
}

/**
 * @param {{ index: number, points: number }[]} items
 * @returns {{ first: number, last: number, points: number }[]}
 */
function runs(items) {
  /** @type {{ first: number, last: number, points: number }[]} */
  const out = [];
  for (const item of [...items].sort((a, b) => a.index - b.index)) {
    const last = out[out.length - 1];
    if (last && last.last === item.index - 1 && last.points === item.points) last.last = item.index;
    else out.push({ first: item.index, last: item.index, points: item.points });
  }
  return out;
}

/**
 * @typedef {object} PaintPlan
 * @property {string} temporaryName the hidden sheet's name while it is built
 * @property {string} finalName
 * @property {string | null} replacedName the sheet deleted in the last sync, if any
 * @property {(progress: { phase: Phase | "done", done: number, total: number }) => void} [onProgress]
 * @property {number} [budget]
 * @property {number} [timeoutMs] bounded wait for each sync
 * @property {AbortSignal} [signal] once aborted, no further batch is queued (the last one is never renamed)
 */

/**
 * Builds the sheet under `temporaryName`, then (in the last sync) deletes `replacedName` if given, renames the new
 * sheet to `finalName`, shows and activates it. Throws on any Excel error, and a SyncTimeoutError when Excel does not
 * answer in time: the caller then deletes the temporary sheet (deleteTemporarySheet), so nothing half-written remains.
 * @param {Excel.RequestContext} context
 * @param {SheetLayout} layout
 * @param {PaintPlan} plan
 */
export async function paintSheet(context, layout, plan) {
  const { temporaryName, finalName, replacedName, onProgress = () => {}, budget, timeoutMs, signal } = plan;
  const batches = planPaint(layout, budget);
  const total = batches.length + 1;
  const worksheets = context.workbook.worksheets;
  const sheet = worksheets.add(temporaryName);
  sheet.visibility = "Hidden";
  let done = 0;
  for (const batch of batches) {
    signal?.throwIfAborted();
    for (const op of batch.ops) op.apply(sheet);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB batch: Excel on the web refuses a larger request
    await within(context.sync(), timeoutMs);
    done++;
    onProgress({ phase: batch.phase, done, total });
  }
  signal?.throwIfAborted();
  if (replacedName) worksheets.getItem(replacedName).delete();
  sheet.name = finalName;
  sheet.visibility = "Visible";
  sheet.activate();
  sheet.getRange("A1").select();
  await within(context.sync(), timeoutMs);
  onProgress({ phase: "done", done: total, total });
  return { batches: batches.length };
}

/**
 * Deletes the sheet left by a failed paint, if it is there.
 * @param {Excel.RequestContext} context
 * @param {string} temporaryName
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>} whether there was one
 */
export async function deleteTemporarySheet(context, temporaryName, timeoutMs) {
  const sheet = context.workbook.worksheets.getItemOrNullObject(temporaryName);
  await within(context.sync(), timeoutMs);
  if (sheet.isNullObject) return false;
  sheet.delete();
  await within(context.sync(), timeoutMs);
  return true;
}
