namespace Descent.Notebooks;

/// <summary>Options for <see cref="NotebookSession.StartAsync"/>.</summary>
/// <param name="WorkingDirectory">Directory that relative paths in cells resolve against (the notebook's
/// folder); <c>null</c> keeps the process's current directory.</param>
/// <param name="EmbedPlotlyJs">No longer used: no chart carries plotly.js inline. Each chart's <c>text/html</c> loads it
/// from the kernel spec's folder (<c>{base_url}kernelspecs/NAME/plotly.min.js</c>, written by <c>descent kernel install</c>)
/// when the page lacks it, so charts draw after a refresh, in a second tab and from stored outputs; the site loads
/// plotly.js once from its assets.</param>
public sealed record NotebookSessionOptions(string? WorkingDirectory = null, bool EmbedPlotlyJs = true);
