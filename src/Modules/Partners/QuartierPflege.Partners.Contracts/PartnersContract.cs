namespace QuartierPflege.Partners.Contracts;

/// <summary>Identifies the module on the wire (message names start with it) and in logs.</summary>
public static class PartnersContract
{
    public const string ModuleName = "partners";
}
