#!/usr/bin/python3
"""Writes a session report (cells given as JSON) as an .xlsx with a real third-party writer, for the upload tests.

Usage: write_report.py SPEC.json — SPEC holds "tool" (openpyxl or xlsxwriter), "output", "features" (any of image,
chart, comment, definedName, conditionalFormatting, dataValidation, formulas, sharedFormulas, inlineStrings) and
"sheets": [{"name", "firstRow", "firstColumn", "rows": [[cell, ...], ...]}], a cell being null, a string, a number,
a boolean or {"date": "2020-11-10T13:39:50"}. Dates get "dd/mm/yyyy hh:mm:ss", numbers "0.00", the header row
("Nom de l'utilisateur") is bold: the way the platform delivers the report.
"""
import datetime
import json
import re
import struct
import sys
import zipfile
import zlib

DATE_FORMAT = "dd/mm/yyyy hh:mm:ss"
FIGURE_FORMAT = "0.00"


def png(width=40, height=20):
    """A small red PNG, made here (no file needed)."""
    raw = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def value(cell):
    if isinstance(cell, dict):
        return datetime.datetime.fromisoformat(cell["date"])
    return cell


def with_openpyxl(spec):
    import io
    import openpyxl
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    features = set(spec["features"])
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet in spec["sheets"]:
        ws = workbook.create_sheet(sheet["name"])
        for r, row in enumerate(sheet["rows"]):
            bold = len(row) > 0 and row[0] == "Nom de l'utilisateur"
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                target = ws.cell(row=sheet["firstRow"] + r, column=sheet["firstColumn"] + c, value=value(cell))
                if isinstance(cell, dict):
                    target.number_format = DATE_FORMAT
                elif isinstance(cell, float) or (isinstance(cell, int) and not isinstance(cell, bool)):
                    target.number_format = FIGURE_FORMAT
                if bold:
                    target.font = Font(bold=True)
        ws.column_dimensions["A"].width = 24
        ws.column_dimensions["B"].width = 32
    first = workbook.worksheets[0]
    extra = workbook.create_sheet("Notes")
    extra["A1"] = "Notes du formateur"
    extra["A2"] = 3.5
    extra["A3"] = 4.5
    extra["A1"].fill = PatternFill("solid", fgColor="FFF4CE")
    if "formulas" in features:
        extra["B2"] = "=A2*2"
        extra["B3"] = "=SUM(A2:A3)"
    if "image" in features:
        extra.add_image(Image(io.BytesIO(png())), "D2")
    if "chart" in features:
        chart = BarChart()
        chart.add_data(Reference(extra, min_col=1, min_row=2, max_row=3))
        extra.add_chart(chart, "D8")
    if "comment" in features:
        first["A1"].comment = Comment("Exporté de la plateforme", "Formateur")
    if "definedName" in features:
        workbook.defined_names.append(DefinedName("Notes_formateur", attr_text="Notes!$A$2:$A$3"))
    if "conditionalFormatting" in features:
        extra.conditional_formatting.add("A2:A3", CellIsRule(operator="greaterThan", formula=["4"], fill=PatternFill("solid", fgColor="FFC7CE")))
    if "dataValidation" in features:
        validation = DataValidation(type="list", formula1='"Oui,Non"', allow_blank=True)
        extra.add_data_validation(validation)
        validation.add("C2:C3")
    workbook.save(spec["output"])


def with_xlsxwriter(spec):
    import io
    import xlsxwriter

    features = set(spec["features"])
    workbook = xlsxwriter.Workbook(spec["output"], {"constant_memory": "inlineStrings" in features})
    date = workbook.add_format({"num_format": DATE_FORMAT})
    figure = workbook.add_format({"num_format": FIGURE_FORMAT})
    bold = workbook.add_format({"bold": True})
    for sheet in spec["sheets"]:
        ws = workbook.add_worksheet(sheet["name"])
        ws.set_column(0, 0, 24)
        ws.set_column(1, 1, 32)
        for r, row in enumerate(sheet["rows"]):
            header = len(row) > 0 and row[0] == "Nom de l'utilisateur"
            for c, cell in enumerate(row):
                at = (sheet["firstRow"] - 1 + r, sheet["firstColumn"] - 1 + c)
                if cell is None:
                    continue
                if isinstance(cell, dict):
                    ws.write_datetime(*at, value(cell), date)
                elif isinstance(cell, bool):
                    ws.write_boolean(*at, cell)
                elif isinstance(cell, (int, float)):
                    ws.write_number(*at, cell, figure)
                else:
                    ws.write_string(*at, cell, bold if header else None)
    extra = workbook.add_worksheet("Notes")
    # Row by row: in constant_memory mode (inline strings) a row is written out once the next one starts.
    formulas = "formulas" in features or "sharedFormulas" in features
    extra.write_string(0, 0, "Notes du formateur")
    extra.write_number(1, 0, 3.5)
    if formulas:
        extra.write_formula(1, 1, "=A2*2", None, 7)
    extra.write_number(2, 0, 4.5)
    if formulas:
        extra.write_formula(2, 1, "=A3*2", None, 9)
    if "image" in features:
        extra.insert_image(1, 3, "logo.png", {"image_data": io.BytesIO(png())})
    if "chart" in features:
        chart = workbook.add_chart({"type": "column"})
        chart.add_series({"values": "=Notes!$A$2:$A$3"})
        extra.insert_chart(7, 3, chart)
    if "comment" in features:
        workbook.worksheets()[0].write_comment(0, 0, "Exporté de la plateforme")
    if "definedName" in features:
        workbook.define_name("Notes_formateur", "=Notes!$A$2:$A$3")
    if "conditionalFormatting" in features:
        extra.conditional_format(1, 0, 2, 0, {"type": "cell", "criteria": ">", "value": 4, "format": bold})
    if "dataValidation" in features:
        extra.data_validation(1, 2, 2, 2, {"validate": "list", "source": ["Oui", "Non"]})
    workbook.close()
    if "sharedFormulas" in features:
        share_formulas(spec["output"])


def share_formulas(path):
    """Turns the Notes sheet's two formulas into one shared formula, as Excel writes a filled-down column."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    name = next(n for n in parts if n.startswith("xl/worksheets/") and b"A2*2" in parts[n])
    xml = parts[name].decode("utf-8")
    xml = xml.replace("<f>A2*2</f>", '<f t="shared" ref="B2:B3" si="0">A2*2</f>')
    xml = re.sub(r"<f>A3\*2</f>", '<f t="shared" si="0"/>', xml)
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, content in parts.items():
            target.writestr(part, content)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as file:
        spec = json.load(file)
    {"openpyxl": with_openpyxl, "xlsxwriter": with_xlsxwriter}[spec["tool"]](spec)
