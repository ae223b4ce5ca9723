// Reads the workbook for the backend: every sheet's name, used-range address and cell values (values only: no stage
// of the backend reads number formats, and they were half of every read's bytes).
//
// Excel on the web refuses a sync whose *response* is over 5 MB, so the cells are read in row blocks:
//   sync 1: the sheet names and ids, and the position and size of the first and last sheets' used ranges;
//   (only when there are other sheets in between: their used ranges' sizes, as they are reached by name;)
//   then: the values, as many row blocks per sync as fit in READ_BUDGET_BYTES.
// The blocks are put back together, so the backend receives exactly what one whole-range read would give.
//
// Read once, then only what changed: the first read registers Office's change events (ExcelApi 1.9: a cell edited,
// a sheet recalculated, added or deleted marks that sheet), and keeps what it read. A later read takes sync 1 again
// (names, ids and used-range addresses: the cheap signature) and reads the values only of the sheets that changed
// since, or whose used range moved, or that are new. The click after opening costs one sync when nothing moved.

import { within } from "./deadline.js";
import { columnLetters, jsonBytes } from "./sheet-painter.js";

/** Same budget as the painter's writes: 1 MB of margin under Excel on the web's 5 MB limit. */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Bytes per cell (values as JSON) assumed for a sheet before any of its rows is measured. Measured on the tests'
 * synthetic reports: ~13 in a sheet of connections (a name, an email, two serial dates, six figures), ~10 in a list of
 * participants; 24 leaves room for longer names. Once some of a sheet's rows are read, its next blocks are sized by their measured bytes per
 * cell; a response Excel still refuses is read again with half the budget.
 */
export const FIRST_BYTES_PER_CELL = 24;

const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/**
 * @typedef {string | number | boolean} CellValue
 * @typedef {{ name: string, address: string, values: CellValue[][] }} SheetCells what the backend receives per sheet
 * @typedef {{ names: string[], sheets: SheetCells[], sheetsRead: number }} WorkbookCells
 *   names: every sheet in tab order (empty ones too); sheetsRead: how many sheets' values this read loaded
 * @typedef {{ budgetBytes?: number, firstBytesPerCell?: number, timeoutMs?: number, watch?: boolean }} ReadTuning
 *   for tests: a smaller budget gives many batches; watch: false reads everything every time
 */

/**
 * @typedef {object} SheetToRead
 * @property {Excel.Worksheet} worksheet
 * @property {string} id
 * @property {string} name
 * @property {string} address
 * @property {number} top 1-based row of the used range's first row
 * @property {number} left 1-based column of its first column
 * @property {number} rows
 * @property {number} columns
 * @property {CellValue[][]} values
 * @property {boolean} reused values kept from the last read
 * @property {number} bytesPerCell
 * @property {number} measuredBytes
 * @property {number} measuredCells
 */

/** @typedef {{ sheet: SheetToRead, row: number, rows: number, range?: Excel.Range }} Block */

export class WorkbookReader {
  /** @param {ReadTuning} [tuning] */
  constructor(tuning = {}) {
    this.budgetBytes = tuning.budgetBytes ?? READ_BUDGET_BYTES;
    this.firstBytesPerCell = tuning.firstBytesPerCell ?? FIRST_BYTES_PER_CELL;
    this.timeoutMs = tuning.timeoutMs;
    /** False once Office refused the change events (or a test asked): every read then reads every sheet. */
    this.watchable = tuning.watch !== false;
    this.watching = false;
    /** @type {Map<string, { address: string, values: CellValue[][] }>} sheet id → what the last read found */
    this.cache = new Map();
    /** @type {Set<string>} ids of the sheets changed since the last read (filled by Office's events) */
    this.changed = new Set();
  }

  /**
   * @param {Excel.RequestContext} context
   * @returns {Promise<WorkbookCells>}
   */
  async read(context) {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    // The first and last sheets need no name to be reached: with two sheets, every size is known after one sync.
    const ends = [worksheets.getFirst(), worksheets.getLast()].map((sheet) => ({
      sheet: sheet.load("name,id"),
      range: usedRangeSize(sheet),
    }));
    const registering = this.watchable && !this.watching;
    if (registering) this.listen(worksheets);
    try {
      await within(context.sync(), this.timeoutMs);
    } catch (error) {
      if (!registering || (error instanceof Error && error.name === "SyncTimeoutError")) throw error;
      // Events refused (an Excel that does not raise them): read everything, every time.
      this.watchable = false;
      return this.read(context);
    }
    if (registering) this.watching = true;
    // Changes seen from here on are for the next read: the values below may or may not include them.
    const dirty = this.changed;
    this.changed = new Set();

    const known = new Map(ends.map((end) => [end.sheet.id, end.range]));
    const used = worksheets.items.map((sheet) => ({ sheet, range: known.get(sheet.id) || usedRangeSize(sheet) }));
    if (used.some((u) => !known.has(u.sheet.id))) await within(context.sync(), this.timeoutMs);

    /** @type {SheetToRead[]} */
    const sheets = [];
    for (const { sheet, range } of used) {
      if (range.isNullObject) continue;
      const cached = this.watching ? this.cache.get(sheet.id) : undefined;
      const reused = !!cached && cached.address === localAddress(range.address) && !dirty.has(sheet.id);
      sheets.push({
        worksheet: sheet,
        id: sheet.id,
        name: sheet.name,
        address: range.address,
        top: range.rowIndex + 1,
        left: range.columnIndex + 1,
        rows: range.rowCount,
        columns: range.columnCount,
        values: cached && reused ? cached.values : [],
        reused,
        bytesPerCell: this.firstBytesPerCell,
        measuredBytes: 0,
        measuredCells: 0,
      });
    }

    const toRead = sheets.filter((s) => !s.reused);
    await this.readValues(context, toRead);

    this.cache = new Map(sheets.map((s) => [s.id, { address: localAddress(s.address), values: s.values }]));
    return {
      names: used.map((u) => u.sheet.name),
      sheets: sheets.map((s) => ({ name: s.name, address: s.address, values: s.values })),
      sheetsRead: toRead.length,
    };
  }

  /**
   * A change anywhere marks its sheet. Office keeps the handlers after this Excel.run ends.
   * @param {Excel.WorksheetCollection} worksheets
   */
  listen(worksheets) {
    /** @param {{ worksheetId: string }} event */
    const mark = async (event) => {
      this.changed.add(event.worksheetId);
    };
    worksheets.onChanged.add(mark);
    worksheets.onCalculated.add(mark);
    worksheets.onAdded.add(mark);
    worksheets.onDeleted.add(mark);
  }

  /**
   * The values of `sheets`, in row blocks of at most the budget per sync.
   * @param {Excel.RequestContext} context
   * @param {SheetToRead[]} sheets
   */
  async readValues(context, sheets) {
    let budget = this.budgetBytes;
    const cursor = { sheet: 0, row: 0 };
    while (cursor.sheet < sheets.length) {
      const blocks = nextBatch(sheets, cursor, budget);
      for (const block of blocks) {
        const s = block.sheet;
        const first = s.top + block.row;
        const address = `${columnLetters(s.left)}${first}:${columnLetters(s.left + s.columns - 1)}${first + block.rows - 1}`;
        block.range = s.worksheet.getRange(address).load("values");
      }
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB block: Excel on the web refuses a larger response
        await within(context.sync(), this.timeoutMs);
      } catch (error) {
        // The estimate was too low for these cells (long texts): read the same rows again in smaller batches.
        const rows = blocks.reduce((sum, b) => sum + b.rows, 0);
        if (isOfficeError(error) && error.code === RESPONSE_TOO_LARGE && rows > 1) {
          budget /= 2;
          continue;
        }
        throw error;
      }
      for (const block of blocks) {
        const values = /** @type {Excel.Range} */ (block.range).values;
        const s = block.sheet;
        s.measuredBytes += jsonBytes(values);
        s.measuredCells += block.rows * s.columns;
        s.bytesPerCell = s.measuredBytes / s.measuredCells;
        for (const row of values) s.values.push(row);
      }
      advance(cursor, sheets, blocks);
    }
  }
}

/**
 * valuesOnly: a formatted but empty row at the bottom of an export is not data.
 * @param {Excel.Worksheet} sheet
 */
function usedRangeSize(sheet) {
  return sheet.getUsedRangeOrNullObject(true).load("address,rowIndex,columnIndex,rowCount,columnCount");
}

/** "'Temps de connexion'!A1:J27" → "A1:J27": a renamed sheet keeps its cells. @param {string} address */
function localAddress(address) {
  return address.slice(address.lastIndexOf("!") + 1);
}

/**
 * @param {unknown} error
 * @returns {error is OfficeExtension.Error}
 */
function isOfficeError(error) {
  return typeof error === "object" && error !== null && "code" in error;
}

/**
 * The row blocks of the next sync, from the cursor on, estimated at `budget` bytes at most (whole rows; a sync may
 * end one sheet and start the next ones). A single row over the budget goes alone.
 * @param {SheetToRead[]} sheets
 * @param {{ sheet: number, row: number }} cursor
 * @param {number} budget
 * @returns {Block[]}
 */
function nextBatch(sheets, cursor, budget) {
  /** @type {Block[]} */
  const blocks = [];
  let left = budget;
  for (let i = cursor.sheet, row = cursor.row; i < sheets.length; i++, row = 0) {
    const sheet = sheets[i];
    const rowBytes = sheet.columns * sheet.bytesPerCell;
    const fit = Math.min(sheet.rows - row, Math.floor(left / rowBytes));
    const rows = fit > 0 ? fit : blocks.length === 0 ? 1 : 0;
    if (rows === 0) break;
    blocks.push({ sheet, row, rows });
    left -= rows * rowBytes;
    if (row + rows < sheet.rows) break;
  }
  return blocks;
}

/**
 * @param {{ sheet: number, row: number }} cursor
 * @param {SheetToRead[]} sheets
 * @param {Block[]} blocks
 */
function advance(cursor, sheets, blocks) {
  const last = blocks[blocks.length - 1];
  cursor.sheet = sheets.indexOf(last.sheet);
  cursor.row = last.row + last.rows;
  if (cursor.row >= last.sheet.rows) {
    cursor.sheet++;
    cursor.row = 0;
  }
}

/**
 * Selects a whole row of a source sheet (1-based Excel row), to show the trainer where a warning points.
 * @param {Excel.RequestContext} context
 * @param {string} sheetName
 * @param {number} row
 */
export async function selectRow(context, sheetName, row) {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(`${row}:${row}`).select();
  await within(context.sync());
}
