using System.Globalization;
using AddinWeb.Reports.Grid;

namespace AddinWeb.Tests.Seed;

/// <summary>How the figures of a report reach the reader.</summary>
public enum NumberStyle
{
    /// <summary>Numeric cells (what Excel holds after opening the .xlsx).</summary>
    Numeric,
    /// <summary>French text, "174,28" (what some exports and copy-pastes give).</summary>
    FrenchText,
}

/// <summary>How the dates of the presence sheet reach the reader.</summary>
public enum DateStyle
{
    /// <summary>Excel serial numbers (what Office.js <c>range.values</c> returns).</summary>
    SerialNumber,
    /// <summary>Real date cells (what ClosedXML reads from an .xlsx).</summary>
    DateCell,
    /// <summary>Text "10/11/2020 13:39:50".</summary>
    Text,
}

/// <summary>
/// The user's own example report (<c>shared/seed/via-report-example.md</c>) with distinct fictional names in place of
/// the anonymised "Prénom NOM". Every figure, time and total is the seed's. Connections are given to users so that
/// each user's live minutes stay within their Sommaire "Connexion", which makes a clean report (no warning), with:
/// <list type="bullet">
/// <item>Elsa STAMMINGER, the host, on two devices at once (rows 11 and 15 of the presence sheet overlap);</item>
/// <item>Inès MOREAU leaving at 14:11:45 and coming back at 14:40:06;</item>
/// <item>Jules PETIT leaving early (15:11:28) with three very short extra connections meanwhile;</item>
/// <item>Léa GIRARD, Nathan ROUX and Théo MOREL only in "Sommaire" (no live connection row);</item>
/// <item>every connection starting before the 14:00 slot, so clipping matters.</item>
/// </list>
/// Layout (1-based Excel rows): Sommaire title block rows 1–11, header row 13, users rows 14–26, total row 27;
/// presence title block rows 1–8, header row 10, connections rows 11–27, total row 28.
/// </summary>
public static class SeedReport
{
    public sealed record SummaryRow(string Name, string Email, string[] Figures);
    public sealed record PresenceRow(string Name, string Email, string Start, string End, string[] Figures);

    public const string SummarySheetName = "Sommaire";
    public const string PresenceSheetName = "Temps de connexion en présence";
    public const string Title = "DU CINEMA A LA VIDEO : LA DANSE SORT DU CADRE";
    public const string TitleLine = "DU CINEMA A LA VIDEO : LA DANSE SORT DU CADRE (REF. PAF 20A0160236-68653)";
    public const string PafReference = "20A0160236";
    public const string ModuleNumber = "68653";
    public const string Host = "Stamminger, Elsa";
    public const int SummaryHeaderRow = 13;
    public const int PresenceHeaderRow = 10;

    public static readonly string[] SummaryHeaders =
    [
        "Nom de l'utilisateur", "Email", "Connexion", "Microphone", "Téléphone", "Caméra Web",
        "Document multimédia", "Partage d'écran", "Connexion Revoir", "Téléchargement d'enregistrement",
    ];

    public static readonly string[] PresenceHeaders =
    [
        "Nom de l'utilisateur", "Email", "Début", "Fin", "Connexion", "Microphone", "Téléphone", "Caméra Web",
        "Document multimédia", "Partage d'écran",
    ];

    public static readonly string[] SummaryTotals = ["2593,61", "258,83", "0", "3395,56", "461,38", "11,19", "0", "0"];
    public static readonly string[] PresenceTotals = ["1734,52", "109,59", "0", "2591,07", "336,39", "9,3"];

    /// <summary>Sommaire rows: name, email, then the 8 figures as the report prints them (French text).</summary>
    public static readonly IReadOnlyList<SummaryRow> SummaryRows =
    [
        new("Camille DURAND", "camille.durand@ac-toulouse.fr", ["174,28", "0,35", "0", "283,35", "33,86", "0,87", "0", "0"]),
        new("Louis MARTIN", "louis.martin@ac-toulouse.fr", ["176,65", "4,15", "0", "214,68", "33,86", "0,87", "0", "0"]),
        new("Chloé LEFÈVRE", "chloe.lefevre@ac-toulouse.fr", ["183,85", "134,06", "0", "305,95", "38,03", "0,87", "0", "0"]),
        new("Hugo BERNARD", "hugo.bernard@ac-toulouse.fr", ["159,57", "0,17", "0", "221,41", "32,92", "0,87", "0", "0"]),
        new("Inès MOREAU", "ines.moreau@ac-toulouse.fr", ["159,58", "0,03", "0", "253,39", "33,86", "0,78", "0", "0"]),
        new("Jules PETIT", "jules.petit@ac-toulouse.fr", ["192,5", "0,32", "0", "187,41", "33,86", "0,87", "0", "0"]),
        new("Elsa STAMMINGER", "elsa.stamminger@ac-toulouse.fr", ["519,12", "73,64", "0", "339,8", "50,96", "0,87", "0", "0"]),
        new("Léa GIRARD", "lea.girard@ac-toulouse.fr", ["165,62", "0,51", "0", "205,01", "35,48", "0,84", "0", "0"]),
        new("Nathan ROUX", "nathan.roux@ac-toulouse.fr", ["169,71", "1,27", "0", "278,76", "32,79", "0,87", "0", "0"]),
        new("Manon FOURNIER", "manon.fournier@ac-toulouse.fr", ["180,46", "42,53", "0", "303,12", "33,86", "0,87", "0", "0"]),
        new("Théo MOREL", "theo.morel@ac-toulouse.fr", ["166,16", "0,56", "0", "238,19", "33,86", "0,87", "0", "0"]),
        new("Zoé FAURE", "zoe.faure@ac-toulouse.fr", ["168,96", "0,82", "0", "273,43", "33,86", "0,87", "0", "0"]),
        new("Adam LAMBERT", "adam.lambert@ac-toulouse.fr", ["177,15", "0,42", "0", "291,06", "34,18", "0,87", "0", "0"]),
    ];

    /// <summary>Presence rows in the report's order (by start): name, email, start, end (10/11/2020), then the 6 figures.</summary>
    public static readonly IReadOnlyList<PresenceRow> PresenceRows =
    [
        new("Elsa STAMMINGER", "elsa.stamminger@ac-toulouse.fr", "10/11/2020 13:39:50", "10/11/2020 15:27:57", ["108,12", "72,52", "0", "207,92", "22,23", "0,81"]),
        new("Chloé LEFÈVRE", "chloe.lefevre@ac-toulouse.fr", "10/11/2020 13:40:00", "10/11/2020 16:38:42", ["178,71", "22,24", "0", "301,98", "34,18", "0,87"]),
        new("Adam LAMBERT", "adam.lambert@ac-toulouse.fr", "10/11/2020 13:41:19", "10/11/2020 16:38:28", ["177,15", "0,42", "0", "291,06", "34,18", "0,87"]),
        new("Hugo BERNARD", "hugo.bernard@ac-toulouse.fr", "10/11/2020 13:41:59", "10/11/2020 13:51:26", ["9,45", "0,03", "0", "9,45", "0,14", "0"]),
        new("Elsa STAMMINGER", "elsa.stamminger@ac-toulouse.fr", "10/11/2020 13:42:19", "10/11/2020 16:50:34", ["188,24", "0,16", "0", "295,76", "33,86", "0,87"]),
        new("Jules PETIT", "jules.petit@ac-toulouse.fr", "10/11/2020 13:42:21", "10/11/2020 15:11:28", ["89,13", "2,37", "0", "173,22", "13,78", "0,81"]),
        new("Inès MOREAU", "ines.moreau@ac-toulouse.fr", "10/11/2020 13:44:59", "10/11/2020 14:11:45", ["26,76", "3,72", "0", "40,94", "0", "0,06"]),
        new("Manon FOURNIER", "manon.fournier@ac-toulouse.fr", "10/11/2020 13:47:17", "10/11/2020 16:47:31", ["180,23", "0,77", "0", "179,55", "33,86", "0,87"]),
        new("Hugo BERNARD", "hugo.bernard@ac-toulouse.fr", "10/11/2020 13:47:44", "10/11/2020 15:59:23", ["131,64", "0,32", "0", "130,99", "28,89", "0,81"]),
        new("Camille DURAND", "camille.durand@ac-toulouse.fr", "10/11/2020 13:47:53", "10/11/2020 16:42:10", ["174,28", "0,35", "0", "283,35", "33,86", "0,87"]),
        new("Louis MARTIN", "louis.martin@ac-toulouse.fr", "10/11/2020 13:48:12", "10/11/2020 16:44:51", ["176,65", "4,15", "0", "214,68", "33,86", "0,87"]),
        new("Zoé FAURE", "zoe.faure@ac-toulouse.fr", "10/11/2020 13:48:47", "10/11/2020 16:37:44", ["168,96", "0,82", "0", "273,43", "33,86", "0,87"]),
        new("Inès MOREAU", "ines.moreau@ac-toulouse.fr", "10/11/2020 14:40:06", "10/11/2020 16:40:43", ["120,62", "0", "0", "183,96", "32,79", "0,72"]),
        new("Jules PETIT", "jules.petit@ac-toulouse.fr", "10/11/2020 14:41:08", "10/11/2020 14:41:27", ["0,31", "0", "0", "0,31", "0", "0"]),
        new("Jules PETIT", "jules.petit@ac-toulouse.fr", "10/11/2020 14:41:46", "10/11/2020 14:42:09", ["0,39", "0", "0", "0,39", "0,36", "0"]),
        new("Jules PETIT", "jules.petit@ac-toulouse.fr", "10/11/2020 14:42:25", "10/11/2020 14:42:58", ["0,54", "0", "0", "0,74", "0,54", "0"]),
        new("Chloé LEFÈVRE", "chloe.lefevre@ac-toulouse.fr", "10/11/2020 16:37:28", "10/11/2020 16:40:49", ["3,34", "1,72", "0", "3,34", "0", "0"]),
    ];

    /// <summary>The whole report as a reader receives it.</summary>
    public static WorkbookGrid Workbook(NumberStyle numbers = NumberStyle.Numeric, DateStyle dates = DateStyle.SerialNumber) =>
        new([SummarySheet(numbers), PresenceSheet(numbers, dates)]);

    public static SheetGrid SummarySheet(NumberStyle numbers = NumberStyle.Numeric)
    {
        var rows = new List<IReadOnlyList<Cell>>
        {
            Row("SVI eSolutions"),
            Row("Pôle National Foad"),
            Row(),
            Row("Sommaire"),
            Row("31 octobre 2020 au 10 novembre 2020"),
            Row("Généré le 10 novembre 2020 à 19:38"),
            Row("10 novembre - 14:00 à 16:30"),
            Row(),
            Row(TitleLine),
            Row(),
            Row("Hôte", Host),
            Row(),
            Row(SummaryHeaders),
        };
        foreach (var user in SummaryRows)
            rows.Add([Cell.FromText(user.Name), Cell.FromText(user.Email), .. user.Figures.Select(f => Figure(f, numbers))]);
        rows.Add([Cell.FromText("Total :"), Cell.Empty, .. SummaryTotals.Select(f => Figure(f, numbers))]);
        return new SheetGrid(SummarySheetName, rows);
    }

    public static SheetGrid PresenceSheet(NumberStyle numbers = NumberStyle.Numeric, DateStyle dates = DateStyle.SerialNumber)
    {
        var rows = new List<IReadOnlyList<Cell>>
        {
            Row("SVI eSolutions"),
            Row("Pôle National Foad"),
            Row(),
            Row("Temps de connexion en présence"),
            Row("31 octobre 2020 au 10 novembre 2020"),
            Row("Généré le 10 novembre 2020 à 19:38"),
            Row(),
            Row("France"),
            Row(),
            Row(PresenceHeaders),
        };
        foreach (var c in PresenceRows)
            rows.Add([Cell.FromText(c.Name), Cell.FromText(c.Email), Date(c.Start, dates), Date(c.End, dates),
                .. c.Figures.Select(f => Figure(f, numbers))]);
        rows.Add([Cell.FromText("Total :"), Cell.Empty, Cell.Empty, Cell.Empty, .. PresenceTotals.Select(f => Figure(f, numbers))]);
        return new SheetGrid(PresenceSheetName, rows);
    }

    public static DateTime ParseDate(string text) =>
        DateTime.ParseExact(text, "dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static double ParseFigure(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>Excel serial number (days since 1899-12-30), as Office.js returns dates.</summary>
    public static double ToSerial(DateTime value) => value.ToOADate();

    private static Cell Figure(string text, NumberStyle style) =>
        style == NumberStyle.Numeric ? Cell.FromNumber(ParseFigure(text)) : Cell.FromText(text);

    private static Cell Date(string text, DateStyle style) => style switch
    {
        DateStyle.SerialNumber => Cell.FromNumber(ToSerial(ParseDate(text))),
        DateStyle.DateCell => Cell.FromDateTime(ParseDate(text)),
        _ => Cell.FromText(text),
    };

    private static IReadOnlyList<Cell> Row(params string[] texts) => texts.Select(Cell.FromText).ToArray();
}
