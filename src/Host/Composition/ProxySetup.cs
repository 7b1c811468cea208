using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace QuartierPflege.Host.Composition;

/// <summary>
/// Behind a reverse proxy that ends TLS (nginx, Traefik), the Host sees plain http from the proxy. With
/// <c>ForwardedHeaders:Enabled</c> the Host believes the proxy's <c>X-Forwarded-Proto</c>/<c>-For</c>, but only from the
/// addresses in <c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c> (default: loopback), so that nobody else can
/// claim to be https or another client. Then the sign-in cookie (SecurePolicy SameAsRequest) is <c>Secure</c>.
/// </summary>
internal static class ProxySetup
{
    private const string Section = "ForwardedHeaders";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:Enabled");

    public static IServiceCollection AddForwardedHeadersFromProxy(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }

        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        // Parsed here, so that a typing error stops the start instead of silently trusting nobody (or everybody).
        var proxyAddresses = proxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:KnownProxies: \"{p}\" ist keine IP-Adresse.")).ToList();
        var networkRanges = networks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:KnownNetworks: \"{n}\" ist kein Netz (z. B. 10.0.0.0/8).")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxyAddresses)
            {
                o.KnownProxies.Add(address);
            }

            foreach (var network in networkRanges)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }
}
