using System.Text.RegularExpressions;
using AddinWeb.Emargement;

namespace AddinWeb.ScriptChecks;

/// <summary>
/// The Office enums the backend sends in a <see cref="SheetLayout"/> are named as Office.js names them: each C# member
/// is a value of the same enum in the pinned @types/office-js (namespace Excel), so the task pane hands them on as
/// they come.
/// </summary>
public sealed partial class OfficeEnumNamesTests
{
    private static readonly Lazy<string> ExcelNamespace = new(() =>
    {
        var declarations = File.ReadAllText(ScriptTools.Tool("@types", "office-js", "index.d.ts"));
        var start = declarations.IndexOf("declare namespace Excel {", StringComparison.Ordinal);
        var end = declarations.IndexOf("\ndeclare namespace", start + 1, StringComparison.Ordinal);
        return declarations[start..end];
    });

    private static HashSet<string> OfficeValues(string enumName)
    {
        var body = Regex.Match(ExcelNamespace.Value, $@"\n    enum {enumName} \{{(?<body>.*?)\n    \}}", RegexOptions.Singleline);
        Assert.True(body.Success, $"Excel.{enumName} not found in @types/office-js");
        return EnumValue().Matches(body.Groups["body"].Value).Select(m => m.Groups[1].Value).ToHashSet();
    }

    [Theory]
    [InlineData(typeof(HorizontalAlignment), "HorizontalAlignment")]
    [InlineData(typeof(VerticalAlignment), "VerticalAlignment")]
    [InlineData(typeof(BorderWeight), "BorderWeight")]
    [InlineData(typeof(PageOrientation), "PageOrientation")]
    [InlineData(typeof(PaperType), "PaperType")]
    public void Every_member_is_an_office_js_value(Type csharp, string office)
    {
        var values = OfficeValues(office);
        Assert.NotEmpty(values);
        Assert.All(Enum.GetNames(csharp), name => Assert.Contains(name, values));
    }

    [Fact]
    public void The_layout_serialises_them_by_name()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new RangeFormat
        {
            Range = "A1", HorizontalAlignment = HorizontalAlignment.Center, VerticalAlignment = VerticalAlignment.Top,
            Borders = new Borders { Outline = BorderWeight.Medium },
        });
        Assert.Contains("\"Center\"", json);
        Assert.Contains("\"Top\"", json);
        Assert.Contains("\"Medium\"", json);
        Assert.Contains("\"A4\"", System.Text.Json.JsonSerializer.Serialize(new PrintSetup()));
        Assert.Contains("\"Landscape\"", System.Text.Json.JsonSerializer.Serialize(new PrintSetup()));
    }

    [GeneratedRegex(@"=\s*""([^""]+)""")]
    private static partial Regex EnumValue();
}
