using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Console.Access;

/// <summary>Keeps ASP.NET Core Data Protection's key ring (which protects the console's cookies and anti-forgery tokens) in the product store,
/// so that a session survives a restart and every node of the service reads it.</summary>
/// <remarks>Data Protection calls this synchronously and rarely (at start and when it refreshes or rotates its ring, about once a day);
/// each call opens the store for itself.</remarks>
internal sealed class StoreKeyRing(StoreProvider stores, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => Task.Run(async () =>
    {
        var elements = new List<XElement>();
        var store = await stores.OpenAsync().ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            await foreach (var (_, xml) in store.ReadSessionKeysAsync().ConfigureAwait(false))
            {
                elements.Add(XElement.Parse(xml));
            }
        }

        return elements;
    }).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Task.Run(async () =>
        {
            var store = await stores.OpenAsync().ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                // Data Protection names a key "key-<guid>": unique, so a name is never written twice with different contents.
                await store.SaveSessionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow()).ConfigureAwait(false);
            }
        }).GetAwaiter().GetResult();
    }
}
