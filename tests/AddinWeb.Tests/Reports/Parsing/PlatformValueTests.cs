using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Parsing;
using AddinWeb.Reports.Tabular;
using AddinWeb.Tests.Seed;
using CsCheck;

namespace AddinWeb.Tests.Reports.Parsing;

public class LocalDateTimesTests
{
    [Theory]
    [InlineData("04/03/2025 08:57:41", DayMonthOrder.DayFirst, "2025-03-04T08:57:41")]
    [InlineData("04/03/2025 08:57:41", DayMonthOrder.MonthFirst, "2025-04-03T08:57:41")]
    [InlineData("3/4/2025, 08:57:41 AM", DayMonthOrder.MonthFirst, "2025-03-04T08:57:41")]
    [InlineData("3/4/2025,\u00A008:57:41\u202FAM", DayMonthOrder.MonthFirst, "2025-03-04T08:57:41")]
    [InlineData("3/4/25, 8:58:02 AM", DayMonthOrder.MonthFirst, "2025-03-04T08:58:02")]
    [InlineData("3/4/25, 12:03:10 PM", DayMonthOrder.MonthFirst, "2025-03-04T12:03:10")]
    [InlineData("3/4/25, 12:03:10 AM", DayMonthOrder.MonthFirst, "2025-03-04T00:03:10")]
    [InlineData("3/4/25, 1:03:10 pm", DayMonthOrder.DayFirst, "2025-04-03T13:03:10")]
    [InlineData("3/4/25, 1:03:10 p.m.", DayMonthOrder.DayFirst, "2025-04-03T13:03:10")]
    [InlineData("15/11/22, 09:30:47", DayMonthOrder.DayFirst, "2022-11-15T09:30:47")]
    [InlineData("11/19/2021 9:54:15 AM", DayMonthOrder.MonthFirst, "2021-11-19T09:54:15")]
    [InlineData("2025-03-04 08:57:41", DayMonthOrder.MonthFirst, "2025-03-04T08:57:41")]
    [InlineData("2025-03-04T08:57:41", DayMonthOrder.DayFirst, "2025-03-04T08:57:41")]
    [InlineData("2025/03/04 08:57", DayMonthOrder.DayFirst, "2025-03-04T08:57:00")]
    [InlineData("04.03.2025 08:57:41", DayMonthOrder.DayFirst, "2025-03-04T08:57:41")]
    [InlineData("04-03-2025 13h39", DayMonthOrder.DayFirst, "2025-03-04T13:39:00")]
    [InlineData("04/03/2025 08:57:41.6", DayMonthOrder.DayFirst, "2025-03-04T08:57:42")]
    [InlineData("04/03/2025 08:57:59.5", DayMonthOrder.DayFirst, "2025-03-04T08:58:00")]
    [InlineData("  04/03/2025   08:57:41 ", DayMonthOrder.DayFirst, "2025-03-04T08:57:41")]
    public void Texts_as_platforms_write_them(string text, DayMonthOrder order, string expected)
    {
        Assert.True(LocalDateTimes.TryParse(text, order, out var value));
        Assert.Equal(DateTime.Parse(expected), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("04/03/2025")]              // a date alone
    [InlineData("31/04/2025 08:00:00")]     // no 31 April
    [InlineData("04/03/2025 25:00:00")]
    [InlineData("04/03/2025 08:60:00")]
    [InlineData("04/03/2025 08:00:60")]
    [InlineData("3/4/25, 13:03:10 PM")]
    [InlineData("3/4/25, 0:03:10 AM")]
    [InlineData("04/03/202 08:00:00")]      // a three-digit year
    [InlineData("04/03-2025 08:00:00")]     // mixed separators
    [InlineData("2025-03-04 08:57:41Z")]    // not a local time
    [InlineData("Hélène Lefèvre")]
    [InlineData("٠٤/٠٣/٢٠٢٥ ٠٨:٥٧:٤١")]      // digits other than 0-9
    public void Texts_that_are_not_local_date_times(string text) =>
        Assert.False(LocalDateTimes.TryParse(text, DayMonthOrder.DayFirst, out _));

    [Fact]
    public void Any_date_time_written_either_way_reads_back_with_its_order()
    {
        Gen.Select(Gen.DateTime[new DateTime(2000, 1, 1), new DateTime(2099, 12, 31)], Gen.Bool, Gen.Bool, Gen.Bool)
            .Sample(t =>
            {
                var (value, dayFirst, twelveHour, shortYear) = t;
                value = new DateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second);
                var date = dayFirst ? $"{value.Day:00}/{value.Month:00}" : $"{value.Month}/{value.Day}";
                var year = shortYear ? (value.Year % 100).ToString("00") : value.Year.ToString();
                var time = twelveHour
                    ? $"{(value.Hour % 12 == 0 ? 12 : value.Hour % 12)}:{value.Minute:00}:{value.Second:00}\u202F{(value.Hour < 12 ? "AM" : "PM")}"
                    : $"{value.Hour:00}:{value.Minute:00}:{value.Second:00}";
                var text = $"{date}/{year}, {time}";
                Assert.True(LocalDateTimes.TryParse(text, dayFirst ? DayMonthOrder.DayFirst : DayMonthOrder.MonthFirst, out var read), text);
                Assert.Equal(value, read);
            }, iter: 20_000);
    }
}

public class DayMonthInferenceTests
{
    [Fact]
    public void A_first_number_over_12_proves_day_first()
    {
        var inference = DayMonthInference.Of(["04/03/2025 08:57:41", "13/03/2025 12:02:19", "-", null]);
        Assert.Equal(DayMonthOrder.DayFirst, inference.Proven);
        Assert.Equal(DayMonthOrder.DayFirst, inference.Order);
        Assert.False(inference.IsAmbiguous);
    }

    [Fact]
    public void A_second_number_over_12_proves_month_first_whatever_the_clock()
    {
        var inference = DayMonthInference.Of(["11/19/2021 09:54:15", "12/03/2021 09:20:33"]);
        Assert.Equal(DayMonthOrder.MonthFirst, inference.Proven);
        Assert.False(inference.IsAmbiguous);
    }

    [Fact]
    public void Am_pm_is_only_a_hint_and_the_order_stays_ambiguous()
    {
        // Teams' sample: en-US writes 3/4/25 month first, but en-GB or en-AU would write the same shape day first.
        var inference = DayMonthInference.Of(["3/4/25, 8:58:02 AM", "3/4/25, 12:03:10 PM"]);
        Assert.Null(inference.Proven);
        Assert.Equal(DayMonthOrder.MonthFirst, inference.Hint);
        Assert.Equal(DayMonthOrder.MonthFirst, inference.Order);
        Assert.True(inference.IsAmbiguous);
    }

    [Fact]
    public void A_24_hour_clock_hints_day_first()
    {
        var inference = DayMonthInference.Of(["04/03/2025 08:57:41"]);
        Assert.Equal(DayMonthOrder.DayFirst, inference.Order);
        Assert.True(inference.IsAmbiguous);
    }

    [Fact]
    public void A_proof_anywhere_in_the_file_settles_every_column()
    {
        var summary = DayMonthInference.Of(["15/11/22, 09:30:47"]);
        var participants = DayMonthInference.Of(["3/11/22, 09:31:00", "4/11/22, 10:00:00"]);
        Assert.True(participants.IsAmbiguous);
        var file = summary.Plus(participants);
        Assert.Equal(DayMonthOrder.DayFirst, file.Proven);
        Assert.False(file.IsAmbiguous);
    }

    [Theory]
    [InlineData("03/03/2025 08:00:00")]
    [InlineData("2025-03-04 08:00:00")]
    public void Texts_with_one_reading_need_no_order(string text) =>
        Assert.False(DayMonthInference.Of([text, text]).IsAmbiguous);

    [Fact]
    public void Both_proofs_contradict()
    {
        var inference = DayMonthInference.Of(["13/03/2025 08:00:00", "03/13/2025 08:00:00"]);
        Assert.True(inference.IsContradictory);
        Assert.Null(inference.Proven);
        Assert.True(inference.IsAmbiguous);
    }

    [Fact]
    public void Nothing_to_read_is_not_ambiguous() => Assert.False(DayMonthInference.Of(["", "-", "Nom"]).IsAmbiguous);
}

public class DateCellsTests
{
    private static Cell Serial(int year, int month, int day, int hour = 9) =>
        Cell.FromNumber(ExcelDates.ToSerial(new DateTime(year, month, day, hour, 0, 0)));

    [Fact]
    public void Texts_that_prove_an_order_beside_excel_dates_mean_excel_read_them_the_other_way()
    {
        // "04/03/2025 09:00" (4 March) read by an American Excel as 3 April, "15/03/2025 09:00" left as text.
        Cell[] column = [Serial(2025, 4, 3), Cell.FromText("15/03/2025 09:00:00")];
        var dates = DateCells.Of(column);
        Assert.Equal(ExcelDateReading.Swapped, dates.ExcelReading);
        Assert.False(dates.IsAmbiguous);
        Assert.True(dates.TryRead(column[0], out var first));
        Assert.Equal(new DateTime(2025, 3, 4, 9, 0, 0), first);
        Assert.True(dates.TryRead(column[1], out var second));
        Assert.Equal(new DateTime(2025, 3, 15, 9, 0, 0), second);
    }

    [Fact]
    public void An_excel_date_with_a_day_over_12_shows_excel_read_the_files_way()
    {
        var dates = DateCells.Of([Serial(2025, 3, 15), Serial(2025, 3, 4)]);
        Assert.Equal(ExcelDateReading.AsIs, dates.ExcelReading);
        Assert.False(dates.IsAmbiguous);
        Assert.True(dates.TryRead(Serial(2025, 3, 4), out var value));
        Assert.Equal(new DateTime(2025, 3, 4, 9, 0, 0), value);
    }

    [Fact]
    public void Excel_dates_with_nothing_to_tell_are_ambiguous_and_read_as_they_are()
    {
        var dates = DateCells.Of([Serial(2025, 4, 3), Serial(2025, 4, 3, 11)]);
        Assert.Equal(ExcelDateReading.Unknown, dates.ExcelReading);
        Assert.True(dates.IsAmbiguous);
        Assert.True(dates.TryRead(Serial(2025, 4, 3), out var value));
        Assert.Equal(new DateTime(2025, 4, 3, 9, 0, 0), value);
        // Day and month equal: either reading is the same date.
        Assert.False(DateCells.Of([Serial(2025, 3, 3)]).IsAmbiguous);
    }

    [Fact]
    public void Both_signs_at_once_contradict()
    {
        var dates = DateCells.Of([Serial(2025, 3, 15), Cell.FromText("13/03/2025 09:00:00")]);
        Assert.Equal(ExcelDateReading.Unknown, dates.ExcelReading);
        Assert.True(dates.IsAmbiguous);
    }

    [Fact]
    public void Texts_only_follow_the_inference()
    {
        var dates = DateCells.Of([Cell.FromText("11/19/2021 09:54:15 AM"), Cell.FromText("12/03/2021 09:20:33 AM")]);
        Assert.Equal(ExcelDateReading.None, dates.ExcelReading);
        Assert.True(dates.TryRead(Cell.FromText("12/03/2021 09:20:33 AM"), out var value));
        Assert.Equal(new DateTime(2021, 12, 3, 9, 20, 33), value);
        Assert.False(dates.TryRead(Cell.FromText("-"), out _));
        Assert.False(dates.TryRead(Cell.Empty, out _));
    }

    [Fact]
    public void Swapping_back_needs_a_day_that_can_be_a_month()
    {
        Assert.True(DateCells.TrySwapDayAndMonth(new DateTime(2025, 4, 3, 8, 57, 41), out var swapped));
        Assert.Equal(new DateTime(2025, 3, 4, 8, 57, 41), swapped);
        Assert.False(DateCells.TrySwapDayAndMonth(new DateTime(2025, 4, 13), out _));
    }

    /// <summary>The real-tool fixtures: what a British or an American spreadsheet made of the variants' dates.</summary>
    [Theory]
    [InlineData("zoom-variant-en.uk-excel", PlatformFiles.ZoomVariant, 2, 3, 5)]
    [InlineData("bbb-variant-fr.us-excel", PlatformFiles.BbbVariant, 9, 10, 3)]
    public void Shown_dates_read_as_the_files_texts(string shown, string file, int joinColumn, int leaveColumn, int rows)
    {
        var shownSheet = ShownWorkbook.MakeReadable(PlatformFiles.Shown(shown)).Workbook.Sheets[0];
        var fileSheet = DelimitedFile.Read(PlatformFiles.Bytes(file), file).Sheet!;
        IEnumerable<Cell> Column(SheetGrid sheet, int column) => sheet.Rows.Skip(1).Select(r => column < r.Count ? r[column] : Cell.Empty);
        var shownDates = DateCells.Of(Column(shownSheet, joinColumn), Column(shownSheet, leaveColumn));
        var fileDates = DateCells.Of(Column(fileSheet, joinColumn), Column(fileSheet, leaveColumn));
        Assert.Equal(ExcelDateReading.Swapped, shownDates.ExcelReading);
        Assert.False(shownDates.IsAmbiguous);
        Assert.False(fileDates.IsAmbiguous);
        var read = 0;
        for (var r = 1; r < fileSheet.Rows.Count; r++)
            foreach (var c in new[] { joinColumn, leaveColumn })
                if (fileDates.TryRead(fileSheet[r, c], out var expected))
                {
                    Assert.True(shownDates.TryRead(shownSheet[r, c], out var actual), $"row {r + 1}");
                    Assert.Equal(expected, actual);
                    read++;
                }
        Assert.Equal(2 * rows, read);
    }
}

public class DurationsTests
{
    [Theory]
    [InlineData("00:41:07", 0, 41, 7)]
    [InlineData("03:04:38", 3, 4, 38)]
    [InlineData("27:04:38", 27, 4, 38)]
    [InlineData("0:05:00", 0, 5, 0)]
    [InlineData("00:00:59.6", 0, 1, 0)]
    [InlineData("1h 27m 51s", 1, 27, 51)]
    [InlineData("10m 59s", 0, 10, 59)]
    [InlineData("5s", 0, 0, 5)]
    [InlineData("3h", 3, 0, 0)]
    [InlineData("1 h 2 min 3 s", 1, 2, 3)]
    [InlineData("44m 27s", 0, 44, 27)]
    public void Texts(string text, int hours, int minutes, int seconds)
    {
        Assert.True(Durations.TryRead(Cell.FromText(text), out var value));
        Assert.Equal(new TimeSpan(hours, minutes, seconds), value);
    }

    [Theory]
    [InlineData("-")]
    [InlineData(" – ")]
    [InlineData("—")]
    [InlineData("")]
    public void None(string text)
    {
        Assert.True(Durations.TryRead(Cell.FromText(text), out var value));
        Assert.Null(value);
        Assert.True(Durations.TryRead(Cell.Empty, out value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("00:61:00")]
    [InlineData("01:02")]
    [InlineData("1m 2h")]
    [InlineData("h m s")]
    [InlineData("abc")]
    [InlineData("04/03/2025 08:57:41")]
    public void Not_durations(string text) => Assert.False(Durations.TryRead(Cell.FromText(text), out _));

    [Fact]
    public void What_excel_makes_of_a_clock_a_fraction_of_a_day_or_a_time_cell()
    {
        Assert.True(Durations.TryRead(Cell.FromNumber(1.12821759259259), out var past24));
        Assert.Equal(new TimeSpan(27, 4, 38), past24);
        Assert.True(Durations.TryRead(Cell.FromDateTime(new DateTime(1899, 12, 30, 0, 41, 7)), out var cell));
        Assert.Equal(new TimeSpan(0, 41, 7), cell);
        Assert.True(Durations.TryRead(Cell.FromDateTime(new DateTime(1899, 12, 31, 3, 4, 38)), out var dayPlus));
        Assert.Equal(new TimeSpan(27, 4, 38), dayPlus);
        Assert.False(Durations.TryRead(Cell.FromNumber(-0.5), out _));
        Assert.False(Durations.TryRead(Cell.FromBoolean(true), out _));
    }

    [Fact]
    public void Any_clock_reads_the_same_as_text_and_as_excels_fraction()
    {
        Gen.Int[0, 200 * 3600].Sample(seconds =>
        {
            var expected = TimeSpan.FromSeconds(seconds);
            var text = $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}";
            Assert.True(Durations.TryRead(Cell.FromText(text), out var fromText));
            Assert.True(Durations.TryRead(Cell.FromNumber(seconds / 86400d), out var fromNumber));
            Assert.Equal(expected, fromText);
            Assert.Equal(expected, fromNumber);
        }, iter: 20_000);
    }
}

public class BooleansTests
{
    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData(" VRAI ", true)]
    [InlineData("FALSE", false)]
    [InlineData("Faux", false)]
    public void Flags(string text, bool expected)
    {
        Assert.True(Booleans.TryRead(Cell.FromText(text), out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Excel_booleans_and_what_is_not_a_flag()
    {
        Assert.True(Booleans.TryRead(Cell.FromBoolean(true), out var value));
        Assert.True(value);
        Assert.False(Booleans.TryRead(Cell.FromText("Oui"), out _));
        Assert.False(Booleans.TryRead(Cell.FromNumber(1), out _));
        Assert.False(Booleans.TryRead(Cell.Empty, out _));
    }

    [Theory]
    [InlineData("Yes", true)]
    [InlineData("oui", true)]
    [InlineData("No", false)]
    [InlineData("NON", false)]
    public void Yes_no_answers(string text, bool expected)
    {
        Assert.True(Booleans.TryReadYesNo(Cell.FromText(text), out var value));
        Assert.Equal(expected, value);
        Assert.False(Booleans.TryRead(Cell.FromText(text), out _));
    }
}
