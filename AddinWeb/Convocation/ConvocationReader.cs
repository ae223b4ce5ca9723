using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Convocation;

/// <summary>
/// Reads a convened list from one sheet: found by its header row (<see cref="ConvocationHeaders"/>) whatever the
/// sheet's name and the title lines above it, one person per row below it. Pure. A row that cannot be used is left
/// out with a warning that names its sheet, row and column, never its content; a person listed twice is kept once.
/// </summary>
public static class ConvocationReader
{
    public const string RowWithoutName = "ConvocationRowWithoutName";
    public const string NotAName = "ConvocationNotAName";
    public const string NotAnEmail = "ConvocationNotAnEmail";
    public const string ListedTwice = "ConvocationListedTwice";
    public const string SameNameTwice = "ConvocationSameNameTwice";

    /// <summary>The list the sheet holds, or null when no row of it heads a list.</summary>
    public static ConvocationList? Read(SheetGrid sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (ConvocationHeaders.Find(sheet) is not { } columns) return null;

        var headers = sheet.Rows[columns.HeaderRow - sheet.FirstRow];
        string Title(int column) => column >= 0 && column < headers.Count ? headers[column].ToString().Trim() : "";
        var issues = new List<ReportIssue>();
        ReportIssue Warning(string code, int row, int column, string what) =>
            ReportLocation.Warning(code, sheet.Name, row, sheet.ExcelColumn(column), Title(column), what);

        var people = new List<ConvenedPerson>();
        var byEmail = new Dictionary<string, ConvenedPerson>(StringComparer.Ordinal);
        var byName = new Dictionary<string, ConvenedPerson>(StringComparer.Ordinal);
        // The first name column the row has, for messages about a row whose name is missing.
        var nameColumn = columns.FullName >= 0 && columns.LastName < 0 ? columns.FullName : columns.LastName;
        if (nameColumn < 0) nameColumn = columns.FirstName;

        for (var r = columns.HeaderRow - sheet.FirstRow + 1; r < sheet.Rows.Count; r++)
        {
            var cells = sheet.Rows[r];
            if (cells.All(c => c.IsEmpty)) continue;
            var excelRow = sheet.ExcelRow(r);

            // Each name cell must be text that reads as a name; a footer ("Total : 12 stagiaires") does not.
            var unreadable = -1;
            string? Name(int column)
            {
                if (column < 0) return null;
                var cell = sheet[r, column];
                if (cell.IsEmpty) return null;
                var text = cell.Kind == CellKind.Text ? TextNormalizer.CollapseSpaces(cell.Text) : null;
                if (text is null || !ConvocationNames.LooksLikeName(text))
                {
                    if (unreadable < 0) unreadable = column;
                    return null;
                }
                return text;
            }

            string lastName, firstName;
            if (columns.LastName >= 0)
            {
                lastName = Name(columns.LastName) ?? "";
                firstName = Name(columns.FirstName) ?? "";
            }
            else
            {
                (lastName, firstName) = Name(columns.FullName) is { } full
                    ? ConvocationNames.Split(full, columns.FullNameOrder)
                    : ("", "");
            }

            string? email = null;
            if (columns.Email >= 0 && !sheet[r, columns.Email].IsEmpty)
            {
                var cell = sheet[r, columns.Email];
                var text = cell.Kind == CellKind.Text ? TextNormalizer.CollapseSpaces(cell.Text) : "";
                if (ConvocationNames.LooksLikeEmail(text)) email = text;
                else issues.Add(Warning(NotAnEmail, excelRow, columns.Email,
                    "cette cellule ne contient pas une adresse électronique lisible ; la personne est recherchée par son nom seul."));
            }

            if (unreadable >= 0 && email is null)
            {
                issues.Add(Warning(NotAName, excelRow, unreadable,
                    "cette cellule ne ressemble pas à un nom (chiffres, date ou nombre) : ligne ignorée dans la liste des convoqués."));
                continue;
            }
            if (lastName.Length == 0 && email is null)
            {
                // A row with something else only (an établissement, a count): not a person, said so.
                issues.Add(Warning(RowWithoutName, excelRow, nameColumn,
                    firstName.Length > 0
                        ? "le nom manque et la ligne n'a pas d'adresse électronique : ligne ignorée dans la liste des convoqués."
                        : "ni nom ni adresse électronique : ligne ignorée dans la liste des convoqués."));
                continue;
            }

            var person = new ConvenedPerson
            {
                Source = new SourceRef(sheet.Name, excelRow),
                LastName = lastName,
                FirstName = firstName,
                Email = email,
            };
            var emailKey = ConvocationNames.EmailKey(email);
            var nameKey = lastName.Length > 0 ? ConvocationNames.NameKey(firstName, lastName) : "";
            if (emailKey is not null && byEmail.TryGetValue(emailKey, out var sameEmail))
            {
                issues.Add(Warning(ListedTwice, excelRow, columns.Email,
                    $"adresse électronique déjà donnée ligne {sameEmail.Source.Row} : la personne est comptée une seule fois."));
                continue;
            }
            if (nameKey.Length > 0 && byName.TryGetValue(nameKey, out var sameName))
            {
                if (emailKey is null || sameName.Email is null)
                {
                    issues.Add(Warning(ListedTwice, excelRow, nameColumn,
                        $"même nom que la ligne {sameName.Source.Row} : la personne est comptée une seule fois."));
                    continue;
                }
                // Two addresses under one name: homonyms, or one person listed twice. Both are kept, and said.
                issues.Add(Warning(SameNameTwice, excelRow, nameColumn,
                    $"même nom que la ligne {sameName.Source.Row}, avec une autre adresse électronique : deux personnes "
                    + "sont comptées ; vérifiez qu'il ne s'agit pas d'une même personne inscrite deux fois."));
            }
            if (emailKey is not null) byEmail[emailKey] = person;
            if (nameKey.Length > 0) byName.TryAdd(nameKey, person);
            people.Add(person);
        }
        return new ConvocationList(sheet.Name, columns, people, issues);
    }
}
