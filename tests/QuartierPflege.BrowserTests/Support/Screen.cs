namespace QuartierPflege.BrowserTests.Support;

/// <summary>A screen size to test on. <see cref="Phone"/> is what volunteers carry; <see cref="Desktop"/> the office.</summary>
public sealed record Screen(int Width, int Height, bool IsMobile)
{
    public static Screen Phone { get; } = new(360, 740, IsMobile: true);

    public static Screen Desktop { get; } = new(1280, 800, IsMobile: false);
}
