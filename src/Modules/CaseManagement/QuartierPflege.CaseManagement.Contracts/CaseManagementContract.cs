namespace QuartierPflege.CaseManagement.Contracts;

/// <summary>Identifies the module on the wire (message names start with it) and in logs.</summary>
public static class CaseManagementContract
{
    public const string ModuleName = "case-management";
}
