namespace QuartierPflege.Host;

/// <summary>
/// Anchor for the shell's translations. Keys are the German texts themselves; Resources/SharedResource.en.resx holds
/// the English ones, and a missing translation falls back to German.
/// </summary>
internal sealed class SharedResource;
