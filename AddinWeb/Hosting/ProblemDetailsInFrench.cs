using Microsoft.AspNetCore.Http;

namespace AddinWeb.Hosting;

/// <summary>
/// French titles and details for the answers ASP.NET writes itself (404, 405, 415, …) through the ProblemDetails
/// service, including MVC's and the status code pages'.
/// </summary>
internal static class ProblemDetailsInFrench
{
    private static readonly Dictionary<int, (string Title, string Detail)> Texts = new()
    {
        [400] = ("Requête invalide", "La requête n'a pas pu être comprise."),
        [401] = ("Authentification requise", "Cette ressource demande une authentification."),
        [403] = ("Accès refusé", "Vous n'avez pas accès à cette ressource."),
        [404] = ("Ressource introuvable", "L'adresse demandée n'existe pas sur ce service. Vérifiez le lien ou rechargez le complément."),
        [405] = ("Méthode non autorisée", "Cette adresse n'accepte pas cette méthode HTTP."),
        [406] = ("Format de réponse non disponible", "Ce service répond en JSON (application/json)."),
        [408] = ("Délai dépassé", "La requête a mis trop de temps à arriver. Réessayez."),
        [413] = ("Requête trop volumineuse", "Les données envoyées dépassent la taille maximale acceptée."),
        [415] = ("Type de contenu non pris en charge", "Envoyez les données en JSON (Content-Type: application/json), ou un fichier .xlsx pour le dépôt de fichier."),
        [422] = ("Données inutilisables", "Les données envoyées ne peuvent pas être traitées."),
        [429] = ("Trop de requêtes", "Trop de requêtes en peu de temps. Patientez quelques instants puis réessayez."),
        [500] = ("Erreur interne du serveur", "Une erreur du service a empêché de répondre. Réessayez dans quelques instants."),
        [503] = ("Service indisponible", "Le service est momentanément indisponible. Réessayez dans quelques instants."),
        [504] = ("Délai dépassé", "Le traitement a pris trop de temps et a été interrompu. Réessayez ; si le rapport est très grand, découpez-le."),
    };

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!Texts.TryGetValue(status, out var text)) return;
        // Only replace ASP.NET's English defaults; the titles written by this application are already French.
        if (problem.Title is null || IsEnglishDefault(problem.Title)) problem.Title = text.Title;
        if (problem.Detail is null) problem.Detail = text.Detail;
    }

    private static bool IsEnglishDefault(string title) => title is
        "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Method Not Allowed" or "Not Acceptable"
        or "Request Timeout" or "Payload Too Large" or "Content Too Large" or "Unsupported Media Type"
        or "Unprocessable Entity" or "Unprocessable Content" or "Too Many Requests" or "Service Unavailable"
        or "Gateway Timeout" or "An error occurred while processing your request."
        or "One or more validation errors occurred.";
}
