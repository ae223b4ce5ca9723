using Swashbuckle.AspNetCore.SwaggerGen;

namespace AddinWeb.Upload;

public static class UploadServices
{
    /// <summary>The upload feature: package guard, file reader, and its form described in Swagger.</summary>
    public static IServiceCollection AddUpload(this IServiceCollection services)
    {
        services.AddSingleton<XlsxPackageGuard>();
        services.AddSingleton<UploadReader>();
        services.Configure<SwaggerGenOptions>(swagger => swagger.OperationFilter<UploadFormDocumentation>());
        return services;
    }
}
