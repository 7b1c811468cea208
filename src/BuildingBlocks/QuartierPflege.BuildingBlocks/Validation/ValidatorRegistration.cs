using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.BuildingBlocks.Validation;

public static class ValidatorRegistration
{
    /// <summary>Registers every concrete validator of an assembly (modules keep their validators internal).</summary>
    public static IServiceCollection AddValidatorsOf(this IServiceCollection services, Assembly assembly)
    {
        var validators = assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in validators)
        {
            services.AddScoped(service, implementation);
        }

        return services;
    }
}
