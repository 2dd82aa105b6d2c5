using System.Diagnostics;

namespace ProductFlow.Bench.Stages;

/// <summary>Measures a stage: wall time, CPU time of the process, bytes allocated (all threads), and the process's peak resident set sampled every 10 ms (<see cref="ResidentSet"/>: a sample allocates nothing).</summary>
internal static class StageMeter
{
    public static async Task<StageResult> MeasureAsync(string name, long inputBytes, Func<Task<long>> stage)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        using var resident = new ResidentSet();
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, resident.Read());
                await Task.Delay(10).ConfigureAwait(false);
            }
        });

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rows = await stage().ConfigureAwait(false);
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        peak = Math.Max(peak, resident.Read());
        return new StageResult(name, rows, clock.Elapsed, cpu, peak, allocated, inputBytes);
    }
}
