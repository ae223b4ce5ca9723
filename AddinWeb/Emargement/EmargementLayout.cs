using AddinWeb.Attendance;
using AddinWeb.Reports;

namespace AddinWeb.Emargement;

/// <summary>
/// Lays out the "Émargement" sheet: pure, the same for the ClosedXML and the Office.js renderers. From top to bottom:
/// the title block, the participants' table, the totals, the warnings from validation, the footer (date made, tool
/// version, fingerprint of the source report, the reminder of what to send and by when) and the signature block.
/// </summary>
public static class EmargementLayout
{
    public const string SheetTitle = "Feuille d'émargement — classe virtuelle";
    public const string FingerprintLabel = "Empreinte du rapport source";
    /// <summary>Originals go to the office's manager (EAFC, ex-DAFPEN) within 15 days after the training.</summary>
    public const int DeadlineDays = 15;
    public const string PageFooter = "Page &P / &N";

    private const string Missing = "non indiqué dans le rapport";

    public static SheetLayout Build(EmargementDocument document)
    {
        var sessions = document.Attendance.Sessions;
        var afternoon = document.Options.AfternoonStartsAt;
        var columns = ParticipantTable.Columns(sessions,
            s => $"{FrenchText.ShortDate(s.Start)}\n{SessionPart(s, afternoon)}",
            s => $"{FrenchText.ShortDate(s.Start)} {SessionPart(s, afternoon)}",
            document.Report.Platform, document.Convocation is not null);
        var sheet = new SheetBuilder(columns.Count);
        var pairs = new TitlePairs(sheet);

        WriteTitleBlock(sheet, pairs, document, afternoon);
        sheet.AddBlankRow();
        var (headerRow, _) = ParticipantTable.Write(sheet, columns, document.Attendance.Participants);
        WriteTotals(sheet, pairs, document);
        WriteWarnings(sheet, Warnings(document), columns.Skip(4).Sum(c => c.Width),
            document.Convocation is null ? "Points d'attention relevés dans le rapport source" : ConvocationLayout.WarningsTitle);
        WriteFooter(sheet, pairs, document);
        WriteSignature(sheet, pairs, document);

        return new SheetLayout
        {
            Values = sheet.Values,
            Formats = sheet.Formats,
            Merges = sheet.Merges,
            ColumnWidths = columns.Select(c => c.Width).ToList(),
            RowHeights = sheet.RowHeights,
            FrozenRows = headerRow,
            Print = new PrintSetup
            {
                Orientation = PageOrientation.Landscape,
                PaperSize = PaperType.A4,
                FitToPagesWide = 1,
                FitToPagesTall = 0,
                TitleRows = $"${headerRow}:${headerRow}",
                PrintArea = SheetBuilder.Range(1, 1, sheet.LastRow, sheet.ColumnCount),
                LeftFooter = FooterText(PafLine(document.Report.Header) is { } paf ? $"Émargement — PAF {paf}" : "Émargement"),
                CenterFooter = PageFooter,
                RightFooter = FooterText($"{FingerprintLabel} : {document.Fingerprint}"),
            },
        };
    }

    /// <summary>
    /// What validation found, then what the engine had to decide on its own (sessions inferred, host not found…):
    /// the manager sees both, each once.
    /// </summary>
    public static IReadOnlyList<ReportIssue> Warnings(EmargementDocument document) =>
        document.Warnings.Concat(document.Attendance.Observations).Distinct().ToList();

    /// <summary>"After the session date + 15 days": the last session's day, else the last slot, else the period's end.</summary>
    public static DateOnly? Deadline(EmargementDocument document)
    {
        DateTime? last = document.Attendance.Sessions.Count > 0
            ? document.Attendance.Sessions.Max(s => s.Start)
            : document.Report.Header.Slots.Count > 0 ? document.Report.Header.Slots.Max(s => s.Start) : null;
        if (last is { } day) return DateOnly.FromDateTime(day).AddDays(DeadlineDays);
        return document.Report.Header.Period is { } period ? period.End.AddDays(DeadlineDays) : null;
    }

    /// <summary>The reminder line, addressed to the office the académie configured (the generic EAFC wording by default).</summary>
    public static string Reminder(DateOnly? deadline, EmargementOffice? office = null) =>
        $"À transmettre {(office ?? EmargementOffice.Default).Recipient} avec la convocation, la fiche de rétribution et "
        + "les justificatifs de dépense avant le " + (deadline is { } d ? FrenchText.ShortDate(d) : "(date de la formation + 15 jours)");

    private static void WriteTitleBlock(SheetBuilder sheet, TitlePairs pairs, EmargementDocument document, TimeOnly afternoon)
    {
        var header = document.Report.Header;
        var last = sheet.ColumnCount;

        var title = sheet.AddRow(SheetTitle);
        sheet.Merge(title, 1, last);
        sheet.Height(title, 26);
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(title, 1, title, last), Bold = true, FontSize = 16, FontColor = SheetStyle.Accent,
            VerticalAlignment = VerticalAlignment.Center, Borders = SheetStyle.Underline,
        });

        var training = sheet.AddRow(Text(header.Title) ?? "Intitulé de la formation non indiqué dans le rapport");
        sheet.Merge(training, 1, last);
        sheet.Height(training, 20);
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(training, 1, training, last), NumberFormat = SheetStyle.TextFormat, Bold = true,
            FontSize = 13, FontColor = SheetStyle.Ink, VerticalAlignment = VerticalAlignment.Center, WrapText = true,
        });

        pairs.Add("Référence PAF", Text(header.PafReference) ?? Missing, "Numéro de module", Text(header.ModuleNumber) ?? Missing);
        pairs.Add("Formateur (hôte)", Trainer(document) ?? Missing, "Plateforme", document.Report.Platform);
        pairs.Add("Rapport source",
            header.GeneratedAt is { } generated
                ? $"généré le {FrenchText.ShortDate(generated)} à {FrenchText.Time(generated)}"
                : "date de génération " + Missing,
            "Période du rapport",
            header.Period is { } period
                ? $"du {FrenchText.ShortDate(period.Start)} au {FrenchText.ShortDate(period.End)}"
                : Missing);

        var sessions = document.Attendance.Sessions;
        if (sessions.Count == 0)
            pairs.Add("Créneau", "aucun créneau ni connexion dans le rapport", "Durée prévue", 0.0, SheetStyle.DurationFormat);
        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            var span = FrenchText.SessionSpan(session);
            if (session.Source == SessionSource.HalfDay)
                span += $" ({FrenchText.HalfDay(session, afternoon)}, horaires déduits des connexions)";
            else if (session.Source == SessionSource.Entered)
                span += " (créneau saisi par le formateur)";
            pairs.Add(sessions.Count == 1 ? "Date et créneau" : $"Créneau {i + 1}", span,
                "Durée prévue", ParticipantTable.Days(session.ScheduledMinutes), SheetStyle.DurationFormat);
        }
        if (sessions.Count > 1)
            pairs.Add("Nombre de créneaux", (double)sessions.Count, "Durée prévue totale",
                ParticipantTable.Days(sessions.Sum(s => s.ScheduledMinutes)), SheetStyle.DurationFormat, SheetStyle.CountFormat);
    }

    private static void WriteTotals(SheetBuilder sheet, TitlePairs pairs, EmargementDocument document)
    {
        var totals = document.Attendance.Totals;
        var options = document.Options;
        sheet.AddBlankRow();
        if (document.Convocation is { } convocation)
        {
            ConvocationLayout.WriteTotals(sheet, pairs, totals, convocation);
        }
        else
        {
            Section(sheet, "Bilan des stagiaires (les formateurs ne sont pas comptés)");
            var trainees = (double)(totals.Present + totals.Partial + totals.Absent);
            pairs.Add("Stagiaires présents", (double)totals.Present, "Stagiaires inscrits au rapport", trainees,
                SheetStyle.CountFormat, SheetStyle.CountFormat);
            pairs.Add("Stagiaires partiellement présents", (double)totals.Partial, "Durée prévue par stagiaire",
                ParticipantTable.Days(totals.ScheduledMinutes), SheetStyle.DurationFormat, SheetStyle.CountFormat);
            pairs.Add("Stagiaires absents", (double)totals.Absent, "Total des stagiaires sur les créneaux",
                ParticipantTable.Days(totals.TraineeMinutesInSlot), SheetStyle.DurationFormat, SheetStyle.CountFormat);
        }
        var rule = sheet.AddRow(
            $"Présent : au moins {FrenchText.Percent(options.PresentThreshold)} du temps prévu passé sur les créneaux ; "
            + $"absent : moins de {FrenchText.Percent(options.AbsentThreshold)} ; partiel entre les deux. "
            + $"Arrivée tardive ou départ anticipé : plus de {options.ToleranceMinutes:0} min après le début ou avant la fin d'un créneau. "
            + "Le temps en différé (enregistrement) n'est jamais compté comme présence."
            + (document.Attendance.Participants.Any(p => p.Basis == PresenceBasis.Summary)
                ? $" Quand {document.Report.Platform} ne donne que l'arrivée, le départ et la durée totale, le temps "
                  + "retenu sur les créneaux est le minimum certain (durée totale moins le temps hors créneaux entre "
                  + "l'arrivée et le départ)."
                : "")
            + (document.Convocation is not null ? ConvocationLayout.Rule : ""));
        Note(sheet, rule);
    }

    private static void WriteWarnings(SheetBuilder sheet, IReadOnlyList<ReportIssue> warnings, double messageWidth, string title)
    {
        var last = sheet.ColumnCount;
        sheet.AddBlankRow();
        Section(sheet, warnings.Count == 0 ? $"{title} : aucun" : $"{title} ({warnings.Count})");
        if (warnings.Count == 0)
        {
            Note(sheet, sheet.AddRow("Le rapport source a passé tous les contrôles (totaux, horaires, cohérence des feuilles)."));
            return;
        }

        var head = sheet.AddRow("N°", "Feuille", null, "Ligne", "Constat");
        sheet.Merge(head, 2, 3);
        sheet.Merge(head, 5, last);
        var first = head + 1;
        for (var i = 0; i < warnings.Count; i++)
        {
            var warning = warnings[i];
            var row = sheet.AddRow((double)(i + 1), Text(warning.Sheet) ?? "—", null,
                warning.Row is { } r ? (double)r : null, warning.Message);
            sheet.Merge(row, 2, 3);
            sheet.Merge(row, 5, last);
            var lines = (int)Math.Ceiling(warning.Message.Length / (messageWidth * 1.2));
            if (lines > 1) sheet.Height(row, 13.5 * lines);
        }
        var end = sheet.LastRow;
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(head, 1, end, last), FontSize = SheetStyle.FontSize, FontColor = SheetStyle.Ink,
            VerticalAlignment = VerticalAlignment.Center, Borders = SheetStyle.ThinGrid,
        });
        sheet.Format(new RangeFormat { Range = SheetBuilder.Range(first, 1, end, 1), NumberFormat = SheetStyle.CountFormat, HorizontalAlignment = HorizontalAlignment.Center });
        sheet.Format(new RangeFormat { Range = SheetBuilder.Range(first, 2, end, 3), NumberFormat = SheetStyle.TextFormat, WrapText = true });
        sheet.Format(new RangeFormat { Range = SheetBuilder.Range(first, 4, end, 4), NumberFormat = SheetStyle.CountFormat, HorizontalAlignment = HorizontalAlignment.Center });
        sheet.Format(new RangeFormat { Range = SheetBuilder.Range(first, 5, end, last), NumberFormat = SheetStyle.TextFormat, WrapText = true });
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(head, 1, head, last), Bold = true, Fill = SheetStyle.HeaderFill, HorizontalAlignment = HorizontalAlignment.Center,
        });
    }

    private static void WriteFooter(SheetBuilder sheet, TitlePairs pairs, EmargementDocument document)
    {
        var last = sheet.ColumnCount;
        sheet.AddBlankRow();
        pairs.Add("Feuille établie le", document.CreatedAt.ToOADate(), "Version de l'outil",
            $"Émargement {document.ToolVersion}", leftFormat: SheetStyle.DateTimeFormat);
        pairs.Add(FingerprintLabel, document.Fingerprint, "Calcul de l'empreinte",
            "SHA-256 des cellules du rapport source (16 premiers caractères)");
        if (document.Convocation is { } list) ConvocationLayout.WriteFooter(pairs, list);

        sheet.AddBlankRow();
        var reminder = sheet.AddRow(Reminder(Deadline(document), document.Office));
        sheet.Merge(reminder, 1, last);
        sheet.Height(reminder, 22);
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(reminder, 1, reminder, last), NumberFormat = SheetStyle.TextFormat, Bold = true,
            FontSize = SheetStyle.FontSize + 1, FontColor = SheetStyle.Ink, Fill = SheetStyle.NoticeFill,
            VerticalAlignment = VerticalAlignment.Center, HorizontalAlignment = HorizontalAlignment.Center, WrapText = true, Borders = SheetStyle.Outline,
        });
    }

    private static void WriteSignature(SheetBuilder sheet, TitlePairs pairs, EmargementDocument document)
    {
        sheet.AddBlankRow();
        Section(sheet, "Certifié exact");
        pairs.Add("Nom du formateur", Trainer(document), null, null);
        var date = pairs.Add("Date", null, null, null);
        sheet.Height(date, 24);
        var signature = pairs.Add("Signature", null, null, null);
        sheet.Height(signature, 60);
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(date, TitlePairs.LeftValueFirst, date, TitlePairs.LeftValueLast),
            Borders = new Borders { Bottom = BorderWeight.Thin, Color = SheetStyle.Grid },
        });
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(signature, TitlePairs.LeftValueFirst, signature, TitlePairs.LeftValueLast),
            Borders = SheetStyle.Outline,
        });
    }

    internal static void Section(SheetBuilder sheet, string title)
    {
        var row = sheet.AddRow(title);
        sheet.Merge(row, 1, sheet.ColumnCount);
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(row, 1, row, sheet.ColumnCount), Bold = true, FontSize = 12,
            FontColor = SheetStyle.Accent, Borders = SheetStyle.Underline,
        });
    }

    private static void Note(SheetBuilder sheet, int row)
    {
        sheet.Merge(row, 1, sheet.ColumnCount);
        sheet.Height(row, 27);
        sheet.Format(new RangeFormat
        {
            Range = SheetBuilder.Range(row, 1, row, sheet.ColumnCount), Italic = true, FontSize = 9,
            FontColor = SheetStyle.Muted, WrapText = true, VerticalAlignment = VerticalAlignment.Top,
        });
    }

    /// <summary>"matin"/"après-midi" for a half-day found from the connections, the hours for a scheduled slot.</summary>
    private static string SessionPart(AttendanceSession session, TimeOnly afternoon) =>
        session.Source == SessionSource.HalfDay
            ? FrenchText.HalfDay(session, afternoon)
            : $"{FrenchText.Time(session.Start)}–{FrenchText.Time(session.End)}";

    /// <summary>
    /// The trainer as the report names them (Via's host line), else the participants it marks as trainers
    /// (moderators, organiser), in sheet order.
    /// </summary>
    private static string? Trainer(EmargementDocument document) => Trainer(document.Report, document.Attendance);

    /// <inheritdoc cref="Trainer(EmargementDocument)"/>
    public static string? Trainer(SessionReport report, AttendanceResult attendance) =>
        Text(report.Header.Host)
        ?? Text(string.Join(", ", attendance.Participants
            .Where(p => p.Role == ParticipantRole.Trainer).Select(p => p.Name).Distinct()));

    /// <summary>"20A0160236-68653": the reference and module number, null without a reference.</summary>
    public static string? PafLine(ReportHeader header) =>
        Text(header.PafReference) is { } paf
            ? Text(header.ModuleNumber) is { } module ? $"{paf}-{module}" : paf
            : null;

    /// <summary>An ampersand is a code in Excel's header/footer language: a literal one is doubled.</summary>
    private static string FooterText(string text) => text.Replace("&", "&&");

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
