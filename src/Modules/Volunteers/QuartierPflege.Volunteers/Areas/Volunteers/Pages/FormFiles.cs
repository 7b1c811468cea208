using Microsoft.AspNetCore.Http;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>A file posted from an ordinary file field, as the bytes the use case checks (type, size, first bytes).</summary>
internal static class FormFiles
{
    /// <summary>
    /// Reads at most one byte more than <paramref name="limit"/>: enough for the use case to refuse a file that is too
    /// big with its German message, without holding all of it in memory.
    /// </summary>
    public static async Task<byte[]> ReadAsync(IFormFile? file, int limit, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return [];
        }

        var buffer = new byte[(int)Math.Min(file.Length, limit + 1L)];
        await using var stream = file.OpenReadStream();
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }
}
