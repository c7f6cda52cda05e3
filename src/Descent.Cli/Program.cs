// TEMPORARY (kernel branch): replaced by the notebooks engineer's Program.cs on merge.
using System.CommandLine;
using Descent.Cli;
using Descent.Cli.Commands;

var root = new RootCommand("Descent: an interactive C# course on why training neural networks is hard.");
root.Subcommands.Add(KernelCommand.Create(new CliContext(null, Console.Out, Console.Error)));
return root.Parse(args).Invoke();
