using AddinWeb.Reports;
using AddinWeb.Tests.Seed;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests;

/// <summary>The host with a made-up delimited source (<see cref="TrialCsvSource"/>) besides the real ones.</summary>
public sealed class TrialHostFixture : HostFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IReportSource, TrialCsvSource>();
}

/// <summary>The upload page takes a .csv and the slot the trainer entered, and offers the workbook made for it.</summary>
public sealed class CsvUploadPageTests(TrialHostFixture host) : IClassFixture<TrialHostFixture>
{
    [Fact]
    public async Task A_csv_with_an_entered_slot_gives_its_figures_and_a_workbook_of_its_data_and_sheet()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        var slot = page.GetByRole(AriaRole.Group, new() { Name = "Créneau n°\u00a01" });
        await slot.GetByLabel("Date").FillAsync("2024-03-25");
        await slot.GetByLabel("Début").FillAsync("14:00");
        await slot.GetByLabel("Fin").FillAsync("16:30");
        await page.SetInputFilesAsync("#report-file", new FilePayload
        {
            Name = "rapport-essai.csv", MimeType = "text/csv", Buffer = TrialCsvSource.Sample(','),
        });

        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#platform")).ToHaveTextAsync($"Plateforme reconnue\u00a0: {TrialCsvSource.PlatformName}");
        await Assertions.Expect(page.Locator("#training-sessions")).ToHaveTextAsync("lundi 25 mars 2024, 14:00 à 16:30");
        await Assertions.Expect(page.Locator("#suggestion")).ToBeHiddenAsync();
        var rows = page.Locator("#participants tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#participants tbody tr", new() { HasText = "MOREAU" })).ToContainTextAsync("40,0 %");
        await Assertions.Expect(page.Locator("#participants tbody tr", new() { HasText = "MARTIN" })).ToContainTextAsync("2 h 30");

        var workbook = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        Assert.Equal("rapport-essai - émargement.xlsx", workbook.SuggestedFilename);
        using var downloaded = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await workbook.PathAsync())));
        Assert.Equal(["rapport-essai", "Émargement"], downloaded.Worksheets.Select(s => s.Name));
        Assert.Equal(new DateTime(2024, 3, 25, 14, 0, 0), downloaded.Worksheet("rapport-essai").Cell("D3").GetDateTime());
        Assert.Contains(downloaded.Worksheet("Émargement").CellsUsed(),
            c => c.GetString() == "lundi 25 mars 2024, 14:00 à 16:30 (créneau saisi par le formateur)");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Classeur téléchargé", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task An_unrecognised_csv_lists_every_report_read_and_what_each_looks_for()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#report-file", new FilePayload
        {
            Name = "cantine.csv", MimeType = "text/csv", Buffer = "Nom,Repas\nDURAND,végétarien\n"u8.ToArray(),
        });

        await Assertions.Expect(page.Locator("#problem")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var readers = page.Locator("#problem-readers-list li");
        // The host's platforms, then the made-up one the test host adds last.
        var platforms = UploadPageTests.ReadPlatforms;
        await Assertions.Expect(readers).ToHaveCountAsync(platforms.Length + 1);
        for (var i = 0; i < platforms.Length; i++)
            await Assertions.Expect(readers.Nth(i)).ToContainTextAsync(platforms[i] + " : ");
        await Assertions.Expect(readers.Nth(platforms.Length)).ToHaveTextAsync($"{TrialCsvSource.PlatformName} : {new TrialCsvSource().Expected}");
        await Assertions.Expect(page.Locator("#results")).ToBeHiddenAsync();
    }
}
