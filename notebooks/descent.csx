// Makes the Descent library available in C# front ends other than the Descent kernel (Polyglot Notebooks, the
// stock .NET Interactive Jupyter kernel). The Descent kernel, `descent run` and the tests preload Descent and treat
// `#load "descent.csx"` as a no-op. Build first: dotnet build src/Descent.Plots (it builds src/Descent too).
// After you change src/ and rebuild, restart the kernel: the next #load picks up the new library.
#r "nuget: MathNet.Numerics, 5.0.0"
#r "nuget: Plotly.NET, 6.0.0"
#r "nuget: Plotly.NET.Interactive, 6.0.0"
#r "../src/Descent.Plots/bin/Debug/net10.0/Descent.dll"
#r "../src/Descent.Plots/bin/Debug/net10.0/Descent.Plots.dll"
using Descent.Functions;
using Descent.Optimization;
using Descent.Curvature;
using Descent.Models;
using Descent.Data;
using Descent.Experiments;
using Descent.Exercises;
using Descent.Plots;
using MathNet.Numerics.LinearAlgebra;
