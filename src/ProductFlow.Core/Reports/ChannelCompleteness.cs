namespace ProductFlow.Reports;

/// <summary>How complete the accepted records are for one channel and locale: required attributes present / required.</summary>
public sealed class ChannelCompleteness(string channel, string locale)
{
    public string Channel { get; } = channel;

    public string Locale { get; } = locale;

    /// <summary>Accepted records whose family sets requirements for this channel.</summary>
    public long Records { get; private set; }

    /// <summary>Records with every required attribute.</summary>
    public long Complete { get; private set; }

    private double _ratioSum;

    /// <summary>The mean share of required attributes present, 0 to 1 (1 when no record has requirements).</summary>
    public double Ratio => Records == 0 ? 1 : _ratioSum / Records;

    public void Add(int present, int required)
    {
        if (required == 0)
        {
            return;
        }

        Records++;
        _ratioSum += (double)present / required;
        if (present == required)
        {
            Complete++;
        }
    }
}
