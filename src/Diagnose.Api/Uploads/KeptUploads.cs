namespace Diagnose.Api.Uploads;

/// <summary>Removes the kept uploads of an analysis that failed, whole or partial.</summary>
internal static class KeptUploads
{
    /// <summary>
    /// Deletes the folder; Directory.Delete removes symbolic links without following them. A file that cannot be
    /// removed is logged by the caller and left for the operator rather than turning the client's answer into a 500.
    /// </summary>
    public static bool TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
