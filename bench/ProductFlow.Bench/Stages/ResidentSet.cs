using System.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace ProductFlow.Bench.Stages;

/// <summary>
/// The process's resident set, read often while a stage runs: from <c>/proc/self/statm</c> into a buffer kept open, so a sample
/// allocates nothing (the bench counts every byte the process allocates against the stage); elsewhere from <see cref="Process"/>.
/// </summary>
internal sealed class ResidentSet : IDisposable
{
    private readonly SafeFileHandle? _statm;
    private readonly Process? _process;
    private readonly byte[] _buffer = new byte[128];

    public ResidentSet()
    {
        try
        {
            _statm = File.OpenHandle("/proc/self/statm");
        }
        catch (IOException)
        {
            _process = Process.GetCurrentProcess();
        }
        catch (UnauthorizedAccessException)
        {
            _process = Process.GetCurrentProcess();
        }
    }

    /// <summary>Bytes resident now.</summary>
    public long Read()
    {
        if (_statm is null)
        {
            _process!.Refresh();
            return _process.WorkingSet64;
        }

        // "size resident shared text lib data dt", in pages: the second number.
        var length = RandomAccess.Read(_statm, _buffer, 0);
        var span = _buffer.AsSpan(0, length);
        var start = span.IndexOf((byte)' ') + 1;
        long pages = 0;
        for (var i = start; i < span.Length && span[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            pages = (pages * 10) + (span[i] - '0');
        }

        return pages * Environment.SystemPageSize;
    }

    public void Dispose()
    {
        _statm?.Dispose();
        _process?.Dispose();
    }
}
