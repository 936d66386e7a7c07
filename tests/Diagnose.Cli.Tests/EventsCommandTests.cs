namespace Diagnose.Cli.Tests;

[TestClass]
public sealed class EventsCommandTests
{
    [TestMethod]
    public void Events_XmlExport_PrintsOneTsvLinePerRecordInFileOrder()
    {
        var (exit, output, error) = Cli.Run("events", Cli.Sample("formats/Q188674/xml/EXNODEA_System.xml"), "--format", "tsv");

        Assert.AreEqual(0, exit, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(7, lines);
        CollectionAssert.Contains(lines, "7439\t1042\tClusSvc\t1999-04-15T10:32:11.0000000Z\tSystem\tEXNODEA");
        var numbers = lines.Select(l => long.Parse(l.Split('\t')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        CollectionAssert.AreEqual(numbers.Order().ToList(), numbers);
    }

    [TestMethod]
    public void Events_MissingFile_ExitsTwoAndSaysWhy()
    {
        var (exit, output, error) = Cli.Run("events", "nowhere.evtx");

        Assert.AreEqual(2, exit);
        Assert.AreEqual("", output);
        StringAssert.Contains(error, "nowhere.evtx: no such file or folder");
    }
}
