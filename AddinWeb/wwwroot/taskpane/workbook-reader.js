// Reads the workbook for the backend: every sheet's name, used-range address, values and number formats, in two
// context.sync calls whatever the size (one to learn the sheet names, one for all the ranges at once).

/**
 * @param {Excel.RequestContext} context
 * @returns {Promise<{names: string[], sheets: {name: string, address: string, values: any[][], numberFormat: string[][]}[]}>}
 */
export async function readWorkbook(context) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();

  // valuesOnly: a formatted but empty row at the bottom of an export is not data.
  const ranges = worksheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("address,values,numberFormat");
    return { name: sheet.name, range };
  });
  await context.sync();

  return {
    names: ranges.map((r) => r.name),
    sheets: ranges
      .filter((r) => !r.range.isNullObject)
      .map((r) => ({
        name: r.name,
        address: r.range.address,
        values: r.range.values,
        numberFormat: r.range.numberFormat,
      })),
  };
}

/** Selects a whole row of a source sheet (1-based Excel row), to show the trainer where a warning points. */
export async function selectRow(context, sheetName, row) {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(`${row}:${row}`).select();
  await context.sync();
}
