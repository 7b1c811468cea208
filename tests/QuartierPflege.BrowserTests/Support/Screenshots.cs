using System.Text;

namespace QuartierPflege.BrowserTests.Support;

/// <summary>
/// Where screenshots go: the folder in <c>QP_SCREENSHOTS</c> when set, otherwise <c>TestResults/screenshots</c> in the
/// test output folder. Files are named after what they show and the screen width, so a run overwrites the last one.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = ResolveFolder();

    public static string PathFor(string name) => Path.Combine(Folder, FileNameOf(name) + ".png");

    private static string ResolveFolder()
    {
        var configured = Environment.GetEnvironmentVariable("QP_SCREENSHOTS");
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")
            : Path.GetFullPath(configured);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FileNameOf(string name)
    {
        var file = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            file.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ when char.IsAsciiLetterOrDigit(c) || c is '-' or '_' => c.ToString(),
                _ => "-",
            });
        }

        return file.ToString();
    }
}
