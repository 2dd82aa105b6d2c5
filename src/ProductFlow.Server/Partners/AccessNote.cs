using Microsoft.AspNetCore.Http;

namespace ProductFlow.Server.Partners;

/// <summary>What a partner endpoint tells the access log about its request: the action, the channel and the version served.</summary>
internal sealed record AccessNote(string Action, string? Target)
{
    private const string Key = "productflow.access";

    public int? Version { get; set; }

    public static AccessNote Of(HttpContext context, string action, string? target)
    {
        ArgumentNullException.ThrowIfNull(context);
        var note = new AccessNote(action, target);
        context.Items[Key] = note;
        return note;
    }

    public static AccessNote? Find(HttpContext context) => context?.Items.TryGetValue(Key, out var note) == true ? note as AccessNote : null;
}
