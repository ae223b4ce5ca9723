using System.Text;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Tabular;

namespace AddinWeb.Tests.Seed;

/// <summary>
/// A made-up delimited export ("Plateforme d'essai"), for the tests of the upload's .csv path while the real
/// platforms' readers are written elsewhere: one line per connection under a header row
/// <c>Participant;Courriel;Rôle;Arrivée;Départ;Durée</c>, "Animateur" for the trainer. Registered in a test host only.
/// It reads dates and durations with <c>Reports/Parsing</c> and fills a typed copy, as a real source must.
/// </summary>
public sealed class TrialCsvSource : IReportSource
{
    public const string PlatformName = "Plateforme d'essai";
    private static readonly string[] Header = ["Participant", "Courriel", "Rôle", "Arrivée", "Départ", "Durée"];

    public string Format => "essai";
    public string Platform => PlatformName;
    public string Expected => "un fichier .csv aux colonnes « Participant », « Arrivée » et « Départ »";

    public bool Recognises(WorkbookGrid workbook) => workbook.Sheets.Any(s => HeaderRow(s) is not null);

    private static int? HeaderRow(SheetGrid sheet)
    {
        for (var r = 0; r < Math.Min(5, sheet.Rows.Count); r++)
            if (Enumerable.Range(0, 5).All(c => sheet[r, c].ToString().Trim() == Header[c]))
                return r;
        return null;
    }

    public ReportReadResult Read(WorkbookGrid workbook)
    {
        var sheet = workbook.Sheets.First(s => HeaderRow(s) is not null);
        var header = HeaderRow(sheet)!.Value;
        var rows = Enumerable.Range(header + 1, sheet.Rows.Count - header - 1).Where(r => !sheet.Rows[r].All(c => c.IsEmpty)).ToList();
        var dates = DateCells.Of(rows.Select(r => sheet[r, 3]), rows.Select(r => sheet[r, 4]));
        var typed = new TypedSheetBuilder(sheet);
        var issues = new List<ReportIssue>();
        var connections = new List<Connection>();
        foreach (var r in rows)
        {
            if (!dates.TryRead(sheet[r, 3], out var start) || !dates.TryRead(sheet[r, 4], out var end))
            {
                issues.Add(ReportLocation.Error("TrialBadDate", sheet.Name, sheet.ExcelRow(r), sheet.ExcelColumn(3),
                    "l'arrivée ou le départ n'est pas une date lisible."));
                continue;
            }
            typed.SetDateTime(r, 3, start).SetDateTime(r, 4, end);
            if (Durations.TryRead(sheet[r, 5], out var duration) && duration is { } length) typed.SetDuration(r, 5, length);
            var email = sheet[r, 1].ToString().Trim();
            connections.Add(new Connection
            {
                Source = new SourceRef(sheet.Name, sheet.ExcelRow(r)),
                Name = sheet[r, 0].ToString().Trim(),
                Email = email.Length == 0 ? null : email,
                Role = sheet[r, 2].ToString().Trim() == "Animateur" ? ParticipantRole.Trainer : ParticipantRole.Trainee,
                Start = start,
                End = end,
            });
        }
        var report = new SessionReport
        {
            Platform = PlatformName,
            Header = new ReportHeader { Title = "Session d'essai" },
            Connections = connections,
            SourceSheets = [sheet.Name],
            TypedSheets = [typed.Build()],
        };
        return new ReportReadResult(report, issues);
    }

    /// <summary>
    /// The sample: slot 25 March 2024, 14:00–16:30 (150 minutes). Claire DUPONT leads; Louis MARTIN is there the whole
    /// slot (150 min); Inès MOREAU from 14:30 to 15:30 (60 min, 40 %); Hélène FAURE from 15:00 to 16:30 (90 min, 60 %).
    /// </summary>
    public static readonly string[][] SampleRows =
    [
        Header,
        ["Claire DUPONT", "claire.dupont@ac-exemple.fr", "Animateur", "25/03/2024 13:55:00", "25/03/2024 16:35:00", "02:40:00"],
        ["Louis MARTIN", "louis.martin@ac-exemple.fr", "Participant", "25/03/2024 14:00:00", "25/03/2024 16:30:00", "02:30:00"],
        ["Inès MOREAU", "ines.moreau@ac-exemple.fr", "Participant", "25/03/2024 14:30:00", "25/03/2024 15:30:00", "01:00:00"],
        ["Hélène FAURE", "", "Participant", "25/03/2024 15:00:00", "25/03/2024 16:30:00", "01:30:00"],
    ];

    public const string SampleSlot = "2024-03-25T14:00/2024-03-25T16:30";

    /// <summary>The sample as a file: the separator and encoding given (UTF-8 with or without BOM, UTF-16…).</summary>
    public static byte[] Sample(char separator = ';', Encoding? encoding = null, bool byteOrderMark = false)
    {
        var text = string.Join("\r\n", SampleRows.Select(r => string.Join(separator, r))) + "\r\n";
        encoding ??= new UTF8Encoding(false);
        return byteOrderMark ? [.. encoding.GetPreamble(), .. encoding.GetBytes(text)] : encoding.GetBytes(text);
    }
}
