using AddinWeb.Reports.Grid;
using AddinWeb.Reports.Text;

namespace AddinWeb.Reports.Via;

/// <summary>Reads a Ma cl@sse virtuelle (Via, SVI eSolutions) session report: "Sommaire" and "Temps de connexion en présence".</summary>
public sealed class ViaReportSource : IReportSource
{
    public const string PlatformName = "Ma cl@sse virtuelle";

    public string Format => "via";

    public string Platform => PlatformName;

    public string Expected => $"un classeur .xlsx aux feuilles « {ViaSheets.SummaryName} » et « {ViaSheets.PresenceName} »";

    public bool Recognises(WorkbookGrid workbook) =>
        ViaSheets.Summary(workbook) is not null || ViaSheets.Presence(workbook) is not null;

    /// <summary>
    /// Reads and checks the report (<see cref="ViaValidator"/>: totals, "Sommaire" against the presence rows), then
    /// hands on the platform-neutral report: each "Sommaire" row lists a person (with replay figures), each presence
    /// row is a connection; the host line names the trainer.
    /// </summary>
    public ReportReadResult Read(WorkbookGrid workbook)
    {
        var read = ReadVia(workbook);
        if (read.HasErrors || read.Report is not { } via)
            return new ReportReadResult(null, read.Issues);
        return new ReportReadResult(ToSessionReport(via), [.. read.Issues, .. ViaValidator.Validate(via)]);
    }

    public static SessionReport ToSessionReport(ViaReport via) => new()
    {
        Platform = PlatformName,
        Header = via.Header,
        Users = via.Users.Select(u => new UserSummary
        {
            Source = u.Source,
            Name = u.Name,
            Email = u.Email,
            ReplayMinutes = u.ReplayMinutes,
            RecordingDownloads = u.RecordingDownloads,
        }).ToList(),
        Connections = via.Connections.Select(c => new Connection
        {
            Source = c.Source, Name = c.Name, Email = c.Email, Start = c.Start, End = c.End,
        }).ToList(),
        SourceSheets = [via.SummarySheet, via.PresenceSheet],
    };

    /// <summary>
    /// The fingerprint of a Via workbook's sheets, each in its role (summary, presence, other): what the analysis
    /// gives for a Via report, for the tests and benchmarks that fingerprint sheets without analysing them.
    /// </summary>
    public static string Fingerprint(IEnumerable<SheetGrid> sheets) => ReportFingerprint.Compute(sheets, ViaSheets.Role);

    /// <summary>The report with every figure of its two sheets, and what the reader found on the way (no checks yet).</summary>
    public ViaReadResult ReadVia(WorkbookGrid workbook)
    {
        var issues = new List<ReportIssue>();
        var summarySheet = ViaSheets.Summary(workbook);
        var presenceSheet = ViaSheets.Presence(workbook);
        if (summarySheet is null)
            issues.Add(MissingSheet(ViaSheets.SummaryName, workbook));
        if (presenceSheet is null)
            issues.Add(MissingSheet(ViaSheets.PresenceName, workbook));

        var summaryHeader = summarySheet is null ? null
            : FindHeader(summarySheet, ViaHeaders.SummaryRequired, ViaHeaders.SummaryColumns, issues);
        var presenceHeader = presenceSheet is null ? null
            : FindHeader(presenceSheet, ViaHeaders.PresenceRequired, ViaHeaders.PresenceColumns, issues);
        if (summaryHeader is null || presenceHeader is null)
            return new ViaReadResult(null, issues);

        var summaryTitle = TitleBlockParser.Parse(TitleLine.Above(summarySheet!, summaryHeader.RowIndex), isPresenceSheet: false);
        var presenceTitle = TitleBlockParser.Parse(TitleLine.Above(presenceSheet!, presenceHeader.RowIndex), isPresenceSheet: true);
        var header = MergeHeaders(summarySheet!, summaryTitle, presenceSheet!, presenceTitle, issues);

        var summaryReader = new ViaTableReader(summarySheet!, summaryHeader, issues);
        var users = summaryReader.ReadSummary();
        var presenceReader = new ViaTableReader(presenceSheet!, presenceHeader, issues);
        var connections = presenceReader.ReadPresence();

        var report = new ViaReport
        {
            Header = header,
            Users = users,
            Connections = connections,
            Totals = [.. summaryReader.Totals, .. presenceReader.Totals],
            SummarySheet = summarySheet!.Name,
            PresenceSheet = presenceSheet!.Name,
            SummaryTable = summaryReader.Table,
            PresenceTable = presenceReader.Table,
        };
        return new ViaReadResult(report, issues);
    }

    /// <summary>
    /// The title block lives mostly in "Sommaire"; the presence sheet repeats part of it and carries the time zone.
    /// Each field comes from "Sommaire" when it has it, else from the presence sheet.
    /// </summary>
    private static ReportHeader MergeHeaders(SheetGrid summarySheet, TitleBlock summary, SheetGrid presenceSheet,
        TitleBlock presence, List<ReportIssue> issues)
    {
        var period = summary.Period ?? presence.Period;
        var generatedAt = summary.GeneratedAt ?? presence.GeneratedAt;
        var slotSheet = summary.Slots.Count > 0 || presence.Slots.Count == 0 ? summarySheet : presenceSheet;
        var slotLines = slotSheet == summarySheet ? summary.Slots : presence.Slots;
        var unresolved = new List<SlotLine>();
        var slots = TitleBlockParser.ResolveSlots(slotLines, period, generatedAt, unresolved);

        foreach (var line in unresolved)
            issues.Add(UnreadableSlot(slotSheet.Name, line.ExcelRow, line.Column));
        foreach (var line in summary.UnreadableSlots)
            issues.Add(UnreadableSlot(summarySheet.Name, line.ExcelRow, line.Column));
        foreach (var line in presence.UnreadableSlots)
            issues.Add(UnreadableSlot(presenceSheet.Name, line.ExcelRow, line.Column));

        return new ReportHeader
        {
            Title = summary.Title ?? presence.Title,
            PafReference = summary.PafReference ?? presence.PafReference,
            ModuleNumber = summary.PafReference is not null ? summary.ModuleNumber : presence.ModuleNumber,
            Host = summary.Host ?? presence.Host,
            Period = period,
            GeneratedAt = generatedAt,
            Slots = slots,
            Organisation = summary.Organisation.Count > 0 ? summary.Organisation : presence.Organisation,
            TimeZoneLabel = presence.TimeZoneLabel ?? summary.TimeZoneLabel,
        };
    }

    private static HeaderMatch? FindHeader(SheetGrid sheet, ViaColumn[] required, ViaColumn[] allowed,
        List<ReportIssue> issues)
    {
        var found = ViaHeaders.Find(sheet, required, allowed, out var best);
        if (found is not null)
            return found;

        var expected = string.Join(", ", required.Select(c => $"« {ViaColumns.Title(c)} »"));
        string what;
        int? row = null;
        if (best is null)
            what = $"la ligne d'en-tête du tableau est introuvable. En-têtes attendus : {expected}. "
                + "Aucune ligne de la feuille ne ressemble à cette ligne d'en-tête.";
        else
        {
            row = sheet.ExcelRow(best.RowIndex);
            var missing = string.Join(", ", required.Where(c => !best.Columns.ContainsKey(c))
                .Select(c => $"« {ViaColumns.Title(c)} »"));
            what = $"la ligne d'en-tête du tableau est incomplète. En-têtes attendus : {expected}. "
                + $"Trouvé à la place : {HeaderTexts(sheet.Rows[best.RowIndex])} ; il manque {missing}.";
        }
        issues.Add(ReportLocation.Error("MissingHeader", sheet.Name, row, null, what));
        return null;
    }

    /// <summary>
    /// The texts of the closest header row, to show what was found instead. Only that row is quoted (it has at
    /// least two recognised titles, so it is a header, not a person), and never a cell that looks like an email.
    /// </summary>
    private static string HeaderTexts(IReadOnlyList<Cell> row)
    {
        var texts = row.Where(c => c.Kind == CellKind.Text && !c.IsEmpty && !c.Text!.Contains('@'))
            .Select(c => $"« {TextNormalizer.CollapseSpaces(c.Text)} »").ToList();
        return texts.Count > 0 ? string.Join(", ", texts) : "aucun titre";
    }

    private static ReportIssue MissingSheet(string expected, WorkbookGrid workbook)
    {
        var found = workbook.Sheets.Count == 0 ? "aucune"
            : string.Join(", ", workbook.Sheets.Select(s => $"« {s.Name} »"));
        return new ReportIssue(IssueSeverity.Error, "MissingSheet",
            $"La feuille « {expected} » est introuvable : ce classeur n'est pas un rapport de session Ma cl@sse virtuelle "
            + $"complet. Feuilles présentes : {found}. Ouvrez le rapport tel que téléchargé depuis la plateforme "
            + "(bouton « Rapport » de l'activité).");
    }

    private static ReportIssue UnreadableSlot(string sheet, int row, string column) =>
        ReportLocation.Warning("UnreadableSlot", sheet, row, column, null,
            "ce créneau horaire n'a pas de date lisible (attendu : 10 novembre - 14:00 à 16:30) ; il n'est pas pris en compte.");
}
