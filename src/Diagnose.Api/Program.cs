namespace Diagnose.Api;

/// <summary>Entry point when the service runs on its own (<c>dotnet run --project src/Diagnose.Api</c>); <c>diagnose serve</c> calls <see cref="ApiHost"/> directly.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static Task Main(string[] args) => ApiHost.Build(args).RunAsync();
}
