using System.CommandLine;
using System.Reflection;
using Descent.Notebooks.Kernel;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent kernel install | uninstall | start</c>: the Descent Jupyter kernel (protocol 5.3 over NetMQ, signed
/// messages, no HTTP server) for VS Code's Jupyter extension, JupyterLab, nbclient and JupyterHub.
/// </summary>
internal static class KernelCommand
{
    /// <summary>The <c>kernel</c> command with its three subcommands.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("kernel", "Install, remove or start the Descent Jupyter kernel (\"C# (Descent)\").");
        command.Subcommands.Add(CreateInstall(context));
        command.Subcommands.Add(CreateUninstall(context));
        command.Subcommands.Add(CreateStart(context));
        return command;
    }

    private static Command CreateInstall(CliContext context)
    {
        var location = LocationOptions();
        var name = NameOption();
        var install = new Command("install", "Write the kernel spec (kernel.json + logos) so Jupyter front ends list \"C# (Descent)\".");
        install.Options.Add(location.User);
        install.Options.Add(location.Prefix);
        install.Options.Add(location.SysPrefix);
        install.Options.Add(name);
        install.SetAction(parse => Run(context, () =>
        {
            var where = location.Resolve(parse);
            var argv = LaunchArguments();
            var directory = KernelSpecInstaller.Install(where, parse.GetValue(name)!, argv);
            context.Output.WriteLine($"Installed kernel spec '{parse.GetValue(name)}' (\"{KernelSpecInstaller.DisplayName}\") in {directory}");
            context.Output.WriteLine($"It starts: {string.Join(' ', argv)}");
            return 0;
        }));
        return install;
    }

    private static Command CreateUninstall(CliContext context)
    {
        var location = LocationOptions();
        var name = NameOption();
        var uninstall = new Command("uninstall", "Remove the kernel spec.");
        uninstall.Options.Add(location.User);
        uninstall.Options.Add(location.Prefix);
        uninstall.Options.Add(location.SysPrefix);
        uninstall.Options.Add(name);
        uninstall.SetAction(parse => Run(context, () =>
        {
            var where = location.Resolve(parse);
            var removed = KernelSpecInstaller.Uninstall(where, parse.GetValue(name)!);
            if (removed is null)
            {
                throw CliErrors.Failure($"no kernel spec '{parse.GetValue(name)}' is installed in {where.DataDirectory}");
            }

            context.Output.WriteLine($"Removed {removed}");
            return 0;
        }));
        return uninstall;
    }

    private static Command CreateStart(CliContext context)
    {
        var file = new Argument<string>("CONNECTION_FILE") { Description = "The connection file Jupyter writes (ports, ip, HMAC key)." };
        var start = new Command("start", "Run the kernel for a connection file (Jupyter calls this through kernel.json).");
        start.Arguments.Add(file);
        start.SetAction(parse => Run(context, () => Start(parse.GetValue(file)!, context.Error)));
        return start;
    }

    private static int Start(string connectionFile, TextWriter log)
    {
        var connection = ConnectionInfo.Load(connectionFile);
        var kernel = new JupyterKernel(connection, ct => NotebookKernelSession.StartAsync(null, ct), new KernelOptions(Log: log));
        Console.CancelKeyPress += (_, e) =>
        {
            // Ctrl+C in the terminal that started Jupyter interrupts the cell instead of killing the kernel.
            e.Cancel = true;
            kernel.Interrupt();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => kernel.RequestStop();
        var code = kernel.Run();
        log.Flush();
        // A cell that ignores cancellation keeps a thread busy; exiting the process is the only way to stop it.
        Environment.Exit(code);
        return code;
    }

    /// <summary>
    /// The command line kernel.json runs: the .NET host and this checkout's built <c>descent.dll</c>, so a kernel restart
    /// picks up a rebuilt library. Computed at install time; never committed.
    /// </summary>
    private static string[] LaunchArguments()
    {
        var dll = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(dll) || !File.Exists(dll))
        {
            throw new InvalidOperationException("cannot locate the built descent.dll; run `dotnet run --project src/Descent.Cli -- kernel install`");
        }

        return [DotnetHost(), dll, "kernel", "start", "{connection_file}"];
    }

    private static string DotnetHost()
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, exe)))
            {
                return Path.Combine(dir, exe);
            }
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, exe)))
        {
            return Path.Combine(root, exe);
        }

        return "dotnet";
    }

    private static Option<string> NameOption() => new("--name")
    {
        Description = "Kernel spec name (letters, digits, '.', '_', '-').",
        DefaultValueFactory = _ => KernelSpecInstaller.DefaultName,
    };

    private static LocationChoice LocationOptions() => new(
        new Option<bool>("--user") { Description = "The per-user Jupyter data directory (the default)." },
        new Option<string?>("--prefix") { Description = "PREFIX/share/jupyter, e.g. a virtual environment or a container image." },
        new Option<bool>("--sys-prefix") { Description = "The active Python environment (VIRTUAL_ENV or CONDA_PREFIX)." });

    /// <summary>A bad kernel spec location or name, an unreadable connection file or a spec that cannot be written is a
    /// usage error (2).</summary>
    private static int Run(CliContext context, Func<int> action) => CliErrors.Run(context, action, e =>
        e is InvalidDataException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException
            ? CliErrors.UsageCode : null);

    private sealed record LocationChoice(Option<bool> User, Option<string?> Prefix, Option<bool> SysPrefix)
    {
        public KernelSpecLocation Resolve(ParseResult parse)
        {
            var user = parse.GetValue(User);
            var prefix = parse.GetValue(Prefix);
            var sysPrefix = parse.GetValue(SysPrefix);
            if ((user ? 1 : 0) + (prefix is null ? 0 : 1) + (sysPrefix ? 1 : 0) > 1)
            {
                throw new ArgumentException("choose one of --user, --prefix DIR and --sys-prefix");
            }

            return prefix is not null ? KernelSpecLocation.Prefix(prefix)
                : sysPrefix ? KernelSpecLocation.SysPrefix()
                : KernelSpecLocation.User();
        }
    }
}
