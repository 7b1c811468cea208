namespace QuartierPflege.Compensation.Contracts;

/// <summary>Identifies the module on the wire (message names start with it) and in logs.</summary>
public static class CompensationContract
{
    public const string ModuleName = "compensation";
}
