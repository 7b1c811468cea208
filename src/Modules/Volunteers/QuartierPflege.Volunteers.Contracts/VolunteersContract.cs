namespace QuartierPflege.Volunteers.Contracts;

/// <summary>Identifies the module on the wire (message names start with it) and in logs.</summary>
public static class VolunteersContract
{
    public const string ModuleName = "volunteers";
}
