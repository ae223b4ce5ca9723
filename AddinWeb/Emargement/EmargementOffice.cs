namespace AddinWeb.Emargement;

/// <summary>
/// The office the signed sheet goes to. Since 2022 each académie's continuing-education office is its EAFC (École
/// académique de la formation continue), some keeping a DAFPEN or DAFOR division; an académie names its own, with
/// its address, in configuration (<c>Emargement:Office:Name</c>, <c>Emargement:Office:Address</c>).
/// </summary>
/// <param name="Name">The office as it signs its letters, without article, e.g. "EAFC de l'académie de Toulouse —
/// pôle DAFPEN"; null for the generic wording.</param>
/// <param name="Address">Where to send the originals, e.g. "75 rue Saint-Roch, 31400 Toulouse"; null when not given.</param>
public sealed record EmargementOffice(string? Name = null, string? Address = null)
{
    /// <summary>The generic wording, right in every académie.</summary>
    public static readonly EmargementOffice Default = new();

    /// <summary>Longest name and address accepted: one line of the sheet's reminder.</summary>
    public const int MaxNameLength = 150, MaxAddressLength = 200;

    /// <summary>
    /// Who the reminder line addresses: "au gestionnaire de l'EAFC (ex-DAFPEN)" by default; "au gestionnaire de
    /// formation — {Name}, {Address} —" when configured.
    /// </summary>
    public string Recipient =>
        Text(Name) is not { } name
            ? "au gestionnaire de l'EAFC (ex-DAFPEN)"
            : Text(Address) is { } address
                ? $"au gestionnaire de formation — {name}, {address} —"
                : $"au gestionnaire de formation — {name} —";

    /// <summary>What is wrong with a configured office, in French (empty when nothing is).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Text(Address) is not null && Text(Name) is null)
            problems.Add("Emargement:Office:Address est donnée sans Emargement:Office:Name : indiquez aussi le nom du service.");
        if (Name is { } name && (name.Trim().Length > MaxNameLength || name.Any(char.IsControl)))
            problems.Add($"Emargement:Office:Name doit tenir sur une ligne de {MaxNameLength} caractères au plus.");
        if (Address is { } address && (address.Trim().Length > MaxAddressLength || address.Any(char.IsControl)))
            problems.Add($"Emargement:Office:Address doit tenir sur une ligne de {MaxAddressLength} caractères au plus.");
        return problems;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
