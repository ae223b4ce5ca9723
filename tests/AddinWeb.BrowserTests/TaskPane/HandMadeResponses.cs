using System.Text.Json.Nodes;

namespace AddinWeb.BrowserTests.TaskPane;

/// <summary>
/// An analysis answer written by hand, for the one thing the real backend cannot be made to send on purpose:
/// strings that Excel would parse (formulas, numbers, dates) in every cell of the sheet.
/// </summary>
public static class HandMadeResponses
{
    public static readonly string[] TrickyTexts =
    [
        "=HYPERLINK(\"http://exemple\")", "+33 6 12 34 56 78", "-", "-12", "@moreau", "10/11/2020", "14:00", "1,5", "12%",
        "VRAI", "FALSE", "'déjà cité", "1e5", "0012",
    ];

    private static JsonArray Values()
    {
        var rows = new JsonArray(new JsonArray("Texte", "Nombre", "Vide", "Booléen"));
        foreach (var text in TrickyTexts) rows.Add(new JsonArray(text, 42.5, null, true));
        return rows;
    }

    public static JsonObject LiteralTextAnalysis() => new()
    {
        ["format"] = "via",
        ["report"] = new JsonObject
        {
            ["title"] = "FORMATION FICTIVE",
            ["host"] = "Hôte, Fictif",
            ["sessions"] = new JsonArray(new JsonObject { ["index"] = 0, ["start"] = "2020-11-10T14:00:00", ["end"] = "2020-11-10T16:30:00", ["source"] = "Scheduled" }),
            ["slots"] = new JsonArray(),
            ["summarySheet"] = "Sommaire",
            ["presenceSheet"] = "Temps de connexion en présence",
        },
        ["participants"] = new JsonArray(new JsonObject { ["name"] = "A", ["role"] = "Trainee", ["status"] = "Present" }),
        ["totals"] = new JsonObject { ["present"] = 1, ["partial"] = 0, ["absent"] = 0 },
        ["issues"] = new JsonArray(),
        ["fingerprint"] = "0123456789abcdef",
        ["texts"] = new JsonObject
        {
            ["recognised"] = "Ce classeur est un rapport de session fictif.", ["training"] = "FORMATION FICTIVE",
            ["participants"] = "1 stagiaire", ["totals"] = "1 présent, 0 partiel, 0 absent", ["traineeTime"] = "0 h 00",
        },
        ["placement"] = new JsonObject
        {
            ["wanted"] = "Émargement", ["existing"] = null, ["free"] = "Émargement", ["temporary"] = "Émargement en cours",
        },
        ["sheet"] = new JsonObject
        {
            ["name"] = "Émargement",
            ["values"] = Values(),
            ["formats"] = new JsonArray(new JsonObject { ["range"] = "B2:B15", ["numberFormat"] = "0.00" }),
            ["merges"] = new JsonArray(),
            ["columnWidths"] = new JsonArray(30, 10, 8, 8),
            ["rowHeights"] = new JsonArray(),
            ["frozenRows"] = 1,
            ["print"] = new JsonObject { ["orientation"] = "Portrait", ["paperSize"] = "A4", ["fitToPagesWide"] = 1, ["fitToPagesTall"] = 0,
                ["marginLeft"] = 0.4, ["marginRight"] = 0.4, ["marginTop"] = 0.5, ["marginBottom"] = 0.6, ["centerHorizontally"] = true },
        },
    };
}
