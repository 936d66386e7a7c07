using Diagnose.Core.Time;

namespace Diagnose.Engine.Tests;

/// <summary>The one timestamp formatter: each precision as the outputs that use it print it.</summary>
[TestClass]
public sealed class IsoTimeTests
{
    // A FILETIME-precise time (100 ns), as EVTX records carry.
    private static readonly DateTime Precise = new DateTime(1999, 11, 8, 9, 2, 3, DateTimeKind.Utc).AddTicks(1234560);
    private static readonly DateTime Whole = new(1999, 11, 8, 9, 2, 3, DateTimeKind.Utc);

    [TestMethod]
    public void Format_Ticks_AlwaysSevenDigits()
    {
        Assert.AreEqual("1999-11-08T09:02:03.1234560Z", IsoTime.Format(Precise, IsoPrecision.Ticks));
        Assert.AreEqual("1999-11-08T09:02:03.0000000Z", IsoTime.Format(Whole, IsoPrecision.Ticks));
    }

    [TestMethod]
    public void Format_TicksTrimmed_DropsTrailingZerosAndAnEmptyFraction()
    {
        Assert.AreEqual("1999-11-08T09:02:03.123456Z", IsoTime.Format(Precise, IsoPrecision.TicksTrimmed));
        Assert.AreEqual("1999-11-08T09:02:03Z", IsoTime.Format(Whole, IsoPrecision.TicksTrimmed));
    }

    [TestMethod]
    public void Format_SecondsAndNanoseconds_AsSnapshotsAndEventViewerXmlWriteThem()
    {
        Assert.AreEqual("1999-11-08T09:02:03Z", IsoTime.Format(Precise, IsoPrecision.Seconds), "seconds truncate, never round up");
        Assert.AreEqual("1999-11-08T09:02:03.123456000Z", IsoTime.Format(Precise, IsoPrecision.Nanoseconds));
    }

    [TestMethod]
    public void Format_LocalOrOffsetTime_PrintsTheUtcInstant()
    {
        var offset = new DateTimeOffset(1999, 11, 8, 11, 2, 3, TimeSpan.FromHours(2));
        Assert.AreEqual("1999-11-08T09:02:03Z", IsoTime.Format(offset, IsoPrecision.Seconds));
        Assert.AreEqual(IsoTime.Format(Whole, IsoPrecision.Ticks), IsoTime.Format(Whole.ToLocalTime(), IsoPrecision.Ticks));
    }

    [TestMethod]
    public void Format_UnspecifiedKind_IsTakenAsUtc()
    {
        var unspecified = DateTime.SpecifyKind(Whole, DateTimeKind.Unspecified);
        Assert.AreEqual("1999-11-08T09:02:03Z", IsoTime.Format(unspecified, IsoPrecision.Seconds), "CSV and text times carry no zone and are read as UTC");
    }
}
