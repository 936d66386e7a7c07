namespace Diagnose.Ingest.Evtx;

/// <summary>Sequential reads that fill a buffer as far as the stream allows (streams may return short reads).</summary>
internal static class StreamUtil
{
    public static int ReadFull(Stream stream, byte[] buffer, int count)
    {
        var total = 0;
        while (total < count)
        {
            var n = stream.Read(buffer, total, count - total);
            if (n <= 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public static bool IsAllZero(ReadOnlySpan<byte> data) => !data.ContainsAnyExcept((byte)0);
}
