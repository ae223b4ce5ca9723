using ClosedXML.Excel;
using Microsoft.Playwright;

namespace AddinWeb.BrowserTests;

/// <summary>
/// Issue 11 on the upload page: a list pasted into the report's own workbook is found and said; the trainer can say
/// it is not the list, and the page analyses again without it (the form's <c>convocationSheet</c>, sent empty).
/// </summary>
public sealed class ConvocationUploadPageTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>The example report with a sheet of three convened people, one of whom (Sophie BLANC) never connected.</summary>
    private static byte[] ExampleWithList()
    {
        using var workbook = new XLWorkbook(UploadPageTests.RepositoryFile("AddinWeb", "wwwroot", "examples", "rapport-exemple-via.xlsx"));
        var list = workbook.AddWorksheet("Convoqués");
        string[][] rows = [["NOM", "Prénom", "Mél"], ["MARTIN", "Louis", ""], ["MOREAU", "Inès", ""], ["BLANC", "Sophie", ""]];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                list.Cell(r + 1, c + 1).SetValue(rows[r][c]);
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        return saved.ToArray();
    }

    [Fact]
    public async Task A_list_found_in_the_workbook_is_said_and_can_be_declined()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#report-file", new FilePayload
        {
            Name = "rapport.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = ExampleWithList(),
        });

        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#convocation-summary")).ToContainTextAsync("feuille « Convoqués », 3 personnes");
        await Assertions.Expect(page.Locator("#participants tbody tr", new() { HasText = "BLANC" })).ToContainTextAsync("Absent");
        var decline = page.GetByRole(AriaRole.Button, new() { Name = "Ce n'est pas la liste des convoqués" });
        await Assertions.Expect(decline).ToBeVisibleAsync();
        var rowsWithList = await page.Locator("#participants tbody tr").CountAsync();

        await page.RunAndWaitForResponseAsync(() => decline.ClickAsync(), "**/api/reports/analyze-file");

        await Assertions.Expect(page.Locator("#participants tbody tr", new() { HasText = "BLANC" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#participants tbody tr")).ToHaveCountAsync(rowsWithList - 1);
        await Assertions.Expect(decline).ToBeHiddenAsync();
        // The workbook offered is the one shown: its sheet has no convened rows either.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        using var returned = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync())));
        Assert.DoesNotContain(returned.Worksheet("Émargement").CellsUsed(), c => c.GetString() == "BLANC");
    }
}
