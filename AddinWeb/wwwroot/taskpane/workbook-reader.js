// Reads the workbook for the backend: every sheet's name, used-range address, values and number formats.
//
// Excel on the web refuses a sync whose *response* is over 5 MB, and a large report's used ranges are more than that
// (~25 bytes per cell of a presence sheet, values and formats together). So the cells are read in row blocks:
//   sync 1: the sheet names, and the position and size of the first and last sheets' used ranges (a few bytes);
//   (only when there are other sheets in between: their used ranges' sizes, as they are reached by name;)
//   then: values and number formats, as many row blocks per sync as fit in READ_BUDGET_BYTES.
// A Via report has two sheets: 2 syncs when its cells are under 4 MB, about 1 + ⌈bytes / 4 MB⌉ above (a sheet's
// first rows are sized by FIRST_BYTES_PER_CELL, which can cost one sync); a workbook with more sheets, one sync more.
// The blocks are put back together, so the backend receives exactly what one whole-range read would give.

import { columnLetters, jsonBytes } from "./sheet-painter.js";

/** Same budget as the painter's writes: 1 MB of margin under Excel on the web's 5 MB limit. */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Bytes per cell (values and number format, as JSON) assumed for a sheet before any of its rows is measured. Measured
 * on synthetic Via reports: ~25 in the presence sheet (a name, an email, two serial dates, six figures; "General"
 * costs 10 bytes, the date format 22), ~20 in the Sommaire. 40 leaves room for longer names and texts; with the 1 MB
 * margin a batch is only refused if its cells average over 50 bytes, and then it is read again in halves (below).
 * Once some of a sheet's rows are read, its next blocks are sized by their measured bytes per cell: per sheet, as
 * sheets differ (a block sized on the Sommaire's 20 bytes would overshoot on the presence sheet's 25).
 */
export const FIRST_BYTES_PER_CELL = 40;

const RESPONSE_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/**
 * @param {Excel.RequestContext} context
 * @param {{budgetBytes?: number, firstBytesPerCell?: number}} [tuning] for tests: a smaller budget gives many batches
 * @returns {Promise<{names: string[], sheets: {name: string, address: string, values: any[][], numberFormat: string[][]}[]}>}
 */
export async function readWorkbook(context, { budgetBytes = READ_BUDGET_BYTES, firstBytesPerCell = FIRST_BYTES_PER_CELL } = {}) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  // The first and last sheets need no name to be reached: with two sheets, every size is known after one sync.
  const ends = [worksheets.getFirst(), worksheets.getLast()].map((sheet) => ({ sheet: sheet.load("name"), range: usedRangeSize(sheet) }));
  await context.sync();

  const known = new Map(ends.map((end) => [end.sheet.name, end.range]));
  const used = worksheets.items.map((sheet) => ({ sheet, range: known.get(sheet.name) || usedRangeSize(sheet) }));
  if (used.some((u) => !known.has(u.sheet.name))) await context.sync();

  const sheets = used
    .filter((u) => !u.range.isNullObject)
    .map(({ sheet, range }) => ({
      worksheet: sheet, address: range.address, top: range.rowIndex + 1,
      left: range.columnIndex + 1, rows: range.rowCount, columns: range.columnCount,
      values: [], numberFormat: [], bytesPerCell: firstBytesPerCell, measuredBytes: 0, measuredCells: 0,
    }));

  let budget = budgetBytes;
  const cursor = { sheet: 0, row: 0 };
  while (cursor.sheet < sheets.length) {
    const blocks = nextBatch(sheets, cursor, budget);
    for (const block of blocks) {
      const s = block.sheet;
      const first = s.top + block.row;
      block.range = s.worksheet.getRange(
        `${columnLetters(s.left)}${first}:${columnLetters(s.left + s.columns - 1)}${first + block.rows - 1}`);
      block.range.load("values,numberFormat");
    }
    try {
      await context.sync();
    } catch (error) {
      // The estimate was too low for these cells (long texts): read the same rows again in smaller batches.
      const rows = blocks.reduce((sum, b) => sum + b.rows, 0);
      if (error && error.code === RESPONSE_TOO_LARGE && rows > 1) {
        budget /= 2;
        continue;
      }
      throw error;
    }
    for (const block of blocks) {
      const { values, numberFormat } = block.range;
      const s = block.sheet;
      s.measuredBytes += jsonBytes(values) + jsonBytes(numberFormat);
      s.measuredCells += block.rows * s.columns;
      s.bytesPerCell = s.measuredBytes / s.measuredCells;
      for (let i = 0; i < values.length; i++) {
        s.values.push(values[i]);
        s.numberFormat.push(numberFormat[i]);
      }
    }
    advance(cursor, sheets, blocks);
  }

  return {
    names: used.map((u) => u.sheet.name),
    sheets: sheets.map((s) => ({ name: s.worksheet.name, address: s.address, values: s.values, numberFormat: s.numberFormat })),
  };
}

/** valuesOnly: a formatted but empty row at the bottom of an export is not data. */
function usedRangeSize(sheet) {
  return sheet.getUsedRangeOrNullObject(true).load("address,rowIndex,columnIndex,rowCount,columnCount");
}

/**
 * The row blocks of the next sync, from the cursor on, estimated at `budget` bytes at most (whole rows; a sync may
 * end one sheet and start the next ones). A single row over the budget goes alone.
 */
function nextBatch(sheets, cursor, budget) {
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

function advance(cursor, sheets, blocks) {
  const last = blocks[blocks.length - 1];
  cursor.sheet = sheets.indexOf(last.sheet);
  cursor.row = last.row + last.rows;
  if (cursor.row >= last.sheet.rows) {
    cursor.sheet++;
    cursor.row = 0;
  }
}

/** Selects a whole row of a source sheet (1-based Excel row), to show the trainer where a warning points. */
export async function selectRow(context, sheetName, row) {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(`${row}:${row}`).select();
  await context.sync();
}
