using AddinWeb.Reports;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Tests.Convocation;

/// <summary>
/// Convened lists as trainers have them, hand-made in the shapes GAIA exports and trainers paste: title lines above
/// the header, GAIA-like columns around the names, a single "NOM Prénom" column, no email for some, an email whose
/// case differs from the report's, accents dropped. The people are the seed report's (fictional names).
/// </summary>
public static class ConvocationSheets
{
    /// <summary>A sheet from rows of strings (text), doubles (numbers) and nulls (blank cells).</summary>
    public static SheetGrid Sheet(string name, IEnumerable<object?[]> rows, int firstRow = 1, int firstColumn = 1) =>
        new(name, rows.Select(r => (IReadOnlyList<Cell>)r.Select(ToCell).ToArray()).ToList(), firstRow, firstColumn);

    public static Cell ToCell(object? value) => value switch
    {
        null => Cell.Empty,
        string text => Cell.FromText(text),
        double number => Cell.FromNumber(number),
        int number => Cell.FromNumber(number),
        bool flag => Cell.FromBoolean(flag),
        DateTime date => Cell.FromDateTime(date),
        _ => throw new ArgumentException(value.GetType().Name),
    };

    /// <summary>
    /// GAIA-like: three title lines and a blank one above the header, civilité, discipline, établissement and UAI
    /// around the names. Of the seed's 12 trainees, Zoé FAURE is not convened; Louis MARTIN's email is in capitals;
    /// Chloé LEFÈVRE has no email and no accent; two convened people never connected (Sophie BLANC, Marie-Hélène DA
    /// SILVA, without email). Header row 5, people rows 6 to 18.
    /// </summary>
    public static SheetGrid Gaia(string name = "Convoqués") => Sheet(name,
    [
        ["Académie de Toulouse — EAFC"],
        ["Liste des stagiaires convoqués"],
        ["Module 68653 — DU CINEMA A LA VIDEO : LA DANSE SORT DU CADRE"],
        [],
        ["Civilité", "NOM", "Prénom", "Discipline", "Établissement", "UAI", "Mél académique"],
        ["Mme", "DURAND", "Camille", "EPS", "Collège Jean Jaurès", "0310001A", "camille.durand@ac-toulouse.fr"],
        ["M.", "MARTIN", "Louis", "EPS", "Lycée Bellevue", "0310002B", "LOUIS.MARTIN@AC-TOULOUSE.FR"],
        ["Mme", "LEFEVRE", "Chloe", "Lettres", "Collège Pasteur", "0310003C", null],
        ["M.", "BERNARD", "Hugo", "EPS", "Collège Pasteur", "0310003C", "hugo.bernard@ac-toulouse.fr"],
        ["Mme", "MOREAU", "Inès", "Musique", "Lycée Déodat", "0310004D", "ines.moreau@ac-toulouse.fr"],
        ["M.", "PETIT", "Jules", "EPS", "Lycée Déodat", "0310004D", "jules.petit@ac-toulouse.fr"],
        ["Mme", "GIRARD", "Léa", "Danse", "Collège Rabelais", "0310005E", "lea.girard@ac-toulouse.fr"],
        ["M.", "ROUX", "Nathan", "EPS", "Collège Rabelais", "0310005E", "nathan.roux@ac-toulouse.fr"],
        ["Mme", "FOURNIER", "Manon", "EPS", "Lycée Bellevue", "0310002B", "manon.fournier@ac-toulouse.fr"],
        ["M.", "MOREL", "Théo", "EPS", "Lycée Bellevue", "0310002B", "theo.morel@ac-toulouse.fr"],
        ["M.", "LAMBERT", "Adam", "EPS", "Collège Jean Jaurès", "0310001A", "adam.lambert@ac-toulouse.fr"],
        ["Mme", "BLANC", "Sophie", "Arts plastiques", "Collège Jean Jaurès", "0310001A", "sophie.blanc@ac-toulouse.fr"],
        ["Mme", "DA SILVA", "Marie-Hélène", "EPS", "Lycée Bellevue", "0310002B", null],
    ]);

    /// <summary>The last names of <see cref="Gaia"/>'s people, in list order.</summary>
    public static readonly string[] GaiaLastNames =
        ["DURAND", "MARTIN", "LEFEVRE", "BERNARD", "MOREAU", "PETIT", "GIRARD", "ROUX", "FOURNIER", "MOREL", "LAMBERT", "BLANC", "DA SILVA"];

    /// <summary>
    /// One "NOM Prénom" column, as a trainer types it, header on row 1 with a number column before it; accents
    /// dropped and case lowered for some.
    /// </summary>
    public static SheetGrid OneNameColumn(string name = "Feuil1") => Sheet(name,
    [
        ["N°", "NOM Prénom", "Courriel", "Établissement"],
        [1.0, "DURAND Camille", "Camille.Durand@ac-toulouse.fr", "Collège Jean Jaurès"],
        [2.0, "LEFÈVRE Chloé", null, "Collège Pasteur"],
        [3.0, "DE LA FONTAINE Jean-Pierre", null, "Lycée Bellevue"],
        [4.0, "moreau ines", null, "Lycée Déodat"],
    ]);

    /// <summary>"Nom d'usage", "Nom de famille", "Prénom", "Adresse électronique", as Office.js sends a used range from C5.</summary>
    public static SheetGrid UsageAndBirthNames(string name = "Inscrits") => Sheet(name,
    [
        ["Nom de famille", "Nom d'usage", "Prénom", "Adresse électronique"],
        ["DUPONT", "MARTIN", "Louis", "louis.martin@ac-toulouse.fr"],
        ["FAURE", "", "Zoé", "zoe.faure@ac-toulouse.fr"],
    ], firstRow: 5, firstColumn: 3);
}

/// <summary>
/// Reports of the other platforms' kinds, made by hand in the platform-neutral model (their readers are written
/// elsewhere): what each would hand the engine.
/// </summary>
public static class NeutralReports
{
    public static readonly DateTime Start = new(2025, 3, 4, 9, 0, 0);
    public static readonly DateTime End = new(2025, 3, 4, 12, 0, 0);
    public static readonly ScheduledSlot Slot = new(Start, End);

    private static DateTime At(int hour, int minute) => new(2025, 3, 4, hour, minute, 0);

    /// <summary>
    /// BigBlueButton's learning dashboard: one row per person, first join, last leave and duration, a moderator flag,
    /// no email, names as people typed them. Sheet "bbb-dashboard", rows 2 to 6.
    /// </summary>
    public static SessionReport BigBlueButton()
    {
        const string sheet = "bbb-dashboard";
        UserSummary User(int row, string name, ParticipantRole role, DateTime join, DateTime leave, double minutes) => new()
        {
            Source = new SourceRef(sheet, row),
            Name = name,
            Role = role,
            Presence = new PresenceSummary(join, leave, minutes),
        };
        return new SessionReport
        {
            Platform = "BigBlueButton",
            Header = new ReportHeader { Title = "Atelier numérique" },
            SourceSheets = [sheet],
            Users =
            [
                User(2, "Agnès Formatrice", ParticipantRole.Trainer, At(8, 57), At(12, 2), 185),
                User(3, "Bruno Martin", ParticipantRole.Trainee, At(9, 1), At(11, 58), 177),
                User(4, "chloe petit", ParticipantRole.Trainee, At(9, 20), At(10, 5), 45),
                User(5, "Jean Pierre Delafontaine", ParticipantRole.Trainee, At(9, 0), At(12, 0), 180),
                User(6, "Invité 1", ParticipantRole.Trainee, At(10, 0), At(10, 30), 30),
            ],
        };
    }

    /// <summary>A convened list for <see cref="BigBlueButton"/>: GAIA capitals, emails the report does not have.</summary>
    public static SheetGrid BigBlueButtonList() => ConvocationSheets.Sheet("Liste GAIA",
    [
        ["Liste des convoqués — Atelier numérique"],
        ["NOM", "Prénom", "Mél"],
        ["MARTIN", "Bruno", "bruno.martin@ac-exemple.fr"],
        ["PETIT", "Chloé", "chloe.petit@ac-exemple.fr"],
        ["DE LA FONTAINE", "Jean-Pierre", "jp.delafontaine@ac-exemple.fr"],
        ["ROUSSEAU", "Denis", "denis.rousseau@ac-exemple.fr"],
    ]);

    /// <summary>
    /// Teams' attendance report: the participants section (first join, last leave, duration, email, role) and the
    /// in-meeting activities (one row per join). The organiser is the trainer; a guest has no email. Two attendees
    /// bear one name with two addresses.
    /// </summary>
    public static SessionReport Teams()
    {
        const string sheet = "teams-attendance";
        UserSummary User(int row, string name, string? email, ParticipantRole role) => new()
        {
            Source = new SourceRef(sheet, row), Name = name, Email = email, Role = role,
        };
        Connection Join(int row, string name, string? email, DateTime start, DateTime end) => new()
        {
            Source = new SourceRef(sheet, row), Name = name, Email = email, Start = start, End = end,
        };
        return new SessionReport
        {
            Platform = "Microsoft Teams",
            Header = new ReportHeader { Title = "Atelier numérique", Meeting = new ScheduledSlot(At(8, 58), At(12, 3)) },
            SourceSheets = [sheet],
            Users =
            [
                User(10, "Agnès Formatrice", "agnes.formatrice@ac-exemple.fr", ParticipantRole.Trainer),
                User(11, "Martin, Bruno", "bruno.martin@ac-exemple.fr", ParticipantRole.Trainee),
                User(12, "Chloé Petit", "chloe.petit@gmail.com", ParticipantRole.Trainee),
                User(13, "Paul Simon", "paul.simon@ac-exemple.fr", ParticipantRole.Trainee),
                User(14, "Paul Simon", "paul.simon2@ac-exemple.fr", ParticipantRole.Trainee),
                User(15, "Denis Rousseau (invité)", null, ParticipantRole.Trainee),
            ],
            Connections =
            [
                Join(19, "Agnès Formatrice", "agnes.formatrice@ac-exemple.fr", At(8, 58), At(12, 3)),
                Join(20, "Martin, Bruno", "bruno.martin@ac-exemple.fr", At(9, 1), At(10, 15)),
                Join(21, "Martin, Bruno", "bruno.martin@ac-exemple.fr", At(10, 31), At(11, 58)),
                Join(22, "Chloé Petit", "chloe.petit@gmail.com", At(9, 20), At(10, 5)),
                Join(23, "Paul Simon", "paul.simon@ac-exemple.fr", At(9, 0), At(12, 0)),
                Join(24, "Paul Simon", "paul.simon2@ac-exemple.fr", At(9, 0), At(9, 10)),
                Join(25, "Denis Rousseau (invité)", null, At(9, 5), At(11, 55)),
            ],
        };
    }

    /// <summary>A list for <see cref="Teams"/>: the trainer is on it, and one "Paul SIMON" without email.</summary>
    public static SheetGrid TeamsList() => ConvocationSheets.Sheet("Convocation",
    [
        ["NOM Prénom", "Adresse e-mail"],
        ["FORMATRICE Agnès", "Agnes.Formatrice@ac-exemple.fr"],
        ["MARTIN Bruno", "BRUNO.MARTIN@ac-exemple.fr"],
        ["PETIT Chloé", "chloe.petit@ac-exemple.fr"],
        ["SIMON Paul", null],
        ["ROUSSEAU Denis", "denis.rousseau@ac-exemple.fr"],
    ]);

    /// <summary>
    /// Zoom's participants report: the host named by email in the meeting header, one row per join, "Name (Original
    /// Name)".
    /// </summary>
    public static SessionReport Zoom()
    {
        const string sheet = "zoom-participants";
        Connection Join(int row, string name, string? email, DateTime start, DateTime end) => new()
        {
            Source = new SourceRef(sheet, row), Name = name, Email = email, Start = start, End = end,
        };
        return new SessionReport
        {
            Platform = "Zoom",
            Header = new ReportHeader { Title = "Atelier numérique", HostEmail = "agnes.formatrice@ac-exemple.fr" },
            SourceSheets = [sheet],
            Connections =
            [
                Join(5, "Agnès Formatrice", "agnes.formatrice@ac-exemple.fr", At(8, 58), At(12, 3)),
                Join(6, "Bruno Martin", "bruno.martin@ac-exemple.fr", At(9, 1), At(10, 15)),
                Join(7, "Bruno Martin", "bruno.martin@ac-exemple.fr", At(10, 12), At(11, 58)),
                Join(8, "Chloé Petit (Chloé)", null, At(9, 20), At(10, 5)),
                Join(9, "Eric Duval", "eric.duval@ac-exemple.fr", At(9, 0), At(11, 30)),
            ],
        };
    }

    /// <summary>A list for <see cref="Zoom"/>, with an accented email that the report writes without accent, and no Eric by name.</summary>
    public static SheetGrid ZoomList() => ConvocationSheets.Sheet("Liste",
    [
        ["Prénom NOM", "E-mail"],
        ["Bruno MARTIN", "bruno.martin@ac-exemple.fr"],
        ["Chloé PETIT", null],
        ["Frédéric DUVAL-LEROY", "éric.duval@ac-exemple.fr"],
    ]);
}
