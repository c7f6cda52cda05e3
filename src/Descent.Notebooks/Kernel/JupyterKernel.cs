using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;

namespace Descent.Notebooks.Kernel;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) over NetMQ that runs cells in an <see cref="IKernelSession"/>.
/// </summary>
/// <remarks>
/// Five sockets bind to the connection file's ip only: shell and control (ROUTER), IOPub (PUB), stdin (ROUTER) and
/// heartbeat (REP echo). Each has its own thread, so heartbeat and control answer while a cell runs; IOPub is fed
/// through a queue because NetMQ sockets belong to one thread. Every outgoing message is signed with HMAC-SHA256 and
/// every incoming one is verified in constant time; a message that fails is logged and dropped, never executed.
/// There is no HTTP server.
/// </remarks>
public sealed partial class JupyterKernel
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly Func<CancellationToken, Task<IKernelSession>> _startSession;
    private readonly KernelOptions _options;
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString();
    private readonly BlockingCollection<JupyterMessage> _iopub = new();
    private readonly ManualResetEventSlim _stopRequested = new();
    private readonly CancellationTokenSource _lifetime = new();
    private volatile bool _stopping;
    private Task<IKernelSession>? _sessionTask;

    /// <summary>Creates a kernel for <paramref name="connection"/>; <paramref name="startSession"/> starts the engine
    /// in the background once the sockets are bound, so kernel_info answers at once.</summary>
    public JupyterKernel(ConnectionInfo connection, Func<CancellationToken, Task<IKernelSession>> startSession,
                         KernelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(startSession);
        _connection = connection;
        _signer = new MessageSigner(connection.Key);
        _startSession = startSession;
        _options = options ?? new KernelOptions();
        _log = _options.Log ?? Console.Error;
    }

    /// <summary>The version this kernel reports as implementation_version.</summary>
    public static string ImplementationVersion =>
        typeof(JupyterKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>Whether a shutdown was requested (by shutdown_request or <see cref="RequestStop"/>).</summary>
    public bool IsStopRequested => _stopRequested.IsSet;

    /// <summary>Whether the last shutdown_request asked for a restart (the client then starts a new process).</summary>
    public bool RestartRequested { get; private set; }

    /// <summary>Binds the sockets and serves until shutdown. Returns 0 after a clean shutdown, 1 when a socket cannot bind.</summary>
    public int Run()
    {
        if (!_signer.IsEnabled)
        {
            Log("warning: the connection file's key is empty, so message signing is disabled; anyone who can reach the ports can run code");
        }

        using var ready = new CountdownEvent(5);
        var failures = new ConcurrentQueue<string>();
        var threads = new[]
        {
            StartThread("iopub", () => ServeIOPub(ready, failures)),
            StartThread("heartbeat", () => ServeHeartbeat(ready, failures)),
            StartThread("control", () => ServeRouter("control", _connection.ControlPort, HandleControl, ready, failures)),
            StartThread("shell", () => ServeRouter("shell", _connection.ShellPort, HandleShell, ready, failures)),
            StartThread("stdin", () => ServeRouter("stdin", _connection.StdinPort, (_, m) => Log($"ignored {m} on stdin"), ready, failures)),
        };
        ready.Wait();
        if (!failures.IsEmpty)
        {
            foreach (var failure in failures)
            {
                Log(failure);
            }

            Stop(threads);
            return 1;
        }

        Log($"listening on {_connection}");
        Publish(Status("starting", null));
        _sessionTask = Task.Run(async () =>
        {
            var session = await _startSession(_lifetime.Token).ConfigureAwait(false);
            // Warm the compiler while the reader looks at the notebook, so the first real cell is not the slow one.
            await session.ExecuteAsync("System.Math.Abs(0)", null, _lifetime.Token).ConfigureAwait(false);
            return session;
        });
        _sessionTask.ContinueWith(t => Log($"the notebook session failed to start: {t.Exception?.GetBaseException().Message}"),
                                  TaskContinuationOptions.OnlyOnFaulted);
        _ = Task.Run(() => History); // open the history store (loads SQLite) while the engine starts, not in the first cell
        _stopRequested.Wait();
        Stop(threads);
        return 0;
    }

    /// <summary>Asks <see cref="Run"/> to return (e.g. on SIGTERM).</summary>
    public void RequestStop() => _stopRequested.Set();

    /// <summary>Interrupts the running cell, as an interrupt_request does (e.g. on SIGINT).</summary>
    public void Interrupt() => InterruptCurrentCell(null);

    private void Stop(Thread[] threads)
    {
        _stopping = true;
        _lifetime.Cancel();
        _current?.Cancellation.Cancel();
        foreach (var thread in threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }

        if (_sessionTask is { IsCompletedSuccessfully: true } started && HungCell is null)
        {
            // A cell that ignores cancellation may block disposal; the process exits regardless.
            started.Result.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
        }

        CloseHistory();
        NetMQConfig.Cleanup(block: false);
    }

    private static Thread StartThread(string name, Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true, Name = "descent-kernel-" + name };
        thread.Start();
        return thread;
    }

    private void ServeIOPub(CountdownEvent ready, ConcurrentQueue<string> failures)
    {
        PublisherSocket socket;
        try
        {
            socket = new PublisherSocket();
            socket.Options.Linger = TimeSpan.FromSeconds(1);
            socket.Bind(_connection.Endpoint(_connection.IOPubPort));
        }
        catch (Exception e)
        {
            failures.Enqueue($"cannot bind iopub to {_connection.Endpoint(_connection.IOPubPort)}: {e.Message}");
            ready.Signal();
            return;
        }

        ready.Signal();
        using (socket)
        {
            while (true)
            {
                if (_iopub.TryTake(out var message, PollInterval))
                {
                    socket.SendMultipartBytes(JupyterWire.Encode(message, _signer));
                }
                else if (_stopping)
                {
                    return;
                }
            }
        }
    }

    private void ServeHeartbeat(CountdownEvent ready, ConcurrentQueue<string> failures)
    {
        ResponseSocket socket;
        try
        {
            socket = new ResponseSocket();
            socket.Options.Linger = TimeSpan.Zero;
            socket.Bind(_connection.Endpoint(_connection.HeartbeatPort));
        }
        catch (Exception e)
        {
            failures.Enqueue($"cannot bind heartbeat to {_connection.Endpoint(_connection.HeartbeatPort)}: {e.Message}");
            ready.Signal();
            return;
        }

        ready.Signal();
        using (socket)
        {
            var frames = new List<byte[]>();
            while (!_stopping)
            {
                if (socket.TryReceiveMultipartBytes(PollInterval, ref frames))
                {
                    socket.SendMultipartBytes(frames);
                }
            }
        }
    }

    private void ServeRouter(string name, int port, Action<RouterSocket, JupyterMessage> handle,
                             CountdownEvent ready, ConcurrentQueue<string> failures)
    {
        RouterSocket socket;
        try
        {
            socket = new RouterSocket();
            socket.Options.Linger = TimeSpan.FromSeconds(1);
            socket.Bind(_connection.Endpoint(port));
        }
        catch (Exception e)
        {
            failures.Enqueue($"cannot bind {name} to {_connection.Endpoint(port)}: {e.Message}");
            ready.Signal();
            return;
        }

        ready.Signal();
        using (socket)
        {
            var frames = new List<byte[]>();
            while (!_stopping)
            {
                if (!socket.TryReceiveMultipartBytes(PollInterval, ref frames))
                {
                    continue;
                }

                if (!JupyterWire.TryDecode(frames, _signer, out var message, out var error))
                {
                    Log($"dropped a message on {name}: {error}");
                    continue;
                }

                try
                {
                    handle(socket, message!);
                }
                catch (Exception e)
                {
                    Log($"failed to handle {message} on {name}: {e}");
                }
            }
        }
    }

    private void Reply(RouterSocket socket, JupyterMessage request, string type, JsonObject content)
    {
        var reply = JupyterMessage.Create(type, content, _session, request, request.Identities);
        socket.SendMultipartBytes(JupyterWire.Encode(reply, _signer));
    }

    private void Publish(JupyterMessage message) => _iopub.Add(message);

    private void Publish(string type, JsonObject content, JupyterMessage? parent) =>
        Publish(JupyterMessage.Create(type, content, _session, parent, [System.Text.Encoding.UTF8.GetBytes("kernel." + _session + "." + type)]));

    private JupyterMessage Status(string state, JupyterMessage? parent) =>
        JupyterMessage.Create("status", new JsonObject { ["execution_state"] = state }, _session, parent,
                              [System.Text.Encoding.UTF8.GetBytes("kernel." + _session + ".status")]);

    private void Log(string message)
    {
        lock (_log)
        {
            _log.WriteLine($"[descent kernel {DateTime.UtcNow:HH:mm:ss.fff}] {message}");
            _log.Flush();
        }
    }
}
