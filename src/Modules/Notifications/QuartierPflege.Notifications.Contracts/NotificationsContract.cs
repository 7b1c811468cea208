namespace QuartierPflege.Notifications.Contracts;

/// <summary>Identifies the module on the wire (message names start with it) and in logs.</summary>
public static class NotificationsContract
{
    public const string ModuleName = "notifications";
}
