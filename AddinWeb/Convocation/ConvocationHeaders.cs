using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Convocation;

/// <summary>
/// Finds the header row of a convened list and what its columns hold, by meaning: the labels GAIA exports and
/// trainers type ("NOM", "Nom d'usage", "Nom de famille", "Prénom", "Mél", "Courriel", "Adresse électronique",
/// "Email", a single "NOM Prénom"), whatever their case, accents and punctuation (<see cref="TextNormalizer.HeaderKey"/>).
/// Other columns (civilité, discipline, établissement, UAI…) are ignored.
/// </summary>
public static class ConvocationHeaders
{
    /// <summary>Rows searched for the header: title lines above a pasted list rarely take more than a dozen.</summary>
    public const int SearchedRows = 40;

    /// <summary>Last-name labels, best first: the name in use before the birth name when a list gives both.</summary>
    private static readonly Dictionary<string, int> LastNames = new(StringComparer.Ordinal)
    {
        ["nom d usage"] = 0, ["nom usuel"] = 0, ["nom marital"] = 0,
        ["nom"] = 1, ["noms"] = 1, ["nom du stagiaire"] = 1, ["nom stagiaire"] = 1,
        ["nom de famille"] = 2, ["nom patronymique"] = 2, ["nom de naissance"] = 2, ["nom de jeune fille"] = 2,
    };

    private static readonly HashSet<string> FirstNames = new(StringComparer.Ordinal)
    {
        "prenom", "prenoms", "prenom usuel", "prenom du stagiaire", "prenom stagiaire",
    };

    /// <summary>Single name columns and the order their header announces.</summary>
    private static readonly Dictionary<string, NameOrder> FullNames = new(StringComparer.Ordinal)
    {
        ["nom prenom"] = NameOrder.LastFirst, ["nom et prenom"] = NameOrder.LastFirst,
        ["nom prenom du stagiaire"] = NameOrder.LastFirst, ["nom et prenom du stagiaire"] = NameOrder.LastFirst,
        ["noms et prenoms"] = NameOrder.LastFirst, ["nom prenoms"] = NameOrder.LastFirst,
        ["prenom nom"] = NameOrder.FirstLast, ["prenom et nom"] = NameOrder.FirstLast,
        ["identite"] = NameOrder.Unknown, ["nom complet"] = NameOrder.Unknown, ["stagiaire"] = NameOrder.Unknown,
        ["stagiaires"] = NameOrder.Unknown, ["participant"] = NameOrder.Unknown, ["participants"] = NameOrder.Unknown,
        ["nom de l utilisateur"] = NameOrder.Unknown,
    };

    /// <summary>Words that make a header an email column ("Mél académique", "Adresse e-mail", "Courriel").</summary>
    private static readonly HashSet<string> MailWords = new(StringComparer.Ordinal)
    {
        "mel", "mail", "email", "courriel", "messagerie", "mels", "mails", "emails", "courriels",
    };

    /// <summary>
    /// The first row (among the first <see cref="SearchedRows"/>) that heads a list: a last name and a first name, or
    /// a single name column, or a last name and an email. Null when the sheet has none.
    /// </summary>
    public static ConvocationColumns? Find(SheetGrid sheet)
    {
        var rows = Math.Min(sheet.Rows.Count, SearchedRows);
        for (var r = 0; r < rows; r++)
            if (Read(sheet, r) is { } columns) return columns;
        return null;
    }

    /// <summary>The columns of one row read as a header, or null when it does not head a list.</summary>
    private static ConvocationColumns? Read(SheetGrid sheet, int rowIndex)
    {
        int lastName = -1, lastNameRank = int.MaxValue, firstName = -1, fullName = -1, email = -1, emailRank = int.MaxValue;
        var order = NameOrder.Unknown;
        var row = sheet.Rows[rowIndex];
        for (var c = 0; c < row.Count; c++)
        {
            if (row[c] is not { Kind: CellKind.Text, Text: { } text }) continue;
            var key = Key(text);
            if (key.Length == 0 || key.Length > 60) continue;
            if (LastNames.TryGetValue(key, out var rank))
            {
                if (rank < lastNameRank) (lastName, lastNameRank) = (c, rank);
            }
            else if (FirstNames.Contains(key))
            {
                if (firstName < 0) firstName = c;
            }
            else if (FullNames.TryGetValue(key, out var announced))
            {
                if (fullName < 0) (fullName, order) = (c, announced);
            }
            else if (EmailRank(key) is { } mailRank && mailRank < emailRank)
            {
                (email, emailRank) = (c, mailRank);
            }
        }

        var heads = (lastName >= 0 && firstName >= 0) || fullName >= 0 || (lastName >= 0 && email >= 0);
        return heads ? new ConvocationColumns(sheet.ExcelRow(rowIndex), lastName, firstName, fullName, order, email) : null;
    }

    /// <summary>
    /// <see cref="TextNormalizer.HeaderKey"/>, with commas, semicolons and asterisks (a form's required mark) read as
    /// spaces too: "Nom, prénom" and "Nom *" are "nom prenom" and "nom".
    /// </summary>
    internal static string Key(string text) =>
        string.Join(' ', TextNormalizer.HeaderKey(text).Split([' ', ',', ';', '*'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// 0 for a work address ("Mél académique", "Courriel professionnel"), 1 for a plain one, 2 for a personal one;
    /// null when the header is not an email column.
    /// </summary>
    private static int? EmailRank(string key)
    {
        var words = key.Split(' ');
        var mail = words.Any(MailWords.Contains) || key.Contains("e mail", StringComparison.Ordinal)
            || key.StartsWith("adresse electronique", StringComparison.Ordinal)
            || key.StartsWith("adresses electroniques", StringComparison.Ordinal);
        if (!mail) return null;
        if (words.Any(w => w is "academique" or "professionnel" or "professionnelle" or "pro" or "institutionnel" or "institutionnelle"))
            return 0;
        return words.Any(w => w is "personnel" or "personnelle" or "perso" or "prive" or "privee") ? 2 : 1;
    }
}
