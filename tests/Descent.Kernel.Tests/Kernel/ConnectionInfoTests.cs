using Descent.Notebooks.Kernel;

namespace Descent.Kernel.Tests.Kernel;

public sealed class ConnectionInfoTests
{
    private const string Valid = """
        {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
         "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "descent"}
        """;

    [Fact]
    public void Parse_ReadsEveryField()
    {
        var c = ConnectionInfo.Parse(Valid);
        Assert.Equal(new ConnectionInfo("tcp", "127.0.0.1", 5001, 5002, 5003, 5004, 5005, "k", "hmac-sha256", "descent"), c);
        Assert.Equal("tcp://127.0.0.1:5004", c.Endpoint(c.ControlPort));
        Assert.True(c.SigningEnabled);
        Assert.DoesNotContain("\"k\"", c.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyKeyDisablesSigningOnlyWhenGivenExplicitly()
    {
        var disabled = ConnectionInfo.Parse(Valid.Replace("\"key\": \"k\"", "\"key\": \"\"", StringComparison.Ordinal));
        Assert.False(disabled.SigningEnabled);
        var missing = Assert.Throws<InvalidDataException>(() =>
            ConnectionInfo.Parse(Valid.Replace("\"key\": \"k\",", string.Empty, StringComparison.Ordinal)));
        Assert.Contains("'key' is missing", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"shell_port\": 5001", "\"shell_port\": 0", "'shell_port' must be a port number 1–65535")]
    [InlineData("\"shell_port\": 5001", "\"shell_port\": \"5001\"", "'shell_port' must be a port number 1–65535")]
    [InlineData("\"hb_port\": 5005,", "", "'hb_port' is missing")]
    [InlineData("\"hb_port\": 5005", "\"hb_port\": 5001", "the five ports must be distinct")]
    [InlineData("\"transport\": \"tcp\"", "\"transport\": \"ipc\"", "transport 'ipc' is not supported")]
    [InlineData("\"ip\": \"127.0.0.1\"", "\"ip\": \"my host\"", "ip 'my host' is not an IP address")]
    [InlineData("\"signature_scheme\": \"hmac-sha256\"", "\"signature_scheme\": \"hmac-md5\"", "signature_scheme 'hmac-md5' is not supported")]
    [InlineData("\"key\": \"k\"", "\"key\": 5", "field 'key' must be a string")]
    public void Parse_RejectsInvalidFieldsNamingThem(string from, string to, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "kernel-1.json"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("kernel-1.json:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsNonJsonAndNonObject()
    {
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse("{")).Message, StringComparison.Ordinal);
        Assert.Contains("expected a JSON object", Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse("[]")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFileGivesClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        var e = Assert.Throws<InvalidDataException>(() => ConnectionInfo.Load(path));
        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
    }
}
