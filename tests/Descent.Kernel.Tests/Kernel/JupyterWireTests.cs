using System.Text;
using System.Text.Json.Nodes;
using Descent.Notebooks.Kernel;

namespace Descent.Kernel.Tests.Kernel;

public sealed class JupyterWireTests
{
    private const string Key = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Encode_LaysOutFramesAndSignsThem()
    {
        var signer = new MessageSigner(Key);
        var message = JupyterMessage.Create("kernel_info_reply", new JsonObject { ["status"] = "ok" }, "s1",
                                            identities: [B("id-a"), B("id-b")]);
        var frames = JupyterWire.Encode(message, signer);

        Assert.Equal(8, frames.Count); // 2 identities + delimiter + signature + 4 JSON frames
        Assert.Equal("id-a", Encoding.UTF8.GetString(frames[0]));
        Assert.Equal("<IDS|MSG>", Encoding.UTF8.GetString(frames[2]));
        Assert.Equal("{}", Encoding.UTF8.GetString(frames[5]));
        Assert.Equal("{\"status\":\"ok\"}", Encoding.UTF8.GetString(frames[7]));
        // The signature is the HMAC of the four frames; an independent signer with the same key accepts it.
        Assert.Null(new MessageSigner(Key).Verify(frames[3], frames[4], frames[5], frames[6], frames[7]));
        var header = JsonNode.Parse(frames[4])!.AsObject();
        Assert.Equal("kernel_info_reply", (string?)header["msg_type"]);
        Assert.Equal("5.3", (string?)header["version"]);
    }

    [Fact]
    public void Decode_RoundTripsIdentitiesParentAndBuffers()
    {
        var signer = new MessageSigner(Key);
        var parent = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1+1" }, "client");
        var reply = JupyterMessage.Create("execute_reply", new JsonObject { ["status"] = "ok" }, "kernel", parent, [B("peer")]);
        reply = reply with { Buffers = [new byte[] { 1, 2, 3 }] };

        Assert.True(JupyterWire.TryDecode(JupyterWire.Encode(reply, signer), new MessageSigner(Key), out var decoded, out var error), error);
        Assert.Equal("execute_reply", decoded!.MessageType);
        Assert.Equal("peer", Encoding.UTF8.GetString(Assert.Single(decoded.Identities)));
        Assert.Equal(parent.MessageId, (string?)decoded.ParentHeader["msg_id"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, Assert.Single(decoded.Buffers));
    }

    [Fact]
    public void Decode_DropsMessageSignedWithAnotherKey()
    {
        var forged = JupyterWire.Encode(JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1" }, "x"),
                                        new MessageSigner("wrong key"));
        Assert.False(JupyterWire.TryDecode(forged, new MessageSigner(Key), out var message, out var error));
        Assert.Null(message);
        Assert.Equal("invalid signature", error);
    }

    [Fact]
    public void Decode_DropsUnsignedMessageWhenKeyIsSet()
    {
        var unsigned = JupyterWire.Encode(JupyterMessage.Create("execute_request", new JsonObject(), "x"), new MessageSigner(string.Empty));
        Assert.False(JupyterWire.TryDecode(unsigned, new MessageSigner(Key), out _, out var error));
        Assert.Equal("missing signature", error);
    }

    [Fact]
    public void Decode_RejectsMissingDelimiterAndShortMessages()
    {
        var signer = new MessageSigner(Key);
        Assert.False(JupyterWire.TryDecode([B("a"), B("b")], signer, out _, out var noDelimiter));
        Assert.Equal("no <IDS|MSG> delimiter", noDelimiter);
        Assert.False(JupyterWire.TryDecode([B("<IDS|MSG>"), B(""), B("{}")], signer, out _, out var shortError));
        Assert.Contains("got 2 frames", shortError, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RejectsHeaderWithoutMessageType()
    {
        var signer = new MessageSigner(Key);
        var header = B("{\"msg_id\":\"1\"}");
        var frames = new List<byte[]> { B("<IDS|MSG>"), B(signer.Sign(header, B("{}"), B("{}"), B("{}"))), header, B("{}"), B("{}"), B("{}") };
        Assert.False(JupyterWire.TryDecode(frames, new MessageSigner(Key), out _, out var error));
        Assert.Equal("header has no msg_type", error);
    }
}
