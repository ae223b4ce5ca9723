using AddinWeb.Emargement;

namespace AddinWeb.Api;

/// <summary>
/// Where the task pane puts the new sheet, named by the backend from the workbook's sheet names
/// (<see cref="SheetNaming"/>, the same rules as the upload's): the pane asks the trainer only when
/// <see cref="Existing"/> is set, then uses <see cref="Free"/> ("keep both") or replaces <see cref="Existing"/>.
/// </summary>
public sealed record SheetPlacement
{
    /// <summary>The layout's name, "Émargement".</summary>
    public required string Wanted { get; init; }
    /// <summary>The sheet that already has that name, as the workbook spells it; null when the name is free.</summary>
    public string? Existing { get; init; }
    /// <summary>The name to give the new sheet beside the existing one: "Émargement (2)"…; the wanted name when free.</summary>
    public required string Free { get; init; }
    /// <summary>The hidden sheet's name while it is painted, taken by no sheet.</summary>
    public required string Temporary { get; init; }

    public static SheetPlacement For(string wanted, IReadOnlyCollection<string> names) => new()
    {
        Wanted = wanted,
        Existing = SheetNaming.Existing(wanted, names),
        Free = SheetNaming.Free(wanted, names),
        Temporary = SheetNaming.Temporary(names),
    };
}
