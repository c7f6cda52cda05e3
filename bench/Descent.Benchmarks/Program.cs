using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Descent.Benchmarks.DataBenchmarks).Assembly).Run(args);
