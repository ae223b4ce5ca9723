using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Reports;
using AddinWeb.Tests.Attendance;
using static AddinWeb.Tests.Convocation.ConvocationSheets;

namespace AddinWeb.Tests.Convocation;

/// <summary>
/// Matching the convened list to the report's participants on Via's seed and on hand-made reports of the other
/// platforms' kinds (BigBlueButton: summaries, no email; Teams: roles, guests, homonyms; Zoom: host by email,
/// "Name (Original Name)").
/// </summary>
public sealed class ConvocationMatchingTests
{
    private static readonly AttendanceOptions Morning = new() { Slots = [NeutralReports.Slot] };

    private static (AttendanceResult Attendance, IReadOnlyList<ReportIssue> Warnings) Apply(SessionReport report,
        AddinWeb.Reports.Grid.SheetGrid list, AttendanceOptions? options = null) =>
        ConvenedAttendance.Apply(AttendanceEngine.Compute(report, options ?? AttendanceOptions.Default), ConvocationReader.Read(list)!);

    private static ParticipantAttendance Person(AttendanceResult attendance, string name) =>
        attendance.Participants.Single(p => p.Name == name);

    [Fact]
    public void Via_seed_every_convened_trainee_has_a_row_absentees_included_and_the_uninvited_is_flagged()
    {
        var before = AttendanceEngine.Compute(SeedSessionReport.Build(), AttendanceOptions.Default);
        var (after, warnings) = ConvenedAttendance.Apply(before, ConvocationReader.Read(Gaia())!);

        Assert.Empty(warnings);
        Assert.Equal(
            ["STAMMINGER", "BERNARD", "BLANC", "DA SILVA", "DURAND", "FOURNIER", "GIRARD", "LAMBERT", "LEFÈVRE", "MARTIN",
             "MOREAU", "MOREL", "PETIT", "ROUX", "FAURE"],
            after.Participants.Select(p => p.LastName));
        Assert.Equal([false, .. Enumerable.Repeat(true, 13), false], after.Participants.Select(p => p.Convened!.Value));

        // Never connected: absent, no connection, no report row; traced to the list's row.
        var blanc = Person(after, "Sophie BLANC");
        Assert.Equal((ParticipantRole.Trainee, AttendanceStatus.Absent, PresenceBasis.None, 0), (blanc.Role, blanc.Status, blanc.Basis, blanc.Connections));
        Assert.Equal("sophie.blanc@ac-toulouse.fr", blanc.Email);
        Assert.Empty(blanc.SourceRows);
        Assert.Equal(new SourceRef("Convoqués", 17), blanc.ConvocationRow);
        Assert.Equal([AttendanceStatus.Absent], blanc.Sessions.Select(s => s.Status));
        Assert.Null(Person(after, "Marie-Hélène DA SILVA").Email);

        // Matched: the report's figures, untouched; email case aside (MARTIN), name without accent nor email (LEFÈVRE).
        foreach (var participant in before.Participants)
        {
            var same = after.Participants.Single(p => p.SourceRows.SequenceEqual(participant.SourceRows));
            Assert.Equal(participant with { Convened = same.Convened, ConvocationRow = same.ConvocationRow }, same);
        }
        Assert.Equal(new SourceRef("Convoqués", 7), Person(after, "Louis MARTIN").ConvocationRow);
        Assert.Equal(new SourceRef("Convoqués", 8), Person(after, "Chloé LEFÈVRE").ConvocationRow);
        Assert.Null(Person(after, "Zoé FAURE").ConvocationRow);
        Assert.Null(Person(after, "Elsa STAMMINGER").ConvocationRow);

        // The seed alone: 7 present, 2 partial, 3 absent. Zoé FAURE (present, 150 min) was not convened; two convened
        // trainees never connected.
        Assert.Equal((7, 2, 3), (before.Totals.Present, before.Totals.Partial, before.Totals.Absent));
        Assert.Equal(AttendanceStatus.Present, Person(after, "Zoé FAURE").Status);
        var totals = after.Totals;
        Assert.Equal((13, 6, 2, 5, 1), (totals.Convened, totals.Present, totals.Partial, totals.Absent, totals.NotConvened));
        Assert.Equal(before.Totals.TraineeMinutesInSlot - 150, totals.TraineeMinutesInSlot, 6);
        Assert.Equal(before.Totals.ScheduledMinutes, totals.ScheduledMinutes);
        Assert.Equal(before.Sessions, after.Sessions);
        Assert.Equal(before.Observations, after.Observations);
    }

    [Fact]
    public void Without_a_list_the_engine_leaves_convened_null()
    {
        var attendance = AttendanceEngine.Compute(SeedSessionReport.Build(), AttendanceOptions.Default);
        Assert.All(attendance.Participants, p => Assert.Null(p.Convened));
        Assert.Null(attendance.Totals.Convened);
        Assert.Null(attendance.Totals.NotConvened);
    }

    [Fact]
    public void BigBlueButton_names_without_email_are_matched_whatever_their_case_order_and_compound_spelling()
    {
        var (after, warnings) = Apply(NeutralReports.BigBlueButton(), NeutralReports.BigBlueButtonList(), Morning);

        Assert.Empty(warnings);
        Assert.Equal(["Agnès Formatrice", "Jean Pierre Delafontaine", "Bruno Martin", "chloe petit", "Denis ROUSSEAU", "Invité 1"],
            after.Participants.Select(p => p.Name));
        Assert.Equal([false, true, true, true, true, false], after.Participants.Select(p => p.Convened!.Value));
        Assert.Equal(new SourceRef("Liste GAIA", 5), Person(after, "Jean Pierre Delafontaine").ConvocationRow);
        // Summaries keep their own figures and basis; the email the report lacks is not taken from the list.
        var bruno = Person(after, "Bruno Martin");
        Assert.Equal(PresenceBasis.Summary, bruno.Basis);
        Assert.Null(bruno.Email);
        var denis = Person(after, "Denis ROUSSEAU");
        Assert.Equal((AttendanceStatus.Absent, "denis.rousseau@ac-exemple.fr"), (denis.Status, denis.Email));
        Assert.Equal((4, 1), (after.Totals.Convened, after.Totals.NotConvened));
        Assert.Equal(after.Totals.Convened, after.Totals.Present + after.Totals.Partial + after.Totals.Absent);
    }

    [Fact]
    public void Teams_the_trainer_on_the_list_is_not_a_convened_trainee_and_uncertain_matches_are_warned_naming_both_rows()
    {
        var (after, warnings) = Apply(NeutralReports.Teams(), NeutralReports.TeamsList(), Morning);

        var trainer = Person(after, "Agnès Formatrice");
        Assert.Equal((ParticipantRole.Trainer, false), (trainer.Role, trainer.Convened!.Value));
        Assert.Equal(new SourceRef("Convocation", 2), trainer.ConvocationRow);

        // Same name, the list's academic address against the report's personal one: matched, and said.
        var chloe = Person(after, "Chloé Petit");
        Assert.Equal((true, new SourceRef("Convocation", 4)), (chloe.Convened!.Value, chloe.ConvocationRow));
        // A guest without email, "(invité)" added by the platform: matched by name.
        Assert.True(Person(after, "Denis Rousseau (invité)").Convened);
        // Two attendees named Paul Simon, two addresses: the list's Paul SIMON (no email) is neither; his row is absent.
        Assert.All(after.Participants.Where(p => p.Name == "Paul Simon"), p => Assert.False(p.Convened));
        var paul = Person(after, "Paul SIMON");
        Assert.Equal((AttendanceStatus.Absent, 0, true), (paul.Status, paul.SourceRows.Count, paul.Convened!.Value));

        Assert.Equal(
        [
            (ConvenedAttendance.TrainerListed, 2),
            (ConvocationMatcher.EmailsDiffer, 4),
            (ConvocationMatcher.AmbiguousMatch, 5),
        ], warnings.Select(w => (w.Code, w.Row!.Value)).OrderBy(w => w.Item2));
        Assert.All(warnings, w => Assert.Equal(("Convocation", IssueSeverity.Warning), (w.Sheet!, w.Severity)));
        Assert.Equal("Feuille « Convocation », ligne 5 : cette personne convoquée porte le même nom que plusieurs participants du "
            + "rapport (feuille « teams-attendance », lignes 13 et 14) ; aucun rapprochement n'a été fait : vérifiez à la main "
            + "qui était présent.", warnings.Single(w => w.Code == ConvocationMatcher.AmbiguousMatch).Message);
        Assert.Equal("Feuille « Convocation », ligne 4 : rapprochée par le nom du participant du rapport (feuille "
            + "« teams-attendance », ligne 12), dont l'adresse électronique diffère de celle de la liste : vérifiez qu'il "
            + "s'agit bien de la même personne.", warnings.Single(w => w.Code == ConvocationMatcher.EmailsDiffer).Message);
        Assert.Contains("feuille « teams-attendance », ligne 10", warnings.Single(w => w.Code == ConvenedAttendance.TrainerListed).Message);
        AssertNoPersonalData(warnings, "Agnès", "Formatrice", "Bruno", "Chloé", "Petit", "Paul", "Simon", "Denis", "Rousseau", "gmail");

        // Trainers are never counted: 4 convened trainees (Bruno, Chloé, Denis, Paul SIMON), 2 uninvited Paul Simon.
        Assert.Equal((4, 2), (after.Totals.Convened, after.Totals.NotConvened));
    }

    [Fact]
    public void Zoom_email_accents_aside_and_the_original_name_in_brackets()
    {
        var (after, warnings) = Apply(NeutralReports.Zoom(), NeutralReports.ZoomList(), Morning);

        Assert.Empty(warnings);
        Assert.Equal(ParticipantRole.Trainer, Person(after, "Agnès Formatrice").Role);
        Assert.Equal(new SourceRef("Liste", 3), Person(after, "Chloé Petit (Chloé)").ConvocationRow);
        // "éric.duval@" on the list, "eric.duval@" in the report: one address, whatever the names.
        Assert.Equal(new SourceRef("Liste", 4), Person(after, "Eric Duval").ConvocationRow);
        Assert.Equal((3, 0), (after.Totals.Convened, after.Totals.NotConvened));
        Assert.Equal(4, after.Participants.Count);
    }

    [Fact]
    public void A_participant_two_convened_people_could_be_is_matched_to_neither()
    {
        var report = new ReportBuilder().Slot("10/11 14:00", "10/11 16:30")
            .Connect("Paul Simon", null, "10/11 14:00", "10/11 16:30").Build();
        var list = Sheet("Liste", [["Nom", "Prénom", "Mél"], ["SIMON", "Paul", "paul.simon@x.fr"], ["SIMON", "Paul", "paul.simon@y.fr"]]);

        var (after, warnings) = Apply(report, list);

        var warning = Assert.Single(warnings, w => w.Code == ConvocationMatcher.AmbiguousMatch);
        Assert.Equal(("Liste", 2), (warning.Sheet, warning.Row));
        Assert.Equal("Feuille « Liste », ligne 2 : le participant du rapport (feuille « Temps de connexion en présence », "
            + "ligne 11) porte le même nom que plusieurs personnes convoquées (feuille « Liste », lignes 2 et 3) ; aucun "
            + "rapprochement n'a été fait : vérifiez à la main qui était présent.", warning.Message);
        Assert.Equal([false, true, true], after.Participants.Select(p => p.Convened!.Value).Order());
        Assert.Equal((2, 0, 2, 1), (after.Totals.Convened, after.Totals.Present, after.Totals.Absent, after.Totals.NotConvened));
    }

    [Fact]
    public void Close_names_are_pointed_out_never_matched()
    {
        var report = new ReportBuilder().Slot("10/11 14:00", "10/11 16:30")
            .Connect("Marie DUPONT", null, "10/11 14:00", "10/11 16:30")
            .Connect("Bruno", null, "10/11 14:00", "10/11 16:30").Build();
        var list = Sheet("Liste", [["NOM Prénom"], ["DUPONT-MARTIN Marie"], ["MARTIN Bruno"]]);

        var (after, warnings) = Apply(report, list);

        Assert.Equal([(ConvocationMatcher.PossibleMatch, 2), (ConvocationMatcher.PossibleMatch, 3)],
            warnings.Select(w => (w.Code, w.Row!.Value)));
        Assert.Contains("(feuille « Temps de connexion en présence », ligne 11)", warnings[0].Message);
        Assert.Contains("(feuille « Temps de connexion en présence », ligne 12)", warnings[1].Message);
        Assert.Equal((2, 0, 2), (after.Totals.Convened, after.Totals.Present, after.Totals.NotConvened));
        AssertNoPersonalData(warnings, "Marie", "DUPONT", "Bruno", "MARTIN");
    }

    [Fact]
    public void Matching_does_not_depend_on_the_order_of_the_lists_rows()
    {
        var list = ConvocationReader.Read(Gaia())!;
        var reversed = list with { People = list.People.Reverse().ToList() };
        var attendance = AttendanceEngine.Compute(SeedSessionReport.Build(), AttendanceOptions.Default);

        var (a, _) = ConvenedAttendance.Apply(attendance, list);
        var (b, _) = ConvenedAttendance.Apply(attendance, reversed);

        Assert.Equal(AttendanceJson.Of(a), AttendanceJson.Of(b));
    }

    internal static void AssertNoPersonalData(IEnumerable<ReportIssue> issues, params string[] personal)
    {
        foreach (var issue in issues)
            foreach (var text in personal)
                Assert.DoesNotContain(text, issue.Message.Replace("teams-attendance", ""), StringComparison.OrdinalIgnoreCase);
    }
}
