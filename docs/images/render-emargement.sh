#!/usr/bin/env bash
# Renders README's picture: the first printed page of the seed report's "Émargement" sheet, as Excel would print it.
# Needs Debian's LibreOffice and poppler: apt-get install -y libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

EMARGEMENT_PICTURE_XLSX="$work/emargement.xlsx" \
  dotnet test tests/AddinWeb.Tests --filter "FullyQualifiedName~SheetPictureTests" --nologo -v q
soffice --headless --convert-to pdf --outdir "$work" "$work/emargement.xlsx" >/dev/null
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$work/emargement.pdf" docs/images/emargement-page1
echo "docs/images/emargement-page1.png"
