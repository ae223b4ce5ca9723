namespace AddinWeb.Emargement;

/// <summary>Number formats and the sober Office (Fluent) palette of the sheet; light fills so it prints well.</summary>
public static class SheetStyle
{
    public const string DateTimeFormat = "dd/mm/yyyy hh:mm";
    public const string DurationFormat = "[h]:mm";
    /// <summary>One decimal: 79.6 % must not read "80 %" on a row marked "Partiel" at an 80 % threshold.</summary>
    public const string PercentFormat = "0.0%";
    public const string CountFormat = "0";
    public const string TextFormat = "@";

    public const string Accent = "#0F6CBD";
    public const string Ink = "#242424";
    public const string Muted = "#605E5C";
    public const string HeaderFill = "#DEECF9";
    public const string TrainerFill = "#F3F2F1";
    public const string NoticeFill = "#FFF4CE";
    public const string Grid = "#8A8886";

    public const double FontSize = 10;

    internal static Borders ThinGrid => new() { Outline = BorderWeight.Thin, Inside = BorderWeight.Thin, Color = Grid };
    internal static Borders Outline => new() { Outline = BorderWeight.Thin, Color = Grid };
    internal static Borders Underline => new() { Bottom = BorderWeight.Medium, Color = Accent };
}
