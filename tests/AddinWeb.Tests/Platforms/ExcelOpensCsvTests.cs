using AddinWeb.Reports.Grid;
using AddinWeb.Tests.Seed;

namespace AddinWeb.Tests.Platforms;

/// <summary>The model of Excel's text import that the readers' "what Excel shows" tests stand on.</summary>
public class ExcelOpensCsvTests
{
    private const string Dashboard =
        "Nom,Modérateur,Activity Score,Rejoindre,Quitté,Duration\r\n"
        + "\"Hélène Martin\",\"FALSE\",\"3,5\",\"04/03/2025 09:01:05\",\"13/03/2025 11:58:40\",\"02:41:12\"\r\n";

    [Fact]
    public void A_french_excel_keeps_each_comma_separated_line_whole_in_column_a_as_mojibake()
    {
        var sheet = ExcelOpensCsv.Open(ExcelOpensCsv.Utf8(Dashboard), "Tableau de bord de la séance du 04-03-2025 (export).csv", ExcelLocale.French).Sheets.Single();

        Assert.Equal("Tableau de bord de la séance du", sheet.Name);
        Assert.Equal([1, 1], sheet.Rows.Select(r => r.Count));
        Assert.Equal("Nom,ModÃ©rateur,Activity Score,Rejoindre,QuittÃ©,Duration", sheet.Rows[0][0].Text);
        // The first field's quotes are dropped, the rest of the line kept as written.
        Assert.Equal("HÃ©lÃ¨ne Martin,\"FALSE\",\"3,5\",\"04/03/2025 09:01:05\",\"13/03/2025 11:58:40\",\"02:41:12\"", sheet.Rows[1][0].Text);
    }

    [Fact]
    public void An_english_excel_splits_and_converts_what_it_recognises_in_month_day_order()
    {
        var row = ExcelOpensCsv.Open(ExcelOpensCsv.Utf8(Dashboard), "x.csv", ExcelLocale.English).Sheets.Single().Rows[1];

        Assert.Equal(Cell.FromText("HÃ©lÃ¨ne Martin"), row[0]);
        Assert.Equal(Cell.FromBoolean(false), row[1]);
        Assert.Equal(Cell.FromText("3,5"), row[2]);
        // 04/03 read as 3 April; 13/03 cannot be a month/day date and stays text.
        Assert.Equal(Cell.FromNumber(new DateTime(2025, 4, 3, 9, 1, 5).ToOADate()), row[3]);
        Assert.Equal(Cell.FromText("13/03/2025 11:58:40"), row[4]);
        Assert.Equal(Cell.FromNumber((2 * 3600 + 41 * 60 + 12) / 86400.0), row[5]);
    }

    [Fact]
    public void A_unicode_tab_separated_file_is_split_whatever_the_locale()
    {
        var file = ExcelOpensCsv.Utf16("Name\tFirst join\r\nMartin, Bruno\t3/4/25, 9:01:05 AM\r\n");
        var sheet = ExcelOpensCsv.Open(file, "meeting.csv", ExcelLocale.French).Sheets.Single();

        Assert.Equal(Cell.FromText("Martin, Bruno"), sheet.Rows[1][0]);
        Assert.Equal(Cell.FromText("3/4/25, 9:01:05 AM"), sheet.Rows[1][1]);
    }
}
