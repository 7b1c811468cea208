using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace QuartierPflege.Host.Identity;

/// <summary>A key of the cookie and antiforgery encryption, stored for every Host process to share.</summary>
internal sealed class DataProtectionKey
{
    public int Id { get; private set; }

    public required string FriendlyName { get; init; }

    public required string Xml { get; init; }
}

/// <summary>
/// Keeps the data-protection key ring in PostgreSQL (table identity.data_protection_keys), so that a cookie issued by
/// one Host process is read by every other one behind the same load balancer. The package made for this cannot be
/// restored from our package source; the repository contract is two methods.
/// </summary>
internal sealed class SharedKeyRing(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("QuartierPflege");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new SharedKeyRing(provider.GetRequiredService<IServiceScopeFactory>())));
    }
}
