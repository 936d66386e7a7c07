using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Diagnose.Api.Uploads;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Tests;

/// <summary>
/// Issue 14, item 6: the REST edges answer with the product's own problems: out-of-range validation numbers,
/// query values that do not parse, a NUL in an id, the framework's exception texts translated, and the partial
/// uploads of a failed analysis deleted while its list of uploads is kept.
/// </summary>
[TestClass]
public sealed class RestEdgeTests
{
    private static ApiFactory _factory = null!;
    private static HttpClient _client = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        _factory = new ApiFactory(maxUpload: 1 << 20);
        _client = _factory.StreamingClient();
    }

    [ClassCleanup]
    public static void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestMethod]
    [DataRow("\"seed\": 2147483648", "'seed' must be an integer from")]
    [DataRow("\"seed\": -2147483649", "'seed' must be an integer from")]
    [DataRow("\"seed\": 123456789012345678901234567890", "'seed' must be an integer from")]
    [DataRow("\"seed\": 1e3", "'seed' must be an integer from")]
    [DataRow("\"nodes\": 5", "'nodes' must be an integer from 2 to 4")]
    [DataRow("\"nodes\": 1", "'nodes' must be an integer from 2 to 4")]
    [DataRow("\"nodes\": -1", "'nodes' must be an integer from 2 to 4")]
    [DataRow("\"nodes\": 99999999999999999999", "'nodes' must be an integer from 2 to 4")]
    public async Task Validate_SeedOrNodesOutOfRange_Returns422(string field, string detail)
    {
        using var response = await _client.PostAsync("/api/validate", Json($$"""{ "kb": "Q188674", "plan": "start-service-before-online", "scenario": "Q188674", {{field}} }"""));

        var problem = await Upload.Problem(response, 422, "invalid-request");
        StringAssert.Contains((string?)problem["detail"], detail);
    }

    [TestMethod]
    [DataRow(2147483647, 4)]
    [DataRow(-2147483648, 2)]
    public async Task Validate_SeedAtTheEdgesOfItsRange_Runs(int seed, int nodes)
    {
        // Near miss: the extreme values that are in range are answered, not refused and not a 500.
        using var response = await _client.PostAsync("/api/validate", Json($$"""{ "kb": "Q188674", "plan": "start-service-before-online", "scenario": "Q188674", "seed": {{seed}}, "nodes": {{nodes}} }"""));

        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
        CollectionAssert.Contains(new[] { "validated", "refuted", "not-validated" }, (string?)JObject.Parse(body)["verdict"]);
    }

    [TestMethod]
    [DataRow("limit=abc", "limit='abc' is not a whole number from 1 to 100")]
    [DataRow("limit=1e3", "limit='1e3' is not a whole number from 1 to 100")]
    [DataRow("limit=%2B5", "limit='+5' is not a whole number")]
    [DataRow("limit=101", "limit='101' is out of range")]
    [DataRow("offset=99999999999999", "offset='99999999999999' is out of range: expected a whole number of 0 or more")]
    [DataRow("offset=-1", "offset='-1' is not a whole number of 0 or more")]
    [DataRow("offset=", "offset='' is not a whole number")]
    [DataRow("limit=5&limit=6", "'limit' is given 2 times; give it once")]
    [DataRow("since=2024-01-01&since=2024-02-01", "'since' is given 2 times")]
    [DataRow("since=abc", "since='abc' is not a date and time")]
    [DataRow("since=2024-13-45T00:00:00Z", "is not a date and time")]
    [DataRow("kb=Q188674&kb=KB293302", "'kb' is given 2 times")]
    [DataRow("limit=abc&offset=1e3", "offset='1e3' is not a whole number of 0 or more (digits only: no sign, exponent or decimal point); limit='abc' is not a whole number from 1 to 100")]
    public async Task List_ValueThatDoesNotParse_ReturnsBadQueryWithADetail(string query, string detail)
    {
        using var response = await _client.GetAsync("/api/analyses?" + query);

        var problem = await Upload.Problem(response, 400, "bad-query");
        StringAssert.Contains((string?)problem["detail"], detail);
    }

    [TestMethod]
    [DataRow("limit=100&offset=0")]
    [DataRow("limit=007")]
    [DataRow("since=2024-01-01T00:00:00%2B02:00&kb=Q188674")]
    public async Task List_ValuesThatParse_Return200(string query)
    {
        using var response = await _client.GetAsync("/api/analyses?" + query);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Post_KeepThatIsNotABoolean_ReturnsBadQuery()
    {
        using var response = await _client.PostAsync("/api/analyses?keep=yes", Upload.Files(Upload.Incident("Q188674-exchange-ds-restore")));

        var problem = await Upload.Problem(response, 400, "bad-query");
        StringAssert.Contains((string?)problem["detail"], "keep='yes' is not true or false");
    }

    [TestMethod]
    public async Task Id_WithANulCharacter_OnRealKestrel_IsRefusedAndTheServiceGoesOn()
    {
        // Kestrel refuses a request target whose path decodes to a NUL with a bare 400 before any middleware runs,
        // so no service can answer it with problem+json; what the service owns is that it goes on answering.
        using var factory = new ApiFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.StreamingClient();

        using var nul = await client.GetAsync("/api/analyses/%00");
        using var after = await client.GetAsync("/api/analyses/0123456789abcdef0123456789abcdef");

        Assert.AreEqual(HttpStatusCode.BadRequest, nul.StatusCode);
        Upload.AssertNoInternals(await nul.Content.ReadAsStringAsync());
        await Upload.Problem(after, 404, "not-found");
    }

    [TestMethod]
    public async Task QueryValue_WithANulCharacter_IsAProblemThatDoesNotEchoIt()
    {
        using var response = await _client.GetAsync("/api/analyses?since=%00");

        var problem = await Upload.Problem(response, 400, "bad-query");
        StringAssert.Contains((string?)problem["detail"], "since='?' is not a date and time");
    }

    [TestMethod]
    public async Task Post_PartHeadersOverTheLimit_ReturnsBadUploadInTheProductsWords()
    {
        var body = $"--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.json\"\r\nX-Padding: {new string('x', 20_000)}\r\n\r\n[]\r\n--b--\r\n";
        using var response = await _client.PostAsync("/api/analyses", Multipart(body));

        var problem = await Upload.Problem(response, 400, "bad-upload");
        Assert.AreEqual("the multipart body cannot be read: a part's headers are too long or too many (at most 16 headers and 16 KiB per part)", (string?)problem["detail"]);
    }

    [TestMethod]
    public async Task Post_MultipartWithoutItsClosingBoundary_SaysSoWithoutTheFrameworksText()
    {
        var body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.json\"\r\n\r\n[{\"Id\": 1042";
        using var response = await _client.PostAsync("/api/analyses", Multipart(body));

        var problem = await Upload.Problem(response, 400, "bad-upload");
        var detail = (string)problem["detail"]!;
        StringAssert.Contains(detail, "the body ended before the closing multipart boundary");
        Assert.IsFalse(detail.Contains("another component", StringComparison.Ordinal), detail);
    }

    [TestMethod]
    public void Describe_FrameworkBodyErrors_AreTranslated()
    {
        // Kestrel's own exceptions cannot be provoked through the in-memory server: their translation is checked here.
        var slow = new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.", StatusCodes.Status408RequestTimeout);
        var cut = new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest);
        var consumed = new IOException("Unexpected end of Stream, the content may have already been read by another component. ");

        Assert.AreEqual("the upload arrived too slowly: the service stops a request whose data rate stays under its minimum", UploadErrors.Describe(slow));
        Assert.AreEqual("the request body ended before its declared length (Content-Length), or its chunked encoding is broken", UploadErrors.Describe(cut));
        Assert.AreEqual("the body ended before the closing multipart boundary", UploadErrors.Describe(consumed));
        Assert.AreEqual("a part's headers are too long or too many (at most 16 headers and 16 KiB per part)", UploadErrors.Describe(new InvalidDataException("Multipart header length limit 16384 exceeded.")));
        Assert.AreEqual("the request body could not be read to its end", UploadErrors.Describe(new IOException("Connection reset by peer")));
    }

    [TestMethod]
    public async Task Post_KeptUploadOverTheLimitWhileStreaming_DeletesThePartialFiles_AndKeepsTheListOfUploads()
    {
        var good = File.ReadAllBytes(Upload.Incident("Q188674-exchange-ds-restore")[0]);
        var big = new byte[(1 << 20) + 4096];
        using var content = Upload.Parts(("first", "EXNODEA_Application.json", good), ("second", "huge.evtx", big));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/analyses?keep=true") { Content = new ChunkedCopy(content) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        var problem = await Upload.Problem(response, 413, "upload-too-large");
        var id = (string)problem["analysisId"]!;
        Assert.IsFalse(Directory.Exists(Path.Combine(_factory.DataFolder, "uploads", id)), "the partial kept files are deleted with the failed analysis");
        var analysis = JObject.Parse(await _client.GetStringAsync($"/api/analyses/{id}"));
        Assert.AreEqual("failed", (string?)analysis["status"]);
        CollectionAssert.AreEqual(new[] { "EXNODEA_Application.json", "huge.evtx" }, analysis["uploads"]!.Select(u => (string)u["name"]!).ToArray());
        Assert.IsTrue(analysis["uploads"]!.All(u => !(bool)u["kept"]!));
    }

    [TestMethod]
    public async Task Post_KeptUploadThatSucceeds_KeepsItsFiles()
    {
        // Near miss: the same upload under the limit keeps its files.
        var good = File.ReadAllBytes(Upload.Incident("Q188674-exchange-ds-restore")[0]);
        using var response = await _client.PostAsync("/api/analyses?keep=true", Upload.Parts(("first", "EXNODEA_Application.json", good)));

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode);
        var id = (string)(await Upload.Json(response))["id"]!;
        Assert.AreEqual(good.Length, new FileInfo(Path.Combine(_factory.DataFolder, "uploads", id, "1.upload")).Length);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Multipart(string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        return content;
    }

    /// <summary>Another content sent without a Content-Length, so the size limit is met while streaming.</summary>
    private sealed class ChunkedCopy : HttpContent
    {
        private readonly HttpContent _inner;

        public ChunkedCopy(HttpContent inner)
        {
            _inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
