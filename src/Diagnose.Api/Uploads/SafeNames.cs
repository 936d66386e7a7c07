using System.Text;

namespace Diagnose.Api.Uploads;

/// <summary>
/// A client's file name is only a label: its last path segment, without control characters, bounded in
/// length. It is never joined to a server path (kept uploads are stored under generated names).
/// </summary>
public static class SafeNames
{
    private const int MaxLength = 128;

    public static string Label(string? clientName, int position)
    {
        var name = clientName ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        name = name[(slash + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && c != ':')
            {
                clean.Append(c);
            }
        }

        var label = clean.ToString().Trim().TrimStart('.');
        if (label.Length == 0)
        {
            return $"upload-{position + 1}";
        }

        return label.Length > MaxLength ? label[..MaxLength] : label;
    }
}
