using System.Diagnostics;
using System.Globalization;
using Reporting.LocalDev;
using Spectre.Console;

namespace Reporting.Cli.Demo;

/// <summary>
/// The demo's inbox: waits until maildev has every scorecard message the render sent, saves each as an <c>.eml</c> file
/// under <c>&lt;out&gt;/mail/</c> (open it in any mail program) and prints who received what.
/// </summary>
internal static class DemoMailbox
{
    public static async Task<IReadOnlyList<FileInfo>> SaveAsync(MailDevServer maildev, int expected, DirectoryInfo output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var messages = await maildev.Inbox.ListAsync(cancellationToken);
        while (messages.Count < expected && watch.Elapsed < timeout)
        {
            await Task.Delay(200, cancellationToken);
            messages = await maildev.Inbox.ListAsync(cancellationToken);
        }

        var folder = Directory.CreateDirectory(Path.Combine(output.FullName, "mail"));
        var files = new List<FileInfo>();
        var table = new Table().Border(TableBorder.Rounded).AddColumns("To", "Subject", "Attachment", "Saved as");
        foreach (var (message, index) in messages.OrderBy(m => m.To.FirstOrDefault()?.Address, StringComparer.Ordinal).Select((m, i) => (m, i + 1)))
        {
            var to = string.Join(", ", message.To.Select(a => a.Address));
            var file = new FileInfo(Path.Combine(folder.FullName, string.Create(CultureInfo.InvariantCulture, $"{index:00}-{to.Split('@')[0]}.eml")));
            await File.WriteAllBytesAsync(file.FullName, await maildev.Inbox.SourceAsync(message, cancellationToken), cancellationToken);
            files.Add(file);
            table.AddRow(Markup.Escape(to), Markup.Escape(message.Subject), Markup.Escape(string.Join(", ", message.Attachments?.Select(a => a.FileName) ?? [])), Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), file.FullName)));
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Mail:[/] {messages.Count} of {expected} messages arrived at the local mail server (maildev, inbox {maildev.WebAddress} while the demo runs):");
        AnsiConsole.Write(table);
        return files;
    }
}
