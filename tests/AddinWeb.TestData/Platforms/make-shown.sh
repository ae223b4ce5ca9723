#!/usr/bin/env bash
# Rewrites shown/*.xlsx: the platform files as a spreadsheet shows them once opened, made by LibreOffice Calc (a real
# tool, not our code) with the import options of the Excel it stands for. Run from this folder when a .csv changes:
#   apt-get install -y libreoffice-calc-nogui && ./make-shown.sh
# CSV import options: separator (59 ';', 44 ',', 9 tab), quote (34), charset (1 Windows-1252, 76 UTF-8, 65535 UTF-16),
# first line, column types (none), locale (1036 fr-FR, 1033 en-US, 2057 en-GB), quoted field as text (false),
# detect special numbers (true: dates, times and flags become values, by that locale).
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
convert() { # file, options, name of the result
  soffice --headless --infilter="CSV:$2" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out/$3" "$1" >/dev/null 2>&1
  mkdir -p shown && cp "$out/$3/${1%.csv}.xlsx" "shown/$3.xlsx"
}
# A French Excel (list separator ';') opening UTF-8 without a byte order mark as Windows-1252: whole lines, mojibake.
convert bbb-variant-fr.csv 59,34,1,1,,1036,false,true bbb-variant-fr.french-excel
convert zoom-variant-en.csv 59,34,1,1,,1036,false,true zoom-variant-en.french-excel
# An American Excel: split on ',', still Windows-1252, dates read month first, clocks and flags turned into values.
convert bbb-variant-fr.csv 44,34,1,1,,1033,false,true bbb-variant-fr.us-excel
# A British Excel: split on ',', dates read day first.
convert zoom-variant-en.csv 44,34,1,1,,2057,false,true zoom-variant-en.uk-excel
# Teams' UTF-16 tab file as an American Excel shows it.
convert teams-attendance-en.csv 9,34,65535,1,,1033,false,true teams-attendance-en.us-excel
rm -rf "$out"
