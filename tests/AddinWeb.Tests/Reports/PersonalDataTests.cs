using AddinWeb.Reports;
using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Via;
using AddinWeb.Reports.Via;
using AddinWeb.Tests.Seed;
using static AddinWeb.Tests.Reports.GridEdits;

namespace AddinWeb.Tests.Reports;

/// <summary>Messages point at cells: never a name or an email, whatever went wrong.</summary>
public class PersonalDataTests
{
    [Fact]
    public void A_report_with_every_defect_gives_located_messages_without_personal_data()
    {
        var summary = SeedReport.SummarySheet(NumberStyle.FrenchText)
            .WithCell(13, 1, Cell.Empty)                       // no email
            .WithText(14, 2, "louis.martin@ac-toulouse.fr")    // an email where Connexion should be
            .WithText(15, 3, "Chloé LEFÈVRE")                  // a name where Microphone should be
            .WithText(16, 0, "")                               // no name
            .WithText(19, 2, "296,30")                         // live minutes above Connexion
            .WithText(26, 2, "9999");                          // wrong total
        var presence = SeedReport.PresenceSheet(NumberStyle.FrenchText, DateStyle.Text)
            .WithText(10, 3, "10/11/2020 13:00:00")            // Fin before Début
            .WithText(11, 2, "zoe.faure@ac-toulouse.fr")       // an email where Début should be
            .WithText(12, 4, "170")                            // Connexion off
            .WithText(13, 2, "12/11/2020 13:41:59").WithText(13, 3, "12/11/2020 13:51:26") // outside the period
            .WithText(15, 0, "Paul INCONNU").WithText(15, 1, "paul.inconnu@ac-toulouse.fr"); // not in Sommaire

        var read = new ViaReportSource().ReadVia(Book(summary, presence));
        var issues = read.Issues.Concat(ViaValidator.Validate(read.Report!)).ToList();

        string[] expected =
        [
            "RowWithoutName", "UnreadableNumber", "UnreadableDate", "MissingEmail", "EndBeforeStart",
            "DurationMismatch", "OutsidePeriod", "PresenceExceedsSummary", "TotalMismatch", "NoPresenceRows",
            "PresenceWithoutSummary",
        ];
        Assert.Empty(expected.Except(issues.Select(i => i.Code)));
        AssertNoPersonalData(issues);
        Assert.All(issues, i => Assert.DoesNotContain("@", i.Message));
        Assert.All(issues, i => Assert.DoesNotContain("INCONNU", i.Message, StringComparison.OrdinalIgnoreCase));
        Assert.All(issues, i =>
        {
            Assert.NotNull(i.Sheet);
            Assert.NotNull(i.Row);
            Assert.NotNull(i.Column);
            Assert.StartsWith($"Feuille « {i.Sheet} », ligne {i.Row}, colonne {i.Column} ", i.Message);
        });
    }
}
