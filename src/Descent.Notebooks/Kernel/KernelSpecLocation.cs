namespace Descent.Notebooks.Kernel;

/// <summary>
/// Where a kernel spec is installed, following jupyter_client's search path: the user's data directory
/// (<c>$JUPYTER_DATA_DIR</c>, else <c>~/.local/share/jupyter</c>, <c>~/Library/Jupyter</c> or <c>%APPDATA%\jupyter</c>),
/// <c>PREFIX/share/jupyter</c>, or the active Python environment's prefix.
/// </summary>
/// <param name="DataDirectory">The Jupyter data directory; the spec goes to <c>DataDirectory/kernels/NAME</c>.</param>
public sealed record KernelSpecLocation(string DataDirectory)
{
    /// <summary>The per-user data directory (jupyter's <c>--user</c>).</summary>
    public static KernelSpecLocation User()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } dataDir)
        {
            return new KernelSpecLocation(Path.GetFullPath(dataDir));
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return new KernelSpecLocation(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter"));
        }

        if (OperatingSystem.IsMacOS())
        {
            return new KernelSpecLocation(Path.Combine(home, "Library", "Jupyter"));
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return new KernelSpecLocation(Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter"));
    }

    /// <summary><c>PREFIX/share/jupyter</c> (jupyter's <c>--prefix</c>).</summary>
    public static KernelSpecLocation Prefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return new KernelSpecLocation(Path.Combine(Path.GetFullPath(prefix), "share", "jupyter"));
    }

    /// <summary>The active Python environment's <c>share/jupyter</c> (jupyter's <c>--sys-prefix</c>): <c>$CONDA_PREFIX</c>
    /// or <c>$VIRTUAL_ENV</c>.</summary>
    /// <exception cref="InvalidOperationException">No Python environment is active.</exception>
    public static KernelSpecLocation SysPrefix()
    {
        var prefix = Environment.GetEnvironmentVariable("VIRTUAL_ENV") is { Length: > 0 } venv ? venv
            : Environment.GetEnvironmentVariable("CONDA_PREFIX") is { Length: > 0 } conda ? conda
            : throw new InvalidOperationException(
                "--sys-prefix needs an active Python environment (VIRTUAL_ENV or CONDA_PREFIX is not set); activate it, or use --user or --prefix DIR");
        return Prefix(prefix);
    }

    /// <summary>The directory of kernel spec <paramref name="name"/>.</summary>
    public string KernelDirectory(string name) => Path.Combine(DataDirectory, "kernels", name);

    /// <summary>The data directory.</summary>
    public override string ToString() => DataDirectory;
}
