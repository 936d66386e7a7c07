namespace Diagnose.Api.Validation;

/// <summary>A <c>POST /api/validate</c> body that cannot be run, with the status and problem type to answer.</summary>
internal sealed class ValidateRequestException : Exception
{
    public ValidateRequestException(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null)
        : base(detail)
    {
        Status = status;
        Type = type;
        Title = title;
        Extensions = extensions;
    }

    public int Status { get; }

    public string Type { get; }

    public string Title { get; }

    public IDictionary<string, object?>? Extensions { get; }
}
