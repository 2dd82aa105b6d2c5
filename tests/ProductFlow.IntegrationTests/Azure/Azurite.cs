using Azure.Storage.Blobs;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Azure;

/// <summary>The Azurite blob server that test.sh starts on 127.0.0.1 and names in <c>PRODUCTFLOW_AZURITE_BLOB</c>.</summary>
internal static class Azurite
{
    // Azurite's well-known development account (documented by Microsoft; not a secret).
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The connection string of the running Azurite, as a service's configuration would give it.</summary>
    public static string ConnectionString
    {
        get
        {
            var endpoint = Environment.GetEnvironmentVariable("PRODUCTFLOW_AZURITE_BLOB");
            if (string.IsNullOrEmpty(endpoint))
            {
                MissingTool.Stop("Azurite is not running: ./test.sh installs and starts it and sets PRODUCTFLOW_AZURITE_BLOB");
            }

            return $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint={endpoint.TrimEnd('/')}/{Account};";
        }
    }

    public static BlobContainerClient NewContainer()
    {
        var container = new BlobServiceClient(ConnectionString).GetBlobContainerClient("t" + Guid.NewGuid().ToString("N"));
        container.Create();
        return container;
    }
}
