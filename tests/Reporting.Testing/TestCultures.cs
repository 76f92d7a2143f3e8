using System.Globalization;

namespace Reporting.Testing;

/// <summary>
/// The cultures output must not depend on: the invariant culture, German (decimal comma, '.' grouping) and Turkish
/// (decimal comma, dotted and dotless i). Tests run the same work under each and compare the bytes.
/// </summary>
public static class TestCultures
{
    public static IReadOnlyList<CultureInfo> All { get; } =
        [CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("de-DE"), CultureInfo.GetCultureInfo("tr-TR")];

    /// <summary>Runs <paramref name="work"/> with <paramref name="culture"/> as the current culture and UI culture.</summary>
    public static T In<T>(CultureInfo culture, Func<T> work)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    /// <summary>
    /// Fails unless this process has real culture data (ICU, not globalization-invariant mode): otherwise every culture
    /// formats like the invariant one and a comparison between them proves nothing.
    /// </summary>
    public static void RequireCultureData()
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        if (german.NumberFormat.NumberDecimalSeparator != "," || "I".ToLower(CultureInfo.GetCultureInfo("tr-TR")) != "ı")
        {
            throw new InvalidOperationException("No culture data: install ICU (libicu) and unset DOTNET_SYSTEM_GLOBALIZATION_INVARIANT.");
        }
    }
}
