using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.Compensation.Features.Sepa;

internal static class SepaRegistration
{
    public static IServiceCollection AddSepaExport(this IServiceCollection services, IConfiguration configuration)
    {
        SepaDebtorOptions.Register(services, configuration);
        services.AddSingleton<ISepaExport, SepaExport>();
        services.AddScoped<ExportPayoutRun>();
        return services;
    }
}
