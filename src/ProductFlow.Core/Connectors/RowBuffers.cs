namespace ProductFlow.Connectors;

/// <summary>The field arrays a feed reader lends its rows, of one width, taken back when a row is released (<see cref="SourceRow.Release"/>).</summary>
/// <remarks>
/// A run is done with most rows once their record is accepted: the next rows are read into their arrays instead of new ones. A few
/// are kept (rows held for ordering or a model's group come back later, in bursts); the rest are left to the collector.
/// </remarks>
internal sealed class RowBuffers(int width)
{
    private const int Kept = 16;

    private readonly Stack<string[]> _free = new(Kept);

    /// <summary>An array of the width, one a released row gave back when there is one; its fields are the last row's until written.</summary>
    public string[] Take()
    {
        lock (_free)
        {
            if (_free.TryPop(out var fields))
            {
                return fields;
            }
        }

        return new string[width];
    }

    public void Give(string[] fields)
    {
        if (fields.Length != width)
        {
            return;
        }

        lock (_free)
        {
            if (_free.Count < Kept)
            {
                _free.Push(fields);
            }
        }
    }
}
