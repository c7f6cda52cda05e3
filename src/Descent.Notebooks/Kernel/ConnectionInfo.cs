using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Descent.Notebooks.Kernel;

/// <summary>
/// The contents of a Jupyter connection file: where the five sockets bind and how messages are signed
/// (https://jupyter-client.readthedocs.io/en/latest/kernels.html#connection-files).
/// </summary>
/// <param name="Transport">Always <c>tcp</c> (NetMQ has no libzmq-compatible <c>ipc</c> transport).</param>
/// <param name="IP">The one interface address every socket binds to (a literal IP address).</param>
/// <param name="ShellPort">Port of the shell ROUTER socket (execute, complete, inspect, …).</param>
/// <param name="IOPubPort">Port of the IOPub PUB socket (status, outputs).</param>
/// <param name="StdinPort">Port of the stdin ROUTER socket.</param>
/// <param name="ControlPort">Port of the control ROUTER socket (interrupt, shutdown, kernel_info).</param>
/// <param name="HeartbeatPort">Port of the heartbeat REP socket (echo).</param>
/// <param name="Key">HMAC key; the empty string disables signing, as the protocol specifies.</param>
/// <param name="SignatureScheme"><c>hmac-sha256</c>.</param>
/// <param name="KernelName">The kernel name the client wrote, if any.</param>
public sealed record ConnectionInfo(
    string Transport,
    string IP,
    int ShellPort,
    int IOPubPort,
    int StdinPort,
    int ControlPort,
    int HeartbeatPort,
    string Key,
    string SignatureScheme,
    string? KernelName)
{
    /// <summary>The only signature scheme this kernel implements.</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>Whether messages are signed (a non-empty key).</summary>
    public bool SigningEnabled => Key.Length > 0;

    /// <summary>The NetMQ endpoint for <paramref name="port"/>: <c>tcp://IP:port</c>.</summary>
    public string Endpoint(int port) => string.Create(CultureInfo.InvariantCulture, $"{Transport}://{IP}:{port}");

    /// <summary>Reads and validates a connection file.</summary>
    /// <exception cref="InvalidDataException">The file is missing, is not JSON, or a field is missing or invalid;
    /// the message names the file and the field.</exception>
    public static ConnectionInfo Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"connection file '{path}' cannot be read: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses and validates the JSON text of a connection file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Names the file in error messages.</param>
    /// <exception cref="InvalidDataException">A field is missing or invalid; the message names it and the valid values.</exception>
    public static ConnectionInfo Parse(string json, string source = "connection file")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({e.Message})", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{source}: expected a JSON object with transport, ip, ports and key");
        }

        var transport = OptionalString(root, "transport", source) ?? "tcp";
        if (transport != "tcp")
        {
            throw new InvalidDataException(
                $"{source}: transport '{transport}' is not supported; use \"tcp\" (NetMQ has no libzmq-compatible ipc transport)");
        }

        var ip = OptionalString(root, "ip", source) ?? "127.0.0.1";
        if (ip == "localhost")
        {
            ip = "127.0.0.1";
        }

        if (!IPAddress.TryParse(ip, out _))
        {
            throw new InvalidDataException($"{source}: ip '{ip}' is not an IP address (e.g. \"127.0.0.1\")");
        }

        var shell = Port(root, "shell_port", source);
        var iopub = Port(root, "iopub_port", source);
        var stdin = Port(root, "stdin_port", source);
        var control = Port(root, "control_port", source);
        var hb = Port(root, "hb_port", source);
        var ports = new[] { shell, iopub, stdin, control, hb };
        if (ports.Distinct().Count() != ports.Length)
        {
            throw new InvalidDataException(
                $"{source}: the five ports must be distinct, got shell {shell}, iopub {iopub}, stdin {stdin}, control {control}, hb {hb}");
        }

        var key = OptionalString(root, "key", source)
            ?? throw new InvalidDataException(
                $"{source}: field 'key' is missing; give the HMAC key, or \"\" to disable signing explicitly");
        var scheme = OptionalString(root, "signature_scheme", source);
        if (key.Length > 0 && scheme is null)
        {
            throw new InvalidDataException($"{source}: field 'signature_scheme' is missing; expected \"{HmacSha256}\"");
        }

        scheme ??= HmacSha256;
        if (scheme != HmacSha256)
        {
            throw new InvalidDataException($"{source}: signature_scheme '{scheme}' is not supported; expected \"{HmacSha256}\"");
        }

        var kernelName = OptionalString(root, "kernel_name", source);
        return new ConnectionInfo(transport, ip, shell, iopub, stdin, control, hb, key, scheme, kernelName);
    }

    /// <summary>Reads like a connection file, with the key hidden.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Transport}://{IP} shell {ShellPort}, iopub {IOPubPort}, stdin {StdinPort}, control {ControlPort}, hb {HeartbeatPort}, " +
            $"{(SigningEnabled ? SignatureScheme + " signing" : "signing disabled")}");

    private static string? OptionalString(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InvalidDataException($"{source}: field '{name}' must be a string, got {value.ValueKind}");
    }

    private static int Port(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new InvalidDataException($"{source}: field '{name}' is missing; expected a port number 1–65535");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var port) || port is < 1 or > 65535)
        {
            throw new InvalidDataException($"{source}: field '{name}' must be a port number 1–65535, got {value.GetRawText()}");
        }

        return port;
    }
}
