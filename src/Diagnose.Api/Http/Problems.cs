using Diagnose.Api.Uploads;

namespace Diagnose.Api.Http;

/// <summary>
/// Every error the service returns, as RFC 9457 problem+json with a stable <c>type</c> and a precise
/// <c>detail</c>. Details name the client's input (label, offset, line), never a server path.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:diagnose:problem:";

    public static IResult Result(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        new ProblemResult(status, TypePrefix + type, title, detail, extensions);

    public static IResult Result(UploadRejectedException e, string? analysisId) =>
        Result(e.Status, e.Type, e.Title, e.Message, analysisId is null ? null : new Dictionary<string, object?> { ["analysisId"] = analysisId });

    public static IResult NotFound(string what, string id) =>
        Result(StatusCodes.Status404NotFound, "not-found", $"Unknown {what}", $"there is no {what} with id '{Echo(id)}'");

    /// <summary>A client's value as a detail may quote it: control characters (a NUL from <c>%00</c>) shown as '?', at most 64 characters.</summary>
    public static string Echo(string value)
    {
        var clean = new string([.. value.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 64 ? clean + "…" : clean;
    }

    public static IResult BadQuery(string detail) =>
        Result(StatusCodes.Status400BadRequest, "bad-query", "Invalid query parameter", detail);

    public static UploadRejectedException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "upload-too-large", "Upload too large", $"the request body is larger than the limit of {limit} bytes (--max-upload)");

    public static UploadRejectedException TooManyFiles(int limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "too-many-files", "Too many files", $"the upload has more than {limit} files or parts, the most one analysis accepts");

    public static UploadRejectedException BadUpload(string detail) =>
        new(StatusCodes.Status400BadRequest, "bad-upload", "Malformed upload", detail);
}
