#!/usr/bin/env python3
"""Writes the delimited files of DelimitedFileToolTests with Python's csv module and LibreOffice Calc (tools other
than our own code), from the one table below (the test holds the same table). Run from this folder:
  python3 make-files.py    (LibreOffice: apt-get install -y libreoffice-calc-nogui)"""
import csv, io, os, subprocess, tempfile

TABLE = [
    ["Nom", "Modérateur", "Rejoindre", "Durée", "Remarque"],
    ["Hélène Lefèvre", "TRUE", "04/03/2025 08:57:41", "03:04:38", "a dit « oui », puis \"non\""],
    ["Martin, Bruno", "FALSE", "04/03/2025 09:01:05", "-", "deux\r\nlignes"],
    ["Zoë O'Neil", "FALSE", "", "00:44:27", "3,5"],
]

def write(name, encoding, bom=b"", **options):
    text = io.StringIO(newline="")
    csv.writer(text, lineterminator="\r\n", **options).writerows(TABLE)
    with open(name, "wb") as f:
        f.write(bom + text.getvalue().encode(encoding))

write("python-quote-all.utf8-bom.csv", "utf-8", b"\xef\xbb\xbf", quoting=csv.QUOTE_ALL)
write("python-minimal.semicolon.cp1252.csv", "cp1252", delimiter=";", quoting=csv.QUOTE_MINIMAL)
write("python-excel-tab.utf16le-bom.tsv", "utf-16-le", b"\xff\xfe", dialect="excel-tab")
write("python-excel-tab.utf16be-bom.tsv", "utf-16-be", b"\xfe\xff", dialect="excel-tab")
write("python-excel-tab.utf16le.tsv", "utf-16-le", dialect="excel-tab")
write("python-minimal.utf8.csv", "utf-8")

# LibreOffice writes the same table back out as CSV (UTF-8, ',' and '"', quoting what needs it).
with tempfile.TemporaryDirectory() as out:
    subprocess.run(["soffice", "--headless", "--infilter=CSV:44,34,76,1,,1036,true,false",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out,
                    "python-minimal.utf8.csv"], check=True, capture_output=True)
    os.replace(os.path.join(out, "python-minimal.utf8.csv"), "libreoffice.utf8.csv")
