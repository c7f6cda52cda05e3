namespace Descent.Notebooks;

/// <summary>Options for <see cref="NotebookSession.StartAsync"/>.</summary>
/// <param name="WorkingDirectory">Directory that relative paths in cells resolve against (the notebook's
/// folder); <c>null</c> keeps the process's current directory.</param>
/// <param name="EmbedPlotlyJs">When <c>true</c>, the first chart of the session carries plotly.js inline in its
/// <c>text/html</c> so a live front end with no internet draws it (later charts reuse the loaded copy). The runner
/// turns this off: stored notebooks stay small and the site loads plotly.js once from its assets.</param>
public sealed record NotebookSessionOptions(string? WorkingDirectory = null, bool EmbedPlotlyJs = true);
