namespace Diagnose.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>The command ran (whether or not anything was found).</summary>
    public const int Ok = 0;

    /// <summary>Bad command line.</summary>
    public const int Usage = 1;

    /// <summary>At least one input could not be read at all (the others were still analysed).</summary>
    public const int UnreadableInput = 2;

    /// <summary>The rules or knowledge articles are invalid.</summary>
    public const int BadRules = 3;

    /// <summary>At least one rule example did not behave (<c>rules test</c>).</summary>
    public const int ExamplesFailed = 4;

    /// <summary>The store (<c>--db</c>) could not be reached or prepared (<c>serve</c>, <c>reanalyze</c>).</summary>
    public const int StoreUnavailable = 5;
}
