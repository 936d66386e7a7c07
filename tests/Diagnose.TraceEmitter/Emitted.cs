namespace Diagnose.TraceEmitter;

/// <summary>The payload values of "sample" mode, as functions of the sequence number, so a test can say what it expects.</summary>
public static class Emitted
{
    public const int SampleCount = 20;

    public static string Message(int i) => $"event {i}: äöü \"quoted\" \\ tab\t end";

    public static long Big(int i) => (long)i * 1_000_000_007L * (i % 2 == 0 ? 1 : -1);

    public static double Ratio(int i) => i / 4.0;

    public static bool Flag(int i) => i % 3 == 0;

    public static Guid Id(int i) => new(i, 1, 2, [3, 4, 5, 6, 7, 8, 9, (byte)i]);
}
