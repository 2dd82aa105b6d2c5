using System.Globalization;
using System.Text;
using ProductFlow.Catalog;
using ProductFlow.Primitives;

namespace ProductFlow.Channels.Partner;

/// <summary>How a <c>partner-csv</c> file writes text and values: its encoding, decimal separator and date format.</summary>
internal sealed class PartnerFormat
{
    private readonly string? _dateFormat;
    private readonly bool _decimalComma;

    public PartnerFormat(ChannelDefinition channel)
    {
        var encoding = TextEncoding(channel);
        Encoding = encoding is UTF8Encoding ? null : encoding;
        ByteOrderMark = channel.Encoding == "utf-8-bom";
        _decimalComma = channel.DecimalSeparator == ",";
        _dateFormat = channel.DateFormat;
    }

    /// <summary>The encoding to transcode to; null for UTF-8.</summary>
    public Encoding? Encoding { get; }

    public bool ByteOrderMark { get; }

    /// <summary>The text encoding a channel's file is written in: its <c>encoding</c> (<c>partner-csv</c>), UTF-8 for every other kind.</summary>
    public static Encoding TextEncoding(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.Encoding switch
        {
            "windows-1252" => Connectors.Text.FeedEncoding.Windows1252.Transcode!,
            "iso-8859-1" => System.Text.Encoding.Latin1,
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
    }

    /// <summary>Whether <paramref name="format"/> is a .NET date format that writes a date (see <see cref="DateFormats.IsDateFormat"/>).</summary>
    public static bool IsDateFormat(string format) => DateFormats.IsDateFormat(format);

    /// <summary>A canonical number (<c>19.9</c>) as the partner writes numbers: with <paramref name="decimals"/> decimals when given (<c>19.90</c>), and its decimal separator.</summary>
    public string? Number(string? canonical, int? decimals = null)
    {
        if (canonical is not null && decimals is { } places && CanonicalNumber.TryParse(canonical, out var value))
        {
            canonical = Math.Round(value, places, MidpointRounding.AwayFromZero).ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return canonical is not null && _decimalComma ? canonical.Replace('.', ',') : canonical;
    }

    /// <summary>A canonical date (<c>2026-11-24</c>) in the partner's date format; other text as it is.</summary>
    public string? Date(string? canonical) =>
        canonical is not null && _dateFormat is not null && DateTime.TryParseExact(canonical, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString(_dateFormat, CultureInfo.InvariantCulture)
            : canonical;
}
