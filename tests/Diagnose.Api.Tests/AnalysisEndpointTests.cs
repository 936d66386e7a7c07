using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests;

/// <summary><c>/api/analyses</c>: every success path and every error, on the bundled incidents.</summary>
[TestClass]
public sealed class AnalysisEndpointTests
{
    private static ApiFactory _factory = null!;
    private static HttpClient _client = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        _factory = new ApiFactory(maxUpload: 4 << 20, maxFiles: 8);
        _client = _factory.CreateClient();
    }

    [ClassCleanup]
    public static void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestMethod]
    public async Task Post_IncidentAsMultipart_Returns201WithTheDiagnosisAndLocation()
    {
        using var response = await _client.PostAsync("/api/analyses", Upload.Files(Upload.Incident("KB293302-wins-rolling-upgrade")));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var analysis = await Upload.Json(response);
        Assert.AreEqual($"/api/analyses/{analysis["id"]}", response.Headers.Location?.OriginalString);
        Assert.AreEqual("done", (string?)analysis["status"]);
        Assert.AreEqual(1.0, (double)analysis["progress"]!["fraction"]!);
        Assert.AreEqual(7, ((JArray)analysis["inputs"]!).Count);
        var diagnosis = (JObject)analysis["diagnoses"]!.Single();
        Assert.AreEqual("KB293302", (string?)diagnosis["kb"]);
        CollectionAssert.AreEqual(new[] { "NODE1", "NODE2" }, diagnosis["nodes"]!.Values<string>().ToArray());

        // The evidence names the uploaded files, and the modern CSV took its node from the file name.
        var sources = diagnosis["evidence"]!.Select(e => (string?)e["source"]).Distinct().ToList();
        Assert.IsTrue(sources.All(s => s is not null && !s.Contains('/', StringComparison.Ordinal)), string.Join(",", sources));
        Assert.AreEqual((long)analysis["progress"]!["recordsRead"]!, analysis["inputs"]!.Sum(i => (long)i["records"]!));
    }

    [TestMethod]
    public async Task Get_AfterPost_ReturnsTheSameResource()
    {
        using var posted = await _client.PostAsync("/api/analyses", Upload.Files(Upload.Incident("Q188674-exchange-ds-restore")));
        var created = await posted.Content.ReadAsStringAsync();

        using var got = await _client.GetAsync(posted.Headers.Location);

        Assert.AreEqual(HttpStatusCode.OK, got.StatusCode);
        Assert.AreEqual(created, await got.Content.ReadAsStringAsync());
        Assert.AreEqual("Q188674", (string?)JObject.Parse(created)["diagnoses"]![0]!["kb"]);
    }

    [TestMethod]
    public async Task Post_JsonBodyOfEvents_IsAnalysedAsOneInput()
    {
        var json = File.ReadAllText(Upload.Sample("incidents/Q188674-exchange-ds-restore/EXNODEA_Application.json"));
        using var response = await _client.PostAsync("/api/analyses?name=EXNODEA_Application.json", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var input = (JObject)(await Upload.Json(response))["inputs"]!.Single();
        Assert.AreEqual("json", (string?)input["format"]);
        Assert.AreEqual("EXNODEA_Application.json", (string?)input["path"]);
        Assert.IsTrue((long)input["records"]! > 0);
    }

    [TestMethod]
    public async Task Post_MalformedJsonBody_Returns400WithLineAndColumn()
    {
        using var response = await _client.PostAsync("/api/analyses", new StringContent("[\n  { \"Id\": 1042,\n    \"ProviderName\": ]", Encoding.UTF8, "application/json"));

        var problem = await Upload.Problem(response, 400, "malformed-json");
        StringAssert.Contains((string?)problem["detail"], "line 3");
        Assert.IsNotNull(problem["analysisId"]);
    }

    [TestMethod]
    public async Task Post_UnknownFormat_Returns422NamingTheInputAndOffset()
    {
        using var response = await _client.PostAsync("/api/analyses", Upload.Parts(("f", "mystery.bin", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0])));

        var problem = await Upload.Problem(response, 422, "unknown-format");
        StringAssert.Contains((string?)problem["detail"], "mystery.bin");
        StringAssert.Contains((string?)problem["detail"], "offset 0");
        Assert.AreEqual("unknown", (string?)problem["inputs"]![0]!["format"]);
    }

    [TestMethod]
    public async Task Post_EvtxWithNothingReadable_Returns422WithTheOffset()
    {
        // A real file's header with its only chunk overwritten: the format is known, but no record survives.
        var evtx = File.ReadAllBytes(Upload.Sample("evtx/mitre_ID104-1102-Event_log_cleared.evtx"));
        Array.Fill(evtx, (byte)0xAB, 4096, evtx.Length - 4096);
        using var response = await _client.PostAsync("/api/analyses", Upload.Parts(("log", "wiped.evtx", evtx)));

        var problem = await Upload.Problem(response, 422, "unreadable-input");
        StringAssert.Contains((string?)problem["detail"], "wiped.evtx");
        StringAssert.Contains((string?)problem["detail"], "at offset 4096");
        Assert.AreEqual("evtx", (string?)problem["inputs"]![0]!["format"]);
    }

    [TestMethod]
    public async Task Post_MultipartWithNoPart_Returns400()
    {
        // RFC 2046: a multipart body has at least one part.
        using var content = new MultipartFormDataContent();
        using var response = await _client.PostAsync("/api/analyses", content);

        await Upload.Problem(response, 400, "bad-upload");
    }

    [TestMethod]
    public async Task Post_EmptyBody_Returns422SayingItIsEmpty()
    {
        using var response = await _client.PostAsync("/api/analyses", new ByteArrayContent([]));

        var problem = await Upload.Problem(response, 422, "unreadable-input");
        StringAssert.Contains((string?)problem["detail"], "empty");
    }

    [TestMethod]
    public async Task Post_MultipartWithoutBoundary_Returns400()
    {
        using var content = new StringContent("--x\r\n\r\n", Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
        using var response = await _client.PostAsync("/api/analyses", content);

        var problem = await Upload.Problem(response, 400, "bad-upload");
        StringAssert.Contains((string?)problem["detail"], "boundary");
    }

    [TestMethod]
    public async Task Post_OverTheSizeLimit_Returns413BeforeOrWhileReading()
    {
        var big = new byte[(4 << 20) + 1];
        using var declared = await _client.PostAsync("/api/analyses", Upload.Parts(("f", "big.evtx", big)));
        var problem = await Upload.Problem(declared, 413, "upload-too-large");
        StringAssert.Contains((string?)problem["detail"], (4 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Without a Content-Length the limit is enforced while the body streams in.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/analyses") { Content = new UnknownLengthContent(big) };
        chunked.Headers.TransferEncodingChunked = true;
        using var streamed = await _client.SendAsync(chunked);
        var problem2 = await Upload.Problem(streamed, 413, "upload-too-large");
        Assert.IsNotNull(problem2["analysisId"], problem2.ToString());
        using var stored = await _client.GetAsync($"/api/analyses/{problem2["analysisId"]}");
        Assert.AreEqual("failed", (string?)(await Upload.Json(stored))["status"]);
    }

    [TestMethod]
    public async Task Post_TooManyFiles_Returns413()
    {
        var file = Upload.Incident("KB293302-wins-rolling-upgrade")[0];
        using var response = await _client.PostAsync("/api/analyses", Upload.Files(Enumerable.Repeat(file, 9).ToArray()));

        var problem = await Upload.Problem(response, 413, "too-many-files");
        StringAssert.Contains((string?)problem["detail"], "8");
    }

    [TestMethod]
    public async Task Post_TruncatedEvtx_Returns201WithTheReadableRecordsAndTheDamage()
    {
        var evtx = File.ReadAllBytes(Upload.Sample("evtx/plaso_System2.evtx"));
        using var response = await _client.PostAsync("/api/analyses", Upload.Parts(("log", "System2.evtx", evtx[..150_000])));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var input = (JObject)(await Upload.Json(response))["inputs"]!.Single();
        Assert.AreEqual("evtx", (string?)input["format"]);
        Assert.IsTrue((long)input["records"]! > 100, input.ToString());
        Assert.IsTrue((long)input["recovered"]! > 0, "records of the cut chunk are marked recovered");
        // The cut chunk (with its declared records missing) and the chunks the file header declares beyond the end.
        var damage = input["errors"]!.Where(e => e["offset"] is not null).Select(e => (string?)e["message"]).ToList();
        Assert.IsTrue(damage.Any(m => m!.StartsWith("chunk 2 cut by the end of the file at offset 150000", StringComparison.Ordinal)), string.Join(" | ", damage));
        Assert.IsTrue(damage.Any(m => m!.StartsWith("file ends at offset 150000: the header declares 96 chunks", StringComparison.Ordinal)), string.Join(" | ", damage));
    }

    [TestMethod]
    public async Task Post_CorruptXmlBesideAGoodFile_Returns201AndReportsTheLine()
    {
        var files = Upload.Incident("Q217147-outdated-checkpoint");
        var xml = File.ReadAllBytes(files.First(f => f.EndsWith("NODEA_System.xml", StringComparison.Ordinal)));
        var damaged = xml[..(xml.Length / 2)];
        using var response = await _client.PostAsync("/api/analyses", Upload.Parts(("a", "NODEA_System.xml", damaged), ("b", "NODEB_System.xml", File.ReadAllBytes(files[1]))));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var first = (JObject)(await Upload.Json(response))["inputs"]![0]!;
        Assert.IsTrue((long)first["records"]! > 0);
        Assert.IsTrue(first["errors"]!.Any(e => e["line"] is not null), first.ToString());
    }

    [TestMethod]
    public async Task Get_UnknownOrMalformedId_Returns404()
    {
        using var unknown = await _client.GetAsync("/api/analyses/0123456789abcdef0123456789abcdef");
        await Upload.Problem(unknown, 404, "not-found");
        using var malformed = await _client.GetAsync("/api/analyses/..%2F..%2Fetc");
        Assert.AreEqual(HttpStatusCode.NotFound, malformed.StatusCode);
        using var deleted = await _client.DeleteAsync("/api/analyses/0123456789abcdef0123456789abcdef");
        await Upload.Problem(deleted, 404, "not-found");
    }

    [TestMethod]
    public async Task Delete_Existing_Returns204ThenTheAnalysisIsGone()
    {
        using var posted = await _client.PostAsync("/api/analyses", Upload.Files(Upload.Incident("Q217147-clusdb-zero-bytes")));
        Assert.AreEqual(HttpStatusCode.Created, posted.StatusCode);

        using var deleted = await _client.DeleteAsync(posted.Headers.Location);
        Assert.AreEqual(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await _client.GetAsync(posted.Headers.Location);
        await Upload.Problem(gone, 404, "not-found");
    }

    /// <summary>Content whose length is not known in advance, so no Content-Length is sent.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var at = 0; at < bytes.Length; at += 1 << 16)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(1 << 16, bytes.Length - at)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
