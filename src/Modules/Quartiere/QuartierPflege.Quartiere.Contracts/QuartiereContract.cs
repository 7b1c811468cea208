namespace QuartierPflege.Quartiere.Contracts;

/// <summary>Identifies the module on the wire (message names start with it) and in logs.</summary>
public static class QuartiereContract
{
    public const string ModuleName = "quartiere";
}
