using System.Net;
using System.Text;
using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Api;
using AddinWeb.Tests.Hosting;
using AddinWeb.Tests.Seed;
using CsCheck;

namespace AddinWeb.Tests.Reliability;

/// <summary>
/// Whatever the cells hold, /api/reports/analyze answers 200, 400, 413 or 422: never a 500. Random grids, random
/// strings in every cell, shuffled and missing headers, huge numbers, NaN-like text and dates out of range, both as
/// fresh grids and as mutations of the seed report (which reach deeper into the reader and the engine).
/// </summary>
public sealed class AnalyzeFuzzTests(DefaultHost host) : IClassFixture<DefaultHost>
{
    private static readonly HttpStatusCode[] Allowed =
        [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity];

    private readonly HttpClient _client = host.CreateClient();

    private static readonly string[] NastyTexts =
    [
        "NaN", "nan", "Infinity", "-Infinity", "∞", "1e308", "-1e309", "1,7976931348623157E+308", "0,00", "-0", "174,28",
        "174.28", "1 234,5", "1\u00a0234,56", "\u202f", "\u00a0", " ", "", "Total :", "TOTAL", "Hôte", "Email",
        "Nom de l'utilisateur", "Début", "Fin", "Connexion", "31/02/2020 25:61:00", "10/11/2020 13:39:50",
        "00/00/0000 00:00:00", "10/11/9999 23:59:59", "10/11/0001 00:00:00", "2020-11-10T14:00:00", "10 novembre - 14:00 à 16:30",
        "10 novembre - 16:30 à 14:00", "31 février - 25:00 à 26:00", "31 octobre 2020 au 10 novembre 2020",
        "Généré le 10 novembre 2020 à 19:38", "(REF. PAF 20A0160236-68653)", "=SUM(A1:A2)", "@", "é\u0301", "\ud83d\ude00",
        "<script>alert(1)</script>", "Stamminger, Elsa", "Elsa STAMMINGER", "elsa.stamminger@ac-toulouse.fr",
    ];

    private static readonly double[] NastyNumbers =
    [
        0, -0.0, 1e308, -1e308, double.Epsilon, double.MaxValue, double.MinValue, 1e-300, -1, 0.5, 44145.5625, 44145.6,
        -693593, 2958465.99999, 2958466, 1e15, 60, 61, 1, 174.28, 4e9,
    ];

    private static readonly Gen<Cell> NastyCell = Gen.Frequency(
        (3, Gen.OneOf(NastyTexts).Select(Cell.FromText)),
        (2, Gen.OneOf(NastyNumbers).Select(Cell.FromNumber)),
        (2, Gen.String[0, 40].Select(Cell.FromText)),
        (2, Gen.Double.Where(double.IsFinite).Select(Cell.FromNumber)),
        (1, Gen.Bool.Select(Cell.FromBoolean)),
        (1, Gen.Const(Cell.Empty)));

    private static readonly Gen<string> SheetName = Gen.Frequency(
        (3, Gen.OneOf("Sommaire", "Temps de connexion en présence", "sommaire ", "TEMPS DE CONNEXION EN PRESENCE")),
        (1, Gen.String[0, 31]));

    private static readonly Gen<SheetGrid> RandomSheet =
        Gen.Select(SheetName, NastyCell.Array[0, 12].Array[0, 25], Gen.Int[1, 40], Gen.Int[1, 20])
            .Select((name, rows, firstRow, firstColumn) =>
                new SheetGrid(name, rows.Select(r => (IReadOnlyList<Cell>)r).ToList(), firstRow, firstColumn));

    private async Task AssertNeverFails(WorkbookGrid workbook)
    {
        using var response = await _client.PostAsync("/api/reports/analyze", AnalyzeJson.Content(AnalyzeJson.Request(workbook)));
        if (!Allowed.Contains(response.StatusCode))
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Random_grids_never_fail()
    {
        await RandomSheet.Array[0, 4].Select(sheets => new WorkbookGrid(sheets))
            .SampleAsync(AssertNeverFails, iter: 150, threads: 1);
    }

    /// <summary>The seed with cells replaced, rows dropped or duplicated, and header cells shuffled or blanked.</summary>
    private static readonly Gen<WorkbookGrid> MutatedSeed =
        Gen.Select(
                Gen.Select(Gen.Int[0, 1], Gen.Int[0, 30], Gen.Int[0, 11], NastyCell).Array[0, 8],
                Gen.Select(Gen.Int[0, 1], Gen.Int[0, 30], Gen.Int[0, 2]).Array[0, 3],
                Gen.Int[0, 1].Select(Gen.Int[0, 1]).Array[0, 2],
                Gen.OneOf(NumberStyle.Numeric, NumberStyle.FrenchText),
                Gen.OneOf(DateStyle.SerialNumber, DateStyle.Text))
            .Select((cellEdits, rowEdits, headerShuffles, numbers, dates) =>
            {
                var sheets = SeedReport.Workbook(numbers, dates).Sheets
                    .Select(s => s.Rows.Select(r => r.ToList()).ToList()).ToArray();
                foreach (var (sheet, row, column, cell) in cellEdits)
                {
                    var rows = sheets[sheet];
                    var target = rows[row % rows.Count];
                    while (target.Count <= column) target.Add(Cell.Empty);
                    target[column] = cell;
                }
                foreach (var (sheet, row, action) in rowEdits)
                {
                    var rows = sheets[sheet];
                    var at = row % rows.Count;
                    if (action == 0) rows.RemoveAt(at);
                    else if (action == 1) rows.Insert(at, rows[at].ToList());
                    else rows.Insert(at, []);
                }
                foreach (var (sheet, seed) in headerShuffles)
                {
                    var rows = sheets[sheet];
                    var header = rows.FindIndex(r => r.Count > 0 && r[0].Text == "Nom de l'utilisateur");
                    if (header < 0) continue;
                    var random = new Random(seed);
                    rows[header] = seed == 0
                        ? rows[header].OrderBy(_ => random.Next()).ToList()                    // shuffled
                        : rows[header].Select((c, i) => i == random.Next(rows[header].Count) ? Cell.Empty : c).ToList(); // one missing
                }
                return new WorkbookGrid([
                    new SheetGrid(SeedReport.SummarySheetName, sheets[0].Select(r => (IReadOnlyList<Cell>)r).ToList()),
                    new SheetGrid(SeedReport.PresenceSheetName, sheets[1].Select(r => (IReadOnlyList<Cell>)r).ToList()),
                ]);
            });

    [Fact]
    public async Task Mutated_seed_reports_never_fail()
    {
        await MutatedSeed.SampleAsync(AssertNeverFails, iter: 300, threads: 1);
    }

    [Fact]
    public async Task Random_options_never_fail()
    {
        var json = AnalyzeJson.Request(SeedReport.Workbook());
        await Gen.Select(Gen.Double, Gen.Double, Gen.Double, Gen.String[0, 8]).SampleAsync(async (present, absent, tolerance, afternoon) =>
        {
            var options = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $$"""{"presentThreshold":{{Number(present)}},"absentThreshold":{{Number(absent)}},"toleranceMinutes":{{Number(tolerance)}},"afternoonStartsAt":{{System.Text.Json.JsonSerializer.Serialize(afternoon)}}}""");
            var body = json[..json.LastIndexOf("\"options\"", StringComparison.Ordinal)] + $"\"options\":{options}}}";
            using var response = await _client.PostAsync("/api/reports/analyze", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(Allowed.Contains(response.StatusCode), $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }, iter: 100, threads: 1);

        static string Number(double d) => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0";
    }
}
