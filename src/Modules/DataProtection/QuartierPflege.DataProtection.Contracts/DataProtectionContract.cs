namespace QuartierPflege.DataProtection.Contracts;

/// <summary>Identifies the module on the wire (message names start with it) and in logs.</summary>
public static class DataProtectionContract
{
    public const string ModuleName = "data-protection";
}
