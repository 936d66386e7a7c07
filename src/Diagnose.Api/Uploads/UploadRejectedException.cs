namespace Diagnose.Api.Uploads;

/// <summary>
/// An upload broke a bound (size, file count) or its framing. Deliberately not an <see cref="IOException"/>:
/// readers treat I/O errors as damage, and this must stop the analysis instead.
/// </summary>
public sealed class UploadRejectedException : Exception
{
    public UploadRejectedException(int status, string type, string title, string detail)
        : base(detail)
    {
        Status = status;
        Type = type;
        Title = title;
    }

    public int Status { get; }

    public string Type { get; }

    public string Title { get; }
}
