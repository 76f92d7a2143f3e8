using System.Text.Json.Serialization;

namespace Reporting.Core.Scorecards.Contract;

/// <summary>scorecard.json's serializer, generated at build time: no reflection, and the contract's shape in one place.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ScorecardDocument))]
public sealed partial class ScorecardJsonContext : JsonSerializerContext;
