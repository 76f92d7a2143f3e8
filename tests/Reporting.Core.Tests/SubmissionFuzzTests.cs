using System.Diagnostics;
using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;

namespace Reporting.Core.Tests;

/// <summary>
/// Ten thousand hostile inputs with a fixed seed: random bytes and mutations of a valid file. The reader must never
/// throw, never hang, and always give an answer: figures, or at least one problem. The costliest case is bounded by the
/// bytes it allocates (deterministic for a given input, unlike its time), and both are printed.
/// </summary>
public sealed class SubmissionFuzzTests
{
    private const int Cases = 10_000;

    // Every input is at most 2 KB; a reader whose cost per input is bounded stays far below this whatever the input.
    private const long MaxAllocatedPerCase = 4L * 1024 * 1024;
    private static readonly SubmissionRules Rules = new() { CurrentPeriod = new Period(2026, 11), MaxBytes = 64 * 1024 };
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(
        "period,kpi,value,comment\r\n2026-10,reach,1200,\"Launch, \"\"week\"\" 2\"\r\n2026-10,churn-rate,2.5%,\r\n2026-10,yield,81.5,ok\r\n");
    private static readonly byte[] Interesting = "\",;\r\n\0%-.e\u00ff\t '".Select(c => (byte)c).Concat(Encoding.UTF8.GetPreamble()).ToArray();

    [Fact]
    public void Read_TenThousandHostileInputs_AlwaysAnswersAndNeverThrows()
    {
        var random = new Random(20261122);
        var reader = new SubmissionCsvReader(Rules);
        var slowest = TimeSpan.Zero;
        var (costliest, costliestCase) = (0L, -1);
        var (accepted, rejected) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var input = i % 4 == 0 ? RandomBytes(random) : Mutate(random, Valid);
            var watch = Stopwatch.StartNew();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            SubmissionResult result;
            try
            {
                result = reader.Read(new MemoryStream(input), TestStrategy.Sales);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"case {i} threw {ex.GetType().Name}: {ex.Message}\ninput (base64): {Convert.ToBase64String(input)}");
            }

            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            (costliest, costliestCase) = allocated > costliest ? (allocated, i) : (costliest, costliestCase);
            Assert.True(result.IsAccepted ? result.Figures.Count > 0 && result.Problems.Count == 0 : result.Problems.Count > 0 && result.Figures.Count == 0,
                $"case {i} gave neither figures nor problems");
            if (result.IsAccepted)
            {
                accepted++;
            }
            else
            {
                rejected++;
            }
        }

        Assert.Equal(Cases, accepted + rejected);
        Assert.True(accepted > 0 && rejected > 0, $"the mutations should produce both outcomes (accepted {accepted}, rejected {rejected})");
        Console.WriteLine($"fuzz: {accepted} accepted, {rejected} rejected, slowest case {slowest.TotalMilliseconds:0.0} ms, costliest case {costliestCase} allocated {costliest:N0} bytes");
        Assert.True(costliest <= MaxAllocatedPerCase, $"case {costliestCase} allocated {costliest:N0} bytes, more than {MaxAllocatedPerCase:N0}");
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 2048)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        for (var m = random.Next(1, 6); m > 0 && bytes.Count > 0; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                case 2: bytes.RemoveAt(at); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;                                   // truncate
                case 4: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(40, bytes.Count - at))); break; // duplicate a run
                default: bytes.InsertRange(at, Enumerable.Repeat((byte)'"', random.Next(1, 4))); break;   // stray quotes
            }
        }

        return [.. bytes];
    }
}
