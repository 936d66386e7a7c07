namespace Diagnose.Api.Tests.Stores;

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static void StopPostgres() => TestPostgres.StopStarted();
}
