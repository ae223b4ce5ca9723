using AddinWeb.Reports;
using AddinWeb.Reports.Text;
using AddinWeb.Attendance;
using AddinWeb.Tests.Seed;
using CsCheck;

namespace AddinWeb.Tests.Attendance;

public class ParticipantIdentityTests
{
    [Theory]
    [InlineData("Elsa STAMMINGER", "Elsa", "STAMMINGER")]
    [InlineData("Jean-Pierre DE LA FONTAINE", "Jean-Pierre", "DE LA FONTAINE")]
    [InlineData("Marie Claire MARTIN-DUPONT", "Marie Claire", "MARTIN-DUPONT")]
    [InlineData("Chloé LEFÈVRE", "Chloé", "LEFÈVRE")]
    [InlineData("Anne O'NEIL", "Anne", "O'NEIL")]
    [InlineData("Jean Martin", "Jean", "Martin")]
    [InlineData("JEAN DUPONT", "JEAN", "DUPONT")]
    [InlineData("  Inès\u00A0\u00A0MOREAU ", "Inès", "MOREAU")]
    [InlineData("Cher", "", "Cher")]
    [InlineData("", "", "")]
    [InlineData("Martin, Bruno", "Bruno", "Martin")]
    [InlineData("DE LA FONTAINE, Jean-Pierre", "Jean-Pierre", "DE LA FONTAINE")]
    [InlineData("Martin,Bruno", "Bruno", "Martin")]
    [InlineData("Martin, ", "", "Martin,")]
    [InlineData("a, b, c", "a, b,", "c")] // two commas: not "Nom, Prénom"
    public void Splits_first_and_last_name(string name, string first, string last)
    {
        Assert.Equal((first, last), ParticipantIdentity.SplitName(name));
    }

    [Fact]
    public void Split_cut_out_of_the_name_gives_what_splitting_into_words_gives()
    {
        // Words in capitals, in lower case, mixed, hyphenated, accented, with odd spaces around and between.
        var word = Gen.OneOf("JEAN", "Jean", "DE", "la", "LEFÈVRE", "Chloé", "O'NEIL", "MARTIN-DUPONT", "x", "É", "-", "42");
        var space = Gen.OneOf(" ", "  ", "\u00A0", "\t", "\u200B");
        Gen.Select(Gen.Select(word, space).Array[0, 6], Gen.OneOf("", " ", "\u00A0"), (parts, edge) =>
            edge + string.Concat(parts.Select(p => p.Item1 + p.Item2)) + edge).Sample(name =>
        {
            Assert.Equal(SplitIntoWords(name), ParticipantIdentity.SplitName(name));
        });
    }

    /// <summary>The split as first written: into words, then joined back.</summary>
    private static (string, string) SplitIntoWords(string name)
    {
        var words = TextNormalizer.CollapseSpaces(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return ("", "");
        if (words.Length == 1) return ("", words[0]);
        static bool Capitals(string w) => w.Any(char.IsLetter) && w.Where(char.IsLetter).All(char.IsUpper);
        var firstOfLast = words.Length;
        while (firstOfLast > 0 && Capitals(words[firstOfLast - 1])) firstOfLast--;
        if (firstOfLast == words.Length || firstOfLast == 0) firstOfLast = words.Length - 1;
        return (string.Join(' ', words[..firstOfLast]), string.Join(' ', words[firstOfLast..]));
    }

    [Theory]
    [InlineData("Stamminger, Elsa", "Elsa STAMMINGER")]
    [InlineData("STAMMINGER, ELSA", "elsa stamminger")]
    [InlineData("Stämminger, Élsa", "Elsa STAMMINGER")]
    [InlineData("Stamminger Elsa", "Elsa  STAMMINGER")]
    [InlineData("De La Fontaine, Jean Pierre", "Jean-Pierre DE LA FONTAINE")]
    [InlineData("Lefevre, Chloe", "Chloé LEFÈVRE")]
    [InlineData("Cœur, Zoé", "Zoe COEUR")]
    public void Same_name_key_whatever_accents_case_order_and_hyphens(string a, string b)
    {
        Assert.Equal(TextNormalizer.PersonKey(a), TextNormalizer.PersonKey(b));
    }

    [Theory]
    [InlineData("Stamminger, Elsa", "Elsa STAMMINGERE")]
    [InlineData("Martin, Louis", "Louis MARTIN DUPONT")]
    public void Different_names_different_keys(string a, string b)
    {
        Assert.NotEqual(TextNormalizer.PersonKey(a), TextNormalizer.PersonKey(b));
    }

    [Theory]
    [InlineData("STAMMINGER, Elsa")]
    [InlineData("stämmînger, ÉLSA")]
    [InlineData("Elsa Stamminger")]
    [InlineData("  Stamminger ,\u00A0Elsa ")]
    public void Host_recognised_with_other_accents_case_and_order(string host)
    {
        var report = SeedSessionReport.Build();
        var result = AttendanceEngine.Compute(report with { Header = report.Header with { Host = host } }, AttendanceOptions.Default);
        var trainer = Assert.Single(result.Participants, p => p.Role == ParticipantRole.Trainer);
        Assert.Equal("elsa.stamminger@ac-toulouse.fr", trainer.Email);
        Assert.Empty(result.Observations);
    }

    [Fact]
    public void Host_with_hyphenated_compound_name()
    {
        var report = new ReportBuilder()
            .Host("De La Fontaine, Jean Pierre")
            .User("Jean-Pierre DE LA FONTAINE", "jp.dlf@ac-toulouse.fr")
            .User("Pierre JEAN", "pierre.jean@ac-toulouse.fr")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(ParticipantRole.Trainer, result.Participants.Single(p => p.Email == "jp.dlf@ac-toulouse.fr").Role);
        Assert.Equal(ParticipantRole.Trainee, result.Participants.Single(p => p.Email == "pierre.jean@ac-toulouse.fr").Role);
    }

    [Fact]
    public void Host_found_by_email_when_the_display_name_differs()
    {
        var report = new ReportBuilder()
            .Host("Stamminger, Elsa")
            .User("E. STAMMINGER", "elsa.stamminger@ac-toulouse.fr")
            .User("Louis MARTIN", "louis.martin@ac-toulouse.fr")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal("E. STAMMINGER", Assert.Single(result.Participants, p => p.Role == ParticipantRole.Trainer).Name);
    }

    [Fact]
    public void Host_in_no_row_gives_no_trainer_and_says_so()
    {
        var report = SeedSessionReport.Build();
        var result = AttendanceEngine.Compute(report with { Header = report.Header with { Host = "Dupont, Marie" } }, AttendanceOptions.Default);
        Assert.All(result.Participants, p => Assert.Equal(ParticipantRole.Trainee, p.Role));
        Assert.Equal(13, result.Totals.Present + result.Totals.Partial + result.Totals.Absent);
        Assert.Equal(8, result.Totals.Present);
        var observation = Assert.Single(result.Observations);
        Assert.Equal("HostNotFound", observation.Code);
        Assert.DoesNotContain("Dupont", observation.Message);
    }

    [Fact]
    public void No_host_in_the_header_gives_no_trainer_and_no_observation()
    {
        var report = SeedSessionReport.Build();
        var result = AttendanceEngine.Compute(report with { Header = report.Header with { Host = null } }, AttendanceOptions.Default);
        Assert.DoesNotContain(result.Participants, p => p.Role == ParticipantRole.Trainer);
        Assert.Empty(result.Observations);
    }

    [Fact]
    public void Email_case_and_space_variants_merge()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .User("Camille DURAND", "camille.durand@ac-toulouse.fr", replay: 12.5)
            .Connect("Camille DURAND", " Camille.Durand@AC-Toulouse.fr ", "10/11 14:00", "10/11 15:00")
            .Connect("Camille Durand", "CAMILLE.DURAND@ac-toulouse.fr\u00A0", "10/11 15:30", "10/11 16:30")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        var camille = Assert.Single(result.Participants);
        Assert.Equal("Camille DURAND", camille.Name);
        Assert.Equal("camille.durand@ac-toulouse.fr", camille.Email);
        Assert.Equal(2, camille.Connections);
        Assert.Equal(120, camille.MinutesInSlot, 1e-9);
        Assert.Equal(1, camille.Reconnections);
        Assert.Equal(12.5, camille.ReplayMinutes);
        Assert.Equal(3, camille.SourceRows.Count);
    }

    [Fact]
    public void Missing_email_joins_the_Sommaire_user_of_the_same_name()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .User("Inès MOREAU", "ines.moreau@ac-toulouse.fr")
            .User("Louis MARTIN", "louis.martin@ac-toulouse.fr")
            .Connect("Ines Moreau", null, "10/11 14:00", "10/11 15:00")
            .Connect("MOREAU Inès", "", "10/11 15:00", "10/11 16:30")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(2, result.Participants.Count);
        var ines = result.Participants.Single(p => p.Email == "ines.moreau@ac-toulouse.fr");
        Assert.Equal(2, ines.Connections);
        Assert.Equal(150, ines.MinutesInSlot, 1e-9);
        Assert.Equal(0, ines.Reconnections); // 15:00 end and 15:00 start touch: no gap
        Assert.Equal(AttendanceStatus.Present, ines.Status);
    }

    [Fact]
    public void Without_any_email_rows_merge_by_normalised_name()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .User("Jules PETIT", null, replay: 5)
            .Connect("Jules PETIT", null, "10/11 14:00", "10/11 15:00")
            .Connect("jules  petit", " ", "10/11 15:10", "10/11 16:00")
            .Connect("Hugo BERNARD", null, "10/11 14:00", "10/11 16:30")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(2, result.Participants.Count);
        var jules = result.Participants.Single(p => p.LastName == "PETIT");
        Assert.Null(jules.Email);
        Assert.Equal(2, jules.Connections);
        Assert.Equal(110, jules.MinutesInSlot, 1e-9);
        Assert.Equal(5, jules.ReplayMinutes);
        Assert.Equal(3, jules.SourceRows.Count);
    }

    [Fact]
    public void Email_less_row_with_a_name_two_emails_share_stays_apart_and_is_reported()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .User("Louis MARTIN", "louis.martin@ac-toulouse.fr")
            .User("Louis MARTIN", "louis.martin2@ac-toulouse.fr")
            .Connect("Louis MARTIN", null, "10/11 14:00", "10/11 16:30")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(3, result.Participants.Count);
        var apart = result.Participants.Single(p => p.Email is null);
        Assert.Equal(150, apart.MinutesInSlot, 1e-9);
        Assert.All(result.Participants.Where(p => p.Email is not null), p => Assert.Equal(AttendanceStatus.Absent, p.Status));
        var observation = Assert.Single(result.Observations);
        Assert.Equal(("AmbiguousName", ReportBuilder.Presence, 11), (observation.Code, observation.Sheet, observation.Row));
        Assert.DoesNotContain("MARTIN", observation.Message);
    }

    [Fact]
    public void Row_with_neither_email_nor_name_is_kept_as_its_own_person()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .Connect("", null, "10/11 14:00", "10/11 16:30")
            .Connect(" ", null, "10/11 14:00", "10/11 15:00")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(2, result.Participants.Count);
        Assert.Equal(2, result.Participants.Sum(p => p.SourceRows.Count));
    }

    [Fact]
    public void Sommaire_user_only_is_absent_with_replay_figures()
    {
        var report = SeedSessionReport.Build();
        var users = report.Users.Select(u => u.Name == "Léa GIRARD" ? u with { ReplayMinutes = 95.5, RecordingDownloads = 1 } : u).ToList();
        var result = AttendanceEngine.Compute(report with { Users = users }, AttendanceOptions.Default);
        var lea = result.Participants.Single(p => p.Name == "Léa GIRARD");
        Assert.Equal(AttendanceStatus.Absent, lea.Status);
        Assert.Equal(0, lea.MinutesInSlot);
        Assert.Equal(95.5, lea.ReplayMinutes);
        Assert.Equal(1, lea.RecordingDownloads);
        Assert.Equal(3, result.Totals.Absent);
    }

    [Fact]
    public void Replay_is_never_presence()
    {
        var report = new ReportBuilder()
            .Slot("10/11 14:00", "10/11 16:30")
            .User("Zoé FAURE", "zoe.faure@ac-toulouse.fr", replay: 150, downloads: 2)
            .Connect("Zoé FAURE", "zoe.faure@ac-toulouse.fr", "10/11 14:00", "10/11 14:30")
            .Build();
        var zoe = Assert.Single(AttendanceEngine.Compute(report, AttendanceOptions.Default).Participants);
        Assert.Equal(30, zoe.MinutesInSlot, 1e-9);
        Assert.Equal(0.2, zoe.Rate, 1e-9);
        Assert.Equal(AttendanceStatus.Partial, zoe.Status);
        Assert.Equal(150, zoe.ReplayMinutes);
        Assert.Equal(2, zoe.RecordingDownloads);
    }

    [Fact]
    public void Order_is_French_and_accent_insensitive()
    {
        var report = new ReportBuilder()
            .Host("Morel, Théo")
            .User("Zoé ÉMERY", "zoe.emery@x.fr")
            .User("Adam EMERY", "adam.emery@x.fr")
            .User("Léa ELLIS", "lea.ellis@x.fr")
            .User("Théo MOREL", "theo.morel@x.fr")
            .User("Anne FABRE", "b@x.fr")
            .User("Anne FABRE", "a@x.fr")
            .User("Ève ZOLA", "eve.zola@x.fr")
            .Build();
        var result = AttendanceEngine.Compute(report, AttendanceOptions.Default);
        Assert.Equal(
            ["theo.morel@x.fr", "lea.ellis@x.fr", "adam.emery@x.fr", "zoe.emery@x.fr", "a@x.fr", "b@x.fr", "eve.zola@x.fr"],
            result.Participants.Select(p => p.Email));
    }
}
