using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Access;
using ProductFlow.Server.Console.Runs;
using ProductFlow.Server.Runs;

namespace ProductFlow.Server.Console;

/// <summary>The steward console's services: Razor components rendered on the server, the session cookie and its policies, anti-forgery,
/// and the Data Protection key ring kept in the store.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddProductFlowConsole(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddDataProtection().SetApplicationName("ProductFlow");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new StoreKeyRing(provider.GetRequiredService<StoreProvider>(), provider.GetRequiredService<TimeProvider>())));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "productflow-antiforgery";
            options.Cookie.Path = ConsolePaths.Root;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<ConsoleSessionEvents>();
        services.AddAuthentication().AddCookie(ConsoleAuthentication.Scheme, options =>
        {
            options.Cookie.Name = ConsoleAuthentication.CookieName;
            options.Cookie.Path = ConsolePaths.Root;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = ConsolePaths.SignIn;
            options.LogoutPath = ConsolePaths.SignOut;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.EventsType = typeof(ConsoleSessionEvents);
        });
        services.AddAuthorizationBuilder().AddConsolePolicies();
        services.TryAddSingleton<ServicePipelines>();
        services.TryAddSingleton(provider => new RunProgressBoard(provider.GetRequiredService<Hangfire.JobStorage>()));
        services.TryAddSingleton<RunLookup>();
        return services;
    }
}
