using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Reporting.LocalRunner;

/// <summary>
/// Reads functions.metadata, the file the Worker SDK writes at build time and the Functions host indexes the app by, and
/// resolves each <c>%Setting%</c> in it from configuration, as the host resolves them from app settings.
/// </summary>
internal static partial class FunctionMetadataFile
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<FunctionDefinition> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var functions = new List<FunctionDefinition>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => Text(b, "type")?.EndsWith("Trigger", StringComparison.Ordinal) == true);
            functions.Add(new FunctionDefinition(
                Text(function, "name")!, Text(function, "scriptFile")!, Text(function, "entryPoint")!,
                new TriggerBinding(Text(trigger, "type")!, Text(trigger, "name")!, Text(trigger, "queueName"), Text(trigger, "schedule"), Text(trigger, "connection"))));
        }

        return functions;
    }

    /// <summary>The value with every <c>%Setting%</c> replaced; a setting that is not configured stops the runner, as it stops the host.</summary>
    public static string Resolve(string value, IConfiguration configuration) =>
        SettingPattern().Replace(value, match => configuration[match.Groups[1].Value] is { Length: > 0 } resolved
            ? resolved
            : throw new InvalidOperationException($"the app setting '{match.Groups[1].Value}' (used as {match.Value} in functions.metadata) is not set"));

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingPattern();
}
