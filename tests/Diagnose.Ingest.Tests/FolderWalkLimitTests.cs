using Diagnose.Core.FileSystem;

namespace Diagnose.Ingest.Tests;

/// <summary>A folder walk is bounded in files and depth, with a message naming the folder (issue 14, item 3).</summary>
[TestClass]
public sealed class FolderWalkLimitTests
{
    private string _folder = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "diagnose-walk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public void Read_MoreFilesThanTheLimit_ReadsUpToItAndSaysWhereItStopped()
    {
        for (var i = 0; i < 5; i++)
        {
            File.Copy(TestInput.DataPath("ticket.txt"), Path.Combine(_folder, $"ticket{i}.txt"));
        }

        var session = new IngestSession();
        var records = new LogIngester { Walker = new FolderWalker { MaxFiles = 3 } }.Read([_folder], session).ToList();

        Assert.HasCount(3, session.Inputs.Where(i => !i.Unreadable).ToList());
        Assert.HasCount(12, records);
        var limit = session.Inputs.Single(i => i.Unreadable);
        Assert.AreEqual(_folder, limit.Path);
        StringAssert.Contains(limit.Problems.Single().Message, "more than 3 files under this folder");
    }

    [TestMethod]
    public void Read_ExactlyTheLimit_ReadsAllWithoutAMessage()
    {
        for (var i = 0; i < 3; i++)
        {
            File.Copy(TestInput.DataPath("ticket.txt"), Path.Combine(_folder, $"ticket{i}.txt"));
        }

        var session = new IngestSession();
        _ = new LogIngester { Walker = new FolderWalker { MaxFiles = 3 } }.Read([_folder], session).ToList();

        Assert.HasCount(3, session.Inputs);
        Assert.IsTrue(session.Inputs.All(i => !i.Unreadable && i.Problems.All(p => !p.Message.Contains("files under", StringComparison.Ordinal))));
    }

    [TestMethod]
    public void Read_FoldersDeeperThanTheLimit_ReadsTheShallowOnesAndNamesTheFirstTooDeep()
    {
        var deep = _folder;
        for (var level = 1; level <= 4; level++)
        {
            deep = Path.Combine(deep, $"level{level}");
            Directory.CreateDirectory(deep);
            File.Copy(TestInput.DataPath("ticket.txt"), Path.Combine(deep, "ticket.txt"));
        }

        var session = new IngestSession();
        _ = new LogIngester { Walker = new FolderWalker { MaxDepth = 2 } }.Read([_folder], session).ToList();

        Assert.HasCount(2, session.Inputs.Where(i => !i.Unreadable).ToList(), "level1 and level2 are read");
        var stop = session.Inputs.Single(i => i.Unreadable);
        Assert.AreEqual(Path.Combine(_folder, "level1", "level2", "level3"), stop.Path);
        StringAssert.Contains(stop.Problems.Single().Message, "more than 2 levels below");
    }
}
