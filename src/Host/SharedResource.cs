namespace QuartierPflege.Host;

/// <summary>
/// Anchor of the shell's localizer. The UI is German only (issue #8): keys are the German texts and there is no other
/// language, so every text shows as written. The localizer calls can go when the shell is next touched.
/// </summary>
internal sealed class SharedResource;
