using ProductFlow.Model;

namespace ProductFlow.Channels;

/// <summary>Writes a channel's data file, one record at a time, in stable order.</summary>
/// <remarks>Records given to a writer already passed the channel's rules. A writer never writes run ids or timestamps: the same records give the same bytes.</remarks>
public interface IChannelWriter : IAsyncDisposable
{
    /// <summary>The data file's name, such as <c>partner.csv</c>.</summary>
    string FileName { get; }

    void Write(ProductRecord record);
}
