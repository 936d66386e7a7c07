using System.Text;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests;

/// <summary>A chunked JSON array of events sent one at a time with a pause between them, for uploads that stay in flight.</summary>
internal sealed class StreamingJson(JArray events, TimeSpan pause, TimeSpan total) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes("["), cancellationToken);
        var sent = TimeSpan.Zero;
        for (var i = 0; sent < total; i++, sent += pause)
        {
            var item = (i == 0 ? "" : ",") + events[i % events.Count].ToString(Newtonsoft.Json.Formatting.None);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(item), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(pause, cancellationToken);
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes("]"), cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
