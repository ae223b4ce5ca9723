using AddinWeb.Convocation;
using AddinWeb.Attendance;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AddinWeb.Upload;

/// <summary>
/// Describes the multipart form of the upload endpoints in Swagger. They read the form themselves (streamed into
/// memory, see <see cref="StreamedUploadAttribute"/>) instead of binding parameters, so Swashbuckle cannot see the
/// fields: without this, "Try it out" would offer no file picker.
/// </summary>
public sealed class UploadFormDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo.DeclaringType != typeof(UploadController))
            return;

        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { UploadController.FileField },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                [UploadController.FileField] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Format = "binary",
                    Description = "Le rapport de session tel que téléchargé depuis la plateforme de classe virtuelle : "
                        + "un classeur .xlsx ou un fichier .csv (encodage et séparateur reconnus). Pour un .csv, le classeur "
                        + "renvoyé contient les données du rapport (dates et durées typées) puis la feuille « Émargement ».",
                },
                [UploadController.ConvocationField] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Format = "binary",
                    Description = "Facultatif : la liste des stagiaires convoqués (GAIA), en .xlsx ou .csv, reconnue à sa ligne "
                        + "d'en-tête (Nom, Prénom, Mél…). Les deux fichiers partagent la taille maximale d'envoi.",
                },
                [UploadController.SlotField] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Pattern = @"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?\s*/\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?\s*$",
                        Example = System.Text.Json.Nodes.JsonValue.Create(SlotInput.Example),
                    },
                    MaxItems = SlotInput.MaxSlots,
                    Description = $"Facultatif, répétable : un créneau prévu par champ, début/fin en heure locale, par exemple "
                        + $"{SlotInput.Example}. Les créneaux saisis remplacent ceux du rapport ; {SlotInput.MaxSlots} au plus, "
                        + $"chacun de {SlotInput.MaxSlotHours:0} heures au plus.",
                },
                [ConvocationChoice.Option.Name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, MaxLength = ConvocationChoice.Option.MaxLength,
                    Description = "Facultatif, sans fichier de liste : la feuille du classeur déposé qui liste les convoqués. "
                        + "Absent, la liste est cherchée parmi les autres feuilles ; vide, aucune liste (« ce n'est pas la liste »).",
                },
                ["presentThreshold"] = Number("Taux à partir duquel un participant est « Présent », entre 0 et 1 (0,8 par défaut).", 0, 1),
                ["absentThreshold"] = Number("Taux en dessous duquel un participant est « Absent », entre 0 et 1 (0,1 par défaut).", 0, 1),
                ["toleranceMinutes"] = Number("Tolérance en minutes pour les arrivées tardives et les départs anticipés (10 par défaut).", 0, 240),
                ["afternoonStartsAt"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Pattern = @"^([01]?\d|2[0-3]):[0-5]\d$",
                    Description = "Sans créneau dans le rapport : heure de début de l'après-midi, HH:mm (13:00 par défaut).",
                },
            },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType> { ["multipart/form-data"] = new OpenApiMediaType { Schema = form } },
        };
    }

    private static OpenApiSchema Number(string description, double minimum, double maximum) => new()
    {
        Type = JsonSchemaType.Number,
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Description = description,
    };
}
