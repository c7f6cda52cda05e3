// Makes the Descent library available in C# front ends other than the Descent kernel: the stock .NET Interactive
// Jupyter kernel and Polyglot Notebooks (deprecated, see the README). The Descent kernel, `descent run` and the tests
// preload Descent and treat `#load "descent.csx"` as a no-op.
//
// Build first:  dotnet build src/Descent.Plots
// That build copies every DLL the library needs (Descent, Descent.Plots, Plotly.NET and its F# dependencies,
// MathNet.Numerics) into src/Descent.Plots/bin/Debug/net10.0/, and this script references them there by a path
// relative to this file, so notebooks/ and notebooks/solutions/ (which loads "../descent.csx") both work, offline.
// No `#r "nuget: …"` here: the engine accepts NuGet references only in a cell, not in a #load'ed script.
// After you change src/ and rebuild, restart the kernel: the next #load picks up the new library.
#r "../src/Descent.Plots/bin/Debug/net10.0/MathNet.Numerics.dll"
#r "../src/Descent.Plots/bin/Debug/net10.0/Plotly.NET.dll"
#r "../src/Descent.Plots/bin/Debug/net10.0/Descent.dll"
#r "../src/Descent.Plots/bin/Debug/net10.0/Descent.Plots.dll"

// `global using`: a plain using in a #load'ed script would not reach the notebook's own cells. The list is the
// Descent kernel's (NotebookSession.ImportedNamespaces, less Descent.Notebooks); a test keeps the two equal.
global using System.Threading;
global using Descent;
global using Descent.Curvature;
global using Descent.Data;
global using Descent.Exercises;
global using Descent.Experiments;
global using Descent.Functions;
global using Descent.Models;
global using Descent.Optimization;
global using Descent.Plots;
global using MathNet.Numerics.LinearAlgebra;

// Charts: the engine's own formatter would show a Plotly.NET chart as a table of its fields. This one draws it offline:
// plotly.js (shipped inside Plotly.NET) inlined with the first chart of the session, with an AMD loader (require.js)
// hidden while it runs, then each chart as the Descent kernel writes it (Descent.Plots.ChartHtml.JupyterFragment): it
// draws with the page's plotly.js, and on a page that has none (after a refresh, in a second tab) loads it from the
// Jupyter server's copy beside the Descent kernel spec (`descent kernel install` puts it there).
{
    var plotlyJsSent = false;
    Microsoft.DotNet.Interactive.Formatting.Formatter.Register<Plotly.NET.GenericChart>((chart, writer) =>
    {
        if (!plotlyJsSent)
        {
            writer.Write("<script type=\"text/javascript\">window.__descentDefine = window.define; window.define = undefined;</script>\n");
            writer.Write(PlotlyJs.ScriptTag());
            writer.Write("\n<script type=\"text/javascript\">window.define = window.__descentDefine;</script>\n");
            plotlyJsSent = true;
        }
        writer.Write(ChartHtml.JupyterFragment(chart, "descent-chart-" + Guid.NewGuid().ToString("N"), "descent-csharp"));
    }, "text/html");
}
