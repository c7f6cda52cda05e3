using System.Globalization;
using System.Text.Json.Nodes;

namespace Descent.Notebooks.Kernel;

/// <summary>
/// One Jupyter message: routing identities, the four JSON dictionaries and optional binary buffers
/// (https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol).
/// </summary>
/// <param name="Identities">ZeroMQ routing frames before <c>&lt;IDS|MSG&gt;</c> (for IOPub: the topic).</param>
/// <param name="Header">msg_id, session, username, date, msg_type, version.</param>
/// <param name="ParentHeader">The header of the request this message answers, or empty.</param>
/// <param name="Metadata">Free-form metadata.</param>
/// <param name="Content">The message type's content.</param>
/// <param name="Buffers">Extra binary frames after the content.</param>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The messaging protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>header.msg_type, or "" when absent.</summary>
    public string MessageType => Header["msg_type"] is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty;

    /// <summary>header.msg_id, or "" when absent.</summary>
    public string MessageId => Header["msg_id"] is JsonValue v && v.TryGetValue(out string? s) ? s : string.Empty;

    /// <summary>
    /// A new message of <paramref name="messageType"/> from session <paramref name="session"/>; when
    /// <paramref name="parent"/> is given its header becomes the parent header (a deep copy).
    /// </summary>
    public static JupyterMessage Create(string messageType, JsonObject content, string session,
                                        JupyterMessage? parent = null, IReadOnlyList<byte[]>? identities = null,
                                        JsonObject? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageType);
        ArgumentNullException.ThrowIfNull(content);
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "descent",
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = messageType,
            ["version"] = ProtocolVersion,
        };
        var parentHeader = parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone();
        return new JupyterMessage(identities ?? [], header, parentHeader, metadata ?? new JsonObject(), content, []);
    }

    /// <summary>One line: type, id and parent id.</summary>
    public override string ToString()
    {
        var parentId = ParentHeader["msg_id"]?.ToString();
        return parentId is null or "" ? $"{MessageType} {MessageId}" : $"{MessageType} {MessageId} (parent {parentId})";
    }
}
