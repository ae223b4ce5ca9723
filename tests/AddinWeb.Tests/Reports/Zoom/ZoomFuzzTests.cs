using AddinWeb.Analysis;
using AddinWeb.Attendance;
using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Tabular;
using AddinWeb.Reports.Via;
using AddinWeb.Reports.Zoom;
using AddinWeb.Tests.Emargement;
using AddinWeb.Tests.Seed;
using CsCheck;

namespace AddinWeb.Tests.Reports.Zoom;

/// <summary>
/// The Zoom variant with its cells replaced by anything Excel or a hand edit can leave (huge numbers, booleans, dates
/// out of range, titles where values belong), rows dropped, cut short or made longer: the pipeline never throws, and
/// answers a sheet or an error, every message placed on the sheet.
/// </summary>
public class ZoomFuzzTests
{
    private static readonly string[] Texts =
    [
        "", " ", "-", "NaN", "1e308", "-5", "186", "75,5", "Yes", "No", "Oui", "Guest", "Join Time", "Name (Original Name)",
        "Meeting ID", "Topic", "11/19/2021 09:01:05 AM", "19/11/2021 09:01:05", "13/13/2021 09:01:05 AM",
        "11/19/2021 13:01:05 PM", "12/31/9999 11:59:59 PM", "01/01/0001 12:00:00 AM", "2021-11-19 09:01:05",
        "bruno.martin@ac-exemple.fr", "Martin, Bruno", "Chloé (Chloé)", "()", "=SUM(A1)", "\ud83d\ude00",
    ];

    private static readonly Gen<Cell> AnyCell = Gen.Frequency(
        (4, Gen.OneOf(Texts).Select(Cell.FromText)),
        (2, Gen.OneOf(0, -1, 0.5, 44519.375, 2958465.99999, 2958466, 1e308, -1e308, double.Epsilon).Select(Cell.FromNumber)),
        (1, Gen.Double.Where(double.IsFinite).Select(Cell.FromNumber)),
        (1, Gen.Bool.Select(Cell.FromBoolean)),
        (1, Gen.Const(Cell.Empty)));

    private static readonly ReportAnalyzer Analyzer = new([new ViaReportSource(), new ZoomReportSource()],
        new StoppedClock(new DateTimeOffset(2026, 11, 29, 12, 30, 0, TimeSpan.Zero)), new EmargementClock("Europe/Paris"));

    private static SheetGrid Variant() =>
        DelimitedFile.Read(PlatformFiles.Bytes(PlatformFiles.ZoomVariant), PlatformFiles.ZoomVariant).Sheet!;

    /// <summary>Cell edits (row, column, value), then row edits (row, 0 drop / 1 cut after a column / 2 lengthen).</summary>
    private static readonly Gen<SheetGrid> Mutated =
        Gen.Select(
                Gen.Select(Gen.Int[0, 8], Gen.Int[0, 7], AnyCell).Array[1, 10],
                Gen.Select(Gen.Int[0, 8], Gen.Int[0, 2], Gen.Int[0, 7], AnyCell).Array[0, 3])
            .Select((cellEdits, rowEdits) =>
            {
                var rows = Variant().Rows.Select(r => r.ToList()).ToList();
                foreach (var (r, c, cell) in cellEdits)
                {
                    if (r >= rows.Count) continue;
                    while (rows[r].Count <= c) rows[r].Add(Cell.Empty);
                    rows[r][c] = cell;
                }
                foreach (var (r, kind, at, cell) in rowEdits.OrderByDescending(e => e.Item1))
                {
                    if (r >= rows.Count) continue;
                    if (kind == 0) rows.RemoveAt(r);
                    else if (kind == 1) rows[r] = rows[r].Take(at).ToList();
                    else rows[r].AddRange(Enumerable.Repeat(cell, at + 1));
                }
                return new SheetGrid("zoom-variant-en", rows.Select(r => (IReadOnlyList<Cell>)r).ToList());
            });

    [Fact]
    public void Mutated_reports_give_a_sheet_or_an_error_never_an_exception()
    {
        Mutated.Sample(sheet =>
        {
            var analysis = Analyzer.Analyze(new WorkbookGrid([sheet]),
                AttendanceOptions.Default with { Slots = [new ScheduledSlot(new(2021, 11, 19, 9, 0, 0), new(2021, 11, 19, 12, 0, 0))] });
            Assert.True(analysis.IsUsable || analysis.Errors.Any());
            // A sheet whose table titles were edited away is not recognised at all: that answer names every platform.
            foreach (var issue in analysis.Issues.Where(i => i.Code != ReportAnalyzer.UnrecognisedReport))
            {
                Assert.Equal("zoom-variant-en", issue.Sheet);
                Assert.StartsWith("Feuille « zoom-variant-en »", issue.Message);
            }
        }, iter: 400);
    }
}
