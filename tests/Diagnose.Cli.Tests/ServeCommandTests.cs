namespace Diagnose.Cli.Tests;

[TestClass]
public sealed class ServeCommandTests
{
    [TestMethod]
    public void Serve_BadMaxUpload_ExitsWithTheExpectedForm()
    {
        var (exit, _, err) = Cli.Run("serve", "--max-upload", "12XB");

        Assert.AreEqual(1, exit);
        StringAssert.Contains(err, "--max-upload: '12XB' is not a size");
        StringAssert.Contains(err, "KB, MB or GB");
    }
}
