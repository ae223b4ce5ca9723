using AddinWeb.Hosting;
using AddinWeb.Tests.Seed;
using AddinWeb.Upload;

namespace AddinWeb.Tests.Excel;

/// <summary>A .csv is held to the host's own limits, and each refusal answered as the .xlsx path answers it.</summary>
public sealed class DelimitedUploadTests
{
    [Theory]
    [InlineData(nameof(RequestLimitOptions.MaxUploadBytes), 413)]
    [InlineData(nameof(RequestLimitOptions.MaxRowsPerSheet), 413)]
    [InlineData(nameof(RequestLimitOptions.MaxColumnsPerSheet), 413)]
    [InlineData(nameof(RequestLimitOptions.MaxCellLength), 422)]
    public void Each_limit_is_the_hosts_and_named_with_its_maximum(string limit, int status)
    {
        var limits = new RequestLimitOptions();
        long maximum = limit switch
        {
            nameof(limits.MaxUploadBytes) => limits.MaxUploadBytes = 100,
            nameof(limits.MaxRowsPerSheet) => limits.MaxRowsPerSheet = 2,
            nameof(limits.MaxColumnsPerSheet) => limits.MaxColumnsPerSheet = 3,
            _ => limits.MaxCellLength = 10,
        };

        var (grid, problem) = DelimitedUpload.Read(new UploadedFile(TrialCsvSource.Sample(), "rapport.csv"), limits);

        Assert.Null(grid);
        Assert.Equal((status, limit, maximum), (problem!.Status, problem.Limit, problem.Maximum));
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
    }

    [Fact]
    public void Within_the_limits_the_file_is_one_sheet_named_as_excel_names_it()
    {
        var (grid, problem) = DelimitedUpload.Read(new UploadedFile(TrialCsvSource.Sample(), "Journal [mars].csv"), new RequestLimitOptions());

        Assert.Null(problem);
        Assert.Equal("Journal (mars)", grid!.Sheets.Single().Name);
        Assert.Equal(TrialCsvSource.SampleRows.Length, grid.Sheets[0].Rows.Count);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4 }, "rapport.csv", UploadReader.Kind.Delimited)] // a workbook under a .csv name: the delimited reader says so
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4 }, "rapport", UploadReader.Kind.Package)]
    [InlineData(new byte[] { 0x4E, 0x6F, 0x6D }, "rapport.xlsx", UploadReader.Kind.Mismatch)]
    [InlineData(new byte[] { 0x4E, 0x6F, 0x6D }, "rapport.CSV", UploadReader.Kind.Delimited)]
    [InlineData(new byte[] { 0x4E, 0x6F, 0x6D }, "export", UploadReader.Kind.Delimited)]
    public void The_kind_is_told_by_the_bytes_and_the_name_only_settles_a_disagreement(byte[] bytes, string name, UploadReader.Kind kind) =>
        Assert.Equal(kind, UploadReader.Classify(bytes, name));
}
