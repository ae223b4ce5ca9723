using AddinWeb.Attendance;
using AddinWeb.Convocation;
using AddinWeb.Reports;

namespace AddinWeb.Emargement;

/// <summary>
/// What the sheet says of the convened list when there is one: the bilan of the convened (present, partial, absent)
/// with the uninvited counted apart, the list's sheet and fingerprint in the footer, and the "non convoqué(e)" mark.
/// Without a list none of it is written and the sheet is as before.
/// </summary>
internal static class ConvocationLayout
{
    public const string WarningsTitle = "Points d'attention relevés dans le rapport source et la liste des convoqués";

    public const string NotConvened = "Non convoqué(e)";

    /// <summary>A pale fill for the rows of participants who were not convened (they come last in the table).</summary>
    public const string NotConvenedFill = "#FCF3E8";

    /// <summary>Said under the bilan, after the thresholds.</summary>
    public const string Rule =
        " Les stagiaires convoqués sans aucune connexion sont comptés absents ; les participants non convoqués sont "
        + "comptés à part et ne font pas partie des présents, partiels ou absents.";

    /// <summary>The Rôle column: "Non convoqué(e)" for a trainee the list does not name, the role otherwise.</summary>
    public static string Role(ParticipantAttendance participant) =>
        participant.Role == ParticipantRole.Trainee && participant.Convened == false ? NotConvened : FrenchText.Role(participant.Role);

    public static void WriteTotals(SheetBuilder sheet, TitlePairs pairs, AttendanceTotals totals, ConvocationSummary list)
    {
        EmargementLayout.Section(sheet, "Bilan des stagiaires convoqués (les formateurs ne sont pas comptés)");
        pairs.Add("Stagiaires convoqués", (double)(totals.Convened ?? 0), "Liste des convoqués", Where(list));
        pairs.Add("Stagiaires présents", (double)totals.Present, "Durée prévue par stagiaire",
            ParticipantTable.Days(totals.ScheduledMinutes), SheetStyle.DurationFormat, SheetStyle.CountFormat);
        pairs.Add("Stagiaires partiellement présents", (double)totals.Partial, "Total des convoqués sur les créneaux",
            ParticipantTable.Days(totals.TraineeMinutesInSlot), SheetStyle.DurationFormat, SheetStyle.CountFormat);
        pairs.Add("Stagiaires absents", (double)totals.Absent, "Participants non convoqués", (double)(totals.NotConvened ?? 0),
            SheetStyle.CountFormat, SheetStyle.CountFormat);
    }

    /// <summary>The list's fingerprint under the report's (the bilan already names the list).</summary>
    public static void WriteFooter(TitlePairs pairs, ConvocationSummary list) =>
        pairs.Add("Empreinte de la liste des convoqués", list.Fingerprint, "Calcul de l'empreinte de la liste",
            $"SHA-256 des cellules de la feuille « {list.Sheet} » (16 premiers caractères)");

    /// <summary>"feuille « Liste GAIA » (12 personnes)", or the file and its sheet.</summary>
    private static string Where(ConvocationSummary list)
    {
        var people = list.People == 1 ? "1 personne" : $"{list.People} personnes";
        return list.File is { } file
            ? $"fichier « {file} », feuille « {list.Sheet} » ({people})"
            : $"feuille « {list.Sheet} » ({people})";
    }
}
