using AddinWeb.Tests.Seed;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests;

/// <summary>
/// Issue 9: the upload page takes a platform's own export (a Teams attendance report: UTF-16, tab-separated, three
/// sections) with the slot the trainer entered, shows the figures, and returns a workbook of the report's data (typed)
/// and its Émargement sheet.
/// </summary>
public sealed class PlatformUploadPageTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_teams_csv_with_an_entered_slot_gives_its_figures_and_the_workbook()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        var slot = page.GetByRole(AriaRole.Group, new() { Name = "Créneau n°\u00a01" });
        await slot.GetByLabel("Date").FillAsync("2025-03-04");
        await slot.GetByLabel("Début").FillAsync("09:00");
        await slot.GetByLabel("Fin").FillAsync("12:00");
        await page.SetInputFilesAsync("#report-file", new FilePayload
        {
            Name = PlatformFiles.TeamsSample, MimeType = "text/csv", Buffer = PlatformFiles.Bytes(PlatformFiles.TeamsSample),
        });

        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#platform")).ToHaveTextAsync("Plateforme reconnue\u00a0: Microsoft Teams");
        await Assertions.Expect(page.Locator("#training-sessions")).ToHaveTextAsync("mardi 4 mars 2025, 09:00 à 12:00");
        var rows = page.Locator("#participants tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        // By hand, within 09:00-12:00: Bruno 09:01:05-10:15:20 and 10:31:43-11:58:40, 161.2 min of 180 (89.6 %);
        // Chloé 09:20:33-10:05:00, 44.45 min (24.7 %), her name read from UTF-16 as it is. "Martin, Bruno" is "Nom, Prénom".
        var bruno = page.Locator("#participants tbody tr", new() { HasText = "Bruno" });
        await Assertions.Expect(bruno.Locator("td").Nth(1)).ToHaveTextAsync("Martin");
        await Assertions.Expect(bruno.Locator("td").Nth(2)).ToHaveTextAsync("Bruno");
        await Assertions.Expect(bruno).ToContainTextAsync("89,6 %");
        await Assertions.Expect(page.Locator("#participants tbody tr", new() { HasText = "Chloé" })).ToContainTextAsync("24,7 %");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        Assert.Equal("teams-attendance-en - émargement.xlsx", download.SuggestedFilename);
        using var workbook = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync())));
        Assert.Equal(["teams-attendance-en", "Émargement"], workbook.Worksheets.Select(s => s.Name));
        var data = workbook.Worksheet("teams-attendance-en");
        // Row 11 is the file's line 11 (Agnès in the participants section): her first join a date, her time a duration.
        Assert.Equal(XLDataType.DateTime, data.Cell("B11").DataType);
        Assert.Equal(new DateTime(2025, 3, 4, 8, 58, 2), data.Cell("B11").GetDateTime());
        // A duration is a number of days shown [h]:mm:ss (ClosedXML 0.95 reads any such number as a date).
        Assert.Equal("[h]:mm:ss", data.Cell("D11").Style.NumberFormat.Format);
        Assert.Equal(new TimeSpan(3, 5, 8).TotalDays, data.Cell("D11").GetDateTime().ToOADate(), 6);
        Assert.Equal("Martin, Bruno", data.Cell("A12").GetString());
        Assert.Contains(workbook.Worksheet("Émargement").CellsUsed(), c => c.GetString() == "Microsoft Teams");
    }
}
