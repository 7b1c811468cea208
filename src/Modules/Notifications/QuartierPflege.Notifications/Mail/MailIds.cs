using System.Security.Cryptography;
using System.Text;

namespace QuartierPflege.Notifications.Mail;

internal static class MailIds
{
    /// <summary>
    /// The id of the mail made from one event: the same event handled twice makes the same mail id, which the
    /// sender recognises (a name-based id: the first 16 bytes of a SHA-256 hash, marked as RFC 9562 version 8).
    /// </summary>
    public static Guid For(string kind, Guid sourceMessageId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}/{sourceMessageId:N}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
