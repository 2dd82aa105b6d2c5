using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Dashboard;

/// <summary>The Hangfire dashboard at <c>/hangfire</c>, behind the admin key (<see cref="DashboardAccess"/>).</summary>
public static class DashboardEndpoints
{
    public const string Path = "/hangfire";

    public static IApplicationBuilder UseProductFlowDashboard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var access = new DashboardAccess(app.ApplicationServices.GetRequiredService<IOptions<ProductFlowOptions>>());
        return app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [access],
            DashboardTitle = "ProductFlow jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        });
    }
}
