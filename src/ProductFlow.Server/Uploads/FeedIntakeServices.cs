using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProductFlow.Server.Uploads;

/// <summary>Registers <see cref="FeedIntake"/>, the one path from an upload or a retry to a queued run.</summary>
public static class FeedIntakeServices
{
    public static IServiceCollection AddFeedIntake(this IServiceCollection services)
    {
        services.TryAddSingleton<FeedIntake>();
        return services;
    }
}
