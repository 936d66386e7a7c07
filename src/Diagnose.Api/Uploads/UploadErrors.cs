namespace Diagnose.Api.Uploads;

/// <summary>
/// Says in the product's own words why a request body could not be read. The framework's exception texts
/// (multipart limits, "the content may have already been read by another component", minimum data rate)
/// name its internals and settings a client cannot change, so they never reach a problem's detail.
/// </summary>
internal static class UploadErrors
{
    public static string Describe(Exception error) => error switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } =>
            "the upload arrived too slowly: the service stops a request whose data rate stays under its minimum",
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            "the request body is larger than the service accepts",
        BadHttpRequestException =>
            "the request body ended before its declared length (Content-Length), or its chunked encoding is broken",
        InvalidDataException when Mentions(error, "header") =>
            "a part's headers are too long or too many (at most 16 headers and 16 KiB per part)",
        InvalidDataException when Mentions(error, "line length") =>
            "a line of the multipart framing (a boundary or a header) is too long",
        InvalidDataException when Mentions(error, "body length") =>
            "a part is longer than the service accepts",
        InvalidDataException =>
            "the multipart framing is broken: a boundary or a part's headers cannot be read",
        IOException when Mentions(error, "end of") =>
            "the body ended before the closing multipart boundary",
        _ => "the request body could not be read to its end",
    };

    private static bool Mentions(Exception error, string words) => error.Message.Contains(words, StringComparison.OrdinalIgnoreCase);
}
