using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;

namespace Reporting.Storage.Tables;

/// <summary>
/// The accepted monthly figures of every department. Each accepted submission writes its own rows (its figures in a few
/// <see cref="FigureChunkEntity"/> rows, usually one), which nobody reads until one swap of the department's pointer for
/// the month (<see cref="FigurePointerEntity"/>) puts them in force, all at once; the swap refuses a submission older
/// than the one in force, so the newest upload wins in any processing order.
/// </summary>
/// <param name="account">The storage account.</param>
/// <param name="afterPointersRead">For tests: runs after a load has read a month's pointers and before it reads the rows they name.</param>
public sealed class KpiFigureTable(ReportingStorageAccount account, Func<Period, Task>? afterPointersRead = null)
{
    private const int MaxBatch = 100;
    /// <summary>
    /// The figures' characters one batch carries at most: a batch is at most 4 MiB on the wire, and a character of a
    /// chunk is at most three bytes there (a CJK character in UTF-8; a backslash, escaped again inside the request's JSON, two).
    /// </summary>
    private const int MaxBatchChars = 1_000_000;
    /// <summary>
    /// How many batches are sent at once: while the service stores one, the client prepares and checks the next, so a
    /// large submission is written at the pace of the service rather than of the service plus the client.
    /// </summary>
    public const int ParallelBatches = 2;
    /// <summary>How many month partitions <see cref="LoadAsync"/> reads at once.</summary>
    public const int ParallelQueries = 6;

    /// <summary>What loaded figures are made of, and whose submission they are (rows of either layout); the keys and timestamp are not read.</summary>
    private static readonly string[] FigureColumns =
        [nameof(FigureChunkEntity.Department), nameof(FigureChunkEntity.SubmissionId), nameof(FigureChunkEntity.Figures),
         nameof(FigureChunkEntity.Kpi), nameof(FigureChunkEntity.Value), nameof(FigureChunkEntity.Comment)];
    /// <summary>Only the keys, for rows read to be deleted.</summary>
    private static readonly string[] KeyColumns = [nameof(TableRow.PartitionKey), nameof(TableRow.RowKey)];
    private const int MaxSwapConflicts = 20;
    /// <summary>How often a load reads a month again when a newer submission replaced one it was reading.</summary>
    private const int MaxMovedPointers = 5;

    private TableClient Table => account.Table(account.Options.FigureTable);

    /// <summary>
    /// Stores the submission's figures and puts them in force unless a newer submission holds the month.
    /// <paramref name="beforeSwap"/> runs just before the swap (tests force an interleaving there). Safe to repeat.
    /// Rows of older submissions stay until <see cref="RemoveSupersededAsync"/>: nobody reads them, and the uploader need not wait for their removal.
    /// </summary>
    public async Task<FigureSwap> PublishAsync(string department, Period period, SubmissionStamp stamp, IReadOnlyList<KpiFigure> figures,
        Func<CancellationToken, Task>? beforeSwap, CancellationToken cancellationToken)
    {
        var partition = period.ToString();
        // In KPI order (ordinal), as the rows of one figure each were read back: the order loads return is the same as before.
        var chunks = FigureChunks.Encode(figures.OrderBy(f => f.KpiId, StringComparer.Ordinal).Select(f => new FigureChunks.Item(f.KpiId, f.Value, f.Comment)));
        var rows = chunks.Select((chunk, i) => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, FigureChunkEntity.RowKeyFor(department, stamp.Key, i))
        {
            [nameof(FigureChunkEntity.Department)] = department,
            [nameof(FigureChunkEntity.SubmissionId)] = stamp.Key,
            [nameof(FigureChunkEntity.Figures)] = chunk.Text,
            [nameof(FigureChunkEntity.FigureCount)] = chunk.Count,
        }));
        await ExecuteInBatchesAsync(Batches(rows, a => ((TableEntity)a.Entity).GetString(nameof(FigureChunkEntity.Figures)).Length), cancellationToken);
        await RemoveChunksFromAsync(department, partition, stamp.Key, chunks.Count, cancellationToken);
        if (beforeSwap is not null)
        {
            await beforeSwap(cancellationToken);
        }

        return await SwapAsync(department, partition, stamp, figures.Count, cancellationToken);
    }

    // An earlier attempt at the same upload that stopped before its swap may have cut the file into more chunks (the
    // strategy, so the figures read from the file, changed in between): its extra chunks carry the same submission key
    // and would be read as part of this one. Usually this query finds nothing.
    private async Task RemoveChunksFromAsync(string department, string partition, string submissionKey, int first, CancellationToken cancellationToken)
    {
        var extra = await Table.QueryAllAsync<FigureChunkEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {FigureChunkEntity.RowKeyFor(department, submissionKey, first)} and RowKey lt {FigureChunkEntity.EndOf(department, submissionKey)}"),
            cancellationToken, KeyColumns);
        await DeleteAsync(extra, cancellationToken);
    }

    /// <summary>The submission in force for a department and month, or null when none is.</summary>
    public Task<FigurePointerEntity?> InForceAsync(string department, Period period, CancellationToken cancellationToken) =>
        Table.FindAsync<FigurePointerEntity>(period.ToString(), FigurePointerEntity.RowKeyFor(department), cancellationToken);

    /// <summary>
    /// When the table service last put a submission in force in any of the months (its time for the swap; see
    /// <see cref="SwapMark"/>): what a render that reads these months includes. Read before the figures, so a swap
    /// the render missed is always later. Swaps are ordered by the service's clock, not by when uploads were received:
    /// an older upload processed late still counts as new here.
    /// </summary>
    public async Task<string> WatermarkAsync(Period first, Period last, CancellationToken cancellationToken)
    {
        var months = new List<Task<List<FigurePointerEntity>>>();
        for (var month = first; month <= last; month = month.Next())
        {
            months.Add(PointersAsync(month.ToString(), cancellationToken));
        }

        return (await Task.WhenAll(months)).SelectMany(m => m).Select(SwapMark).DefaultIfEmpty("").Max(StringComparer.Ordinal)!;
    }

    /// <summary>The table service's time of a swap, as text that sorts like the time.</summary>
    public static string SwapMark(FigurePointerEntity pointer) =>
        (pointer.Timestamp ?? DateTimeOffset.MinValue).UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Every figure in force from <paramref name="first"/> to <paramref name="last"/> inclusive, all departments. Each month
    /// is a partition, read by its own queries, several at once; ids are shared rather than repeated, so a large
    /// organisation's year fits in little memory.
    /// </summary>
    public async Task<IReadOnlyList<KpiFigure>> LoadAsync(Period first, Period last, CancellationToken cancellationToken)
    {
        var months = new List<Period>();
        for (var month = first; month <= last; month = month.Next())
        {
            months.Add(month);
        }

        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var share = Sharing(ids);
        var perMonth = new List<KpiFigure>[months.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, months.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelQueries, CancellationToken = cancellationToken },
            async (i, token) => perMonth[i] = await LoadMonthAsync(months[i], share, token));
        return perMonth.SelectMany(m => m).ToList();
    }

    /// <summary>
    /// One department's figures in force from <paramref name="first"/> to <paramref name="last"/>: per month its pointer, then
    /// only the rows of the submission it names (a row-key range), never the other departments' rows.
    /// </summary>
    public async Task<IReadOnlyList<KpiFigure>> LoadDepartmentAsync(string department, Period first, Period last, CancellationToken cancellationToken)
    {
        var figures = new List<KpiFigure>();
        for (var month = first; month <= last; month = month.Next())
        {
            var period = month;
            figures.AddRange(await ReadConsistentlyAsync(period, async token =>
            {
                if (await InForceAsync(department, period, token) is not { } pointer)
                {
                    return ([], []);
                }

                await (afterPointersRead?.Invoke(period) ?? Task.CompletedTask);
                var (start, end) = (FigureChunkEntity.StartOf(department, pointer.SubmissionKey), FigureChunkEntity.EndOf(department, pointer.SubmissionKey));
                var read = new List<KpiFigure>();
                foreach (var row in await Table.QueryAllAsync<FigureChunkEntity>(
                    TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()} and RowKey ge {start} and RowKey lt {end}"), token, FigureColumns))
                {
                    AddFigures(row, period, read, department, kpi => new string(kpi));
                }

                return (read, read.Count == pointer.FigureCount ? [] : [(pointer, read.Count)]);
            }, cancellationToken));
        }

        return figures;
    }

    // The pointers first: a submission swapped in after they were read is simply not seen, never seen in part.
    private Task<List<KpiFigure>> LoadMonthAsync(Period month, FigureChunks.SpanToString share, CancellationToken cancellationToken) =>
        ReadConsistentlyAsync(month, async token =>
        {
            var partition = month.ToString();
            var inForce = (await PointersAsync(partition, token)).ToDictionary(p => p.Department, StringComparer.Ordinal);
            await (afterPointersRead?.Invoke(month) ?? Task.CompletedTask);
            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            var figures = new List<KpiFigure>();
            foreach (var row in await Table.QueryAllAsync<FigureChunkEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {"~"}"), token, FigureColumns))
            {
                if (inForce.TryGetValue(row.Department, out var pointer) && pointer.SubmissionKey == row.SubmissionId)
                {
                    var before = figures.Count;
                    AddFigures(row, month, figures, share(row.Department), share);
                    found[row.Department] = found.GetValueOrDefault(row.Department) + figures.Count - before;
                }
            }

            var incomplete = inForce.Values.Select(p => (Pointer: p, Found: found.GetValueOrDefault(p.Department))).Where(p => p.Found != p.Pointer.FigureCount).ToList();
            return (figures, incomplete);
        }, cancellationToken);

    /// <summary>
    /// Reads a month (<paramref name="read"/>: the figures, and every pointer whose figures were not all found) until
    /// nothing is missing. Figures go missing when a newer submission is put in force between reading the pointers and
    /// reading the rows, and the older rows are removed meanwhile: then the month is read again, with the new pointer.
    /// Figures missing under a pointer that did not move are damage (rows deleted by hand, a partial restore), reported
    /// rather than left out of the scorecards without a word.
    /// </summary>
    private async Task<List<KpiFigure>> ReadConsistentlyAsync(Period month,
        Func<CancellationToken, Task<(List<KpiFigure> Figures, List<(FigurePointerEntity Pointer, int Found)> Incomplete)>> read, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (figures, incomplete) = await read(cancellationToken);
            if (incomplete.Count == 0)
            {
                return figures;
            }

            var (pointer, found) = incomplete[0];
            var now = await InForceAsync(pointer.Department, month, cancellationToken);
            if (attempt == MaxMovedPointers || now?.SubmissionKey == pointer.SubmissionKey)
            {
                throw Incomplete(pointer, found);
            }
        }
    }

    private static InvalidDataException Incomplete(FigurePointerEntity pointer, int found) => new(found < pointer.FigureCount
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the stored figures of {pointer.Department} for {pointer.PartitionKey} are incomplete: {found:N0} of the {pointer.FigureCount:N0} figures of {pointer.BlobName} were found; upload the file again (or a corrected one) to store it whole")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the stored figures of {pointer.Department} for {pointer.PartitionKey} do not add up: {found:N0} were found where {pointer.FigureCount:N0} figures of {pointer.BlobName} were stored; upload the file again (or a corrected one) to store it anew"));

    // The one string for these characters among all the load's ids: a year of a large organisation repeats each KPI id
    // (and department id) hundreds of thousands of times. Looked up by the characters, so a repeat makes no string.
    private static FigureChunks.SpanToString Sharing(ConcurrentDictionary<string, string> ids)
    {
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        return characters =>
        {
            if (lookup.TryGetValue(characters, out var id))
            {
                return id;
            }

            var created = new string(characters);
            return ids.GetOrAdd(created, created);
        };
    }

    // A chunk's figures, or the one figure of a row written before chunks.
    private static void AddFigures(FigureChunkEntity row, Period period, List<KpiFigure> into, string department, FigureChunks.SpanToString share)
    {
        if (row.Figures is { } text)
        {
            try
            {
                FigureChunks.Decode(text, share, (kpi, value, comment) => into.Add(new KpiFigure(department, period, kpi, value, comment)));
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"the stored figures of {department} for {period} (row {row.RowKey}) cannot be read: {ex.Message}", ex);
            }
        }
        else if (row is { Kpi: { } kpi, Value: { } value })
        {
            into.Add(new KpiFigure(department, period, share(kpi.AsSpan()), value, row.Comment));
        }
    }

    private Task<List<FigurePointerEntity>> PointersAsync(string partition, CancellationToken cancellationToken) =>
        Table.QueryAllAsync<FigurePointerEntity>(FigurePointerEntity.InMonth(partition), cancellationToken);

    private async Task<FigureSwap> SwapAsync(string department, string partition, SubmissionStamp stamp, int figureCount, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSwapConflicts; attempt++)
        {
            var current = await Table.FindAsync<FigurePointerEntity>(partition, FigurePointerEntity.RowKeyFor(department), cancellationToken);
            if (current?.SubmissionKey == stamp.Key)
            {
                return FigureSwap.AlreadyInForce;
            }

            if (current is not null && !stamp.IsNewerThan(current))
            {
                return FigureSwap.Superseded;
            }

            var pointer = new FigurePointerEntity
            {
                PartitionKey = partition,
                RowKey = FigurePointerEntity.RowKeyFor(department),
                Department = department,
                SubmissionKey = stamp.Key,
                BlobName = stamp.BlobName,
                ReceivedUtc = stamp.ReceivedUtc,
                FigureCount = figureCount,
            };
            try
            {
                _ = current is null
                    ? await Table.AddEntityAsync(pointer, cancellationToken)
                    : await Table.UpdateEntityAsync(pointer, current.ETag, TableUpdateMode.Replace, cancellationToken);
                return FigureSwap.InForce;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // another submission swapped in between our read and our write: read again and compare again
            }
        }

        throw new InvalidOperationException($"the figures of {department} for {partition} kept changing; gave up after {MaxSwapConflicts} attempts");
    }

    /// <summary>
    /// Removes the rows of the department's submissions for the month that are older than <paramref name="inForce"/>, the
    /// pointer as the caller last read it (<see cref="InForceAsync"/>): the swap
    /// refuses them, so nobody can read them again. Rows of a newer submission may be waiting for its own swap and stay,
    /// as do rows received in the same storage second (a tie the swap may still decide). Safe to repeat, and to skip:
    /// the next publish's removal takes what one left. Row keys start with the department and the submission's received
    /// ticks (fixed width), so the older rows are one key range ending where the submission in force begins: the query
    /// reads only what goes.
    /// </summary>
    public async Task RemoveSupersededAsync(FigurePointerEntity inForce, CancellationToken cancellationToken)
    {
        var department = inForce.Department;
        var received = SubmissionStamp.ReceivedPart(inForce.SubmissionKey);
        var rows = await Table.QueryAllAsync<FigureChunkEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {inForce.PartitionKey} and RowKey ge {department + "|"} and RowKey lt {department + "|" + received}"), cancellationToken,
            [.. KeyColumns, nameof(FigureChunkEntity.SubmissionId)]);
        await DeleteAsync(rows.Where(e => e.SubmissionId is { } key && string.CompareOrdinal(SubmissionStamp.ReceivedPart(key), received) < 0), cancellationToken);
    }

    private Task DeleteAsync(IEnumerable<FigureChunkEntity> rows, CancellationToken cancellationToken) =>
        ExecuteInBatchesAsync(Batches(rows.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All))), cancellationToken);

    // At most 100 operations, and MaxBatchChars of figures (<paramref name="chars"/>: an action's characters) a batch, in order.
    private static IEnumerable<List<TableTransactionAction>> Batches(IEnumerable<TableTransactionAction> actions, Func<TableTransactionAction, int>? chars = null)
    {
        var batch = new List<TableTransactionAction>();
        var size = 0;
        foreach (var action in actions)
        {
            var length = chars?.Invoke(action) ?? 0;
            if (batch.Count == MaxBatch || (batch.Count > 0 && size + length > MaxBatchChars))
            {
                yield return batch;
                (batch, size) = ([], 0);
            }

            batch.Add(action);
            size += length;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    // Batches of one partition touch different rows, so their order does not matter; the first failure fails the whole.
    private Task ExecuteInBatchesAsync(IEnumerable<List<TableTransactionAction>> batches, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = ParallelBatches, CancellationToken = cancellationToken },
            async (batch, token) => await Table.SubmitTransactionAsync(batch, token));
}
