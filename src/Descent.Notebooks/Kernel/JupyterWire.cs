using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Descent.Notebooks.Kernel;

/// <summary>
/// Encodes and decodes the multipart wire format:
/// <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers…]</c>.
/// </summary>
public static class JupyterWire
{
    private static readonly byte[] DelimiterBytes = "<IDS|MSG>"u8.ToArray();
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The delimiter frame between routing identities and the signed message.</summary>
    public static ReadOnlySpan<byte> Delimiter => DelimiterBytes;

    /// <summary>Serializes <paramref name="message"/> into frames, signing it with <paramref name="signer"/>.</summary>
    public static List<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signer);
        var header = Serialize(message.Header);
        var parent = Serialize(message.ParentHeader);
        var metadata = Serialize(message.Metadata);
        var content = Serialize(message.Content);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(DelimiterBytes);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(header, parent, metadata, content)));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(content);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>
    /// Verifies and parses <paramref name="frames"/>. The signature is checked (constant time) before any JSON
    /// is parsed; a message that fails is never returned.
    /// </summary>
    /// <param name="frames">The received multipart message.</param>
    /// <param name="signer">The kernel's signer.</param>
    /// <param name="message">The message when valid.</param>
    /// <param name="error">Why the message was rejected.</param>
    public static bool TryDecode(IReadOnlyList<byte[]> frames, MessageSigner signer, out JupyterMessage? message, out string? error)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(signer);
        message = null;
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(DelimiterBytes))
            {
                delimiter = i;
                break;
            }
        }

        if (delimiter < 0)
        {
            error = "no <IDS|MSG> delimiter";
            return false;
        }

        if (frames.Count < delimiter + 6)
        {
            error = $"expected signature, header, parent_header, metadata and content after the delimiter, got {frames.Count - delimiter - 1} frames";
            return false;
        }

        var signature = frames[delimiter + 1];
        var header = frames[delimiter + 2];
        var parent = frames[delimiter + 3];
        var metadata = frames[delimiter + 4];
        var content = frames[delimiter + 5];
        error = signer.Verify(signature, header, parent, metadata, content);
        if (error is not null)
        {
            return false;
        }

        try
        {
            var headerObject = ParseObject(header, "header");
            if (headerObject["msg_type"] is not JsonValue type || !type.TryGetValue(out string? _))
            {
                error = "header has no msg_type";
                return false;
            }

            message = new JupyterMessage(
                frames.Take(delimiter).ToArray(),
                headerObject,
                ParseObject(parent, "parent_header"),
                ParseObject(metadata, "metadata"),
                ParseObject(content, "content"),
                frames.Skip(delimiter + 6).ToArray());
            return true;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>Compact UTF-8 JSON of <paramref name="value"/>.</summary>
    public static byte[] Serialize(JsonNode value) => Encoding.UTF8.GetBytes(value.ToJsonString(Compact));

    private static JsonObject ParseObject(byte[] frame, string name) =>
        JsonNode.Parse(frame) as JsonObject ?? throw new JsonException($"{name} is not a JSON object");
}
