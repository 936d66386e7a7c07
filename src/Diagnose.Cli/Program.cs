using System.Text;
using Diagnose.Cli;

// Buffered stdout: Console.Out flushes on every line, which dominates `events` on large logs.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var exit = CliApp.Run(args, stdout, Console.Error);
stdout.Flush();
return exit;
