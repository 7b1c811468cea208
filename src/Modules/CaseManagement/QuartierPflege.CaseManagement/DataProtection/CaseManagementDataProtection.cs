using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.CaseManagement.DataProtection;

internal static class CaseManagementDataProtection
{
    public static IServiceCollection AddCaseManagementDataProtection(this IServiceCollection services)
    {
        services.AddSingleton<IPersonalDataRegister, CaseManagementPersonalData>();
        services.AddScoped<IPersonalDataHolder, CaseManagementPersonalDataHolder>();
        services.AddScoped<IDataSubjectFinder, ResidentFinder>();
        services.AddScoped<LegalHolds>();
        services.AddScoped<ConsentWithdrawalEffects>();
        return services;
    }
}
