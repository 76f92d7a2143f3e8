using Azure;
using Azure.Identity;

namespace Reporting.Storage;

/// <summary>Tells callers outside the storage layer whether an exception means storage failed, without their knowing the SDK's types.</summary>
public static class StorageFailure
{
    /// <summary>A sentence for people (no key, no SAS signature) when <paramref name="exception"/> is a storage failure; otherwise null.</summary>
    public static string? Describe(Exception exception) => Unwrap(exception) switch
    {
        RequestFailedException { Status: > 0 } failed => SecretRedactor.Redact($"storage answered HTTP {failed.Status} ({failed.ErrorCode}): {FirstLine(failed.Message)}"),
        RequestFailedException failed => SecretRedactor.Redact($"storage could not be reached: {FirstLine(failed.Message)}"),
        AuthenticationFailedException failed => $"signing in to storage with an identity failed: {FirstLine(failed.Message)}",
        _ => null,
    };

    /// <summary>The failure itself: the SDK wraps the last attempts' failures in an AggregateException once retries run out.</summary>
    public static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions: [var first, ..] } ? Unwrap(first) : exception;

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
