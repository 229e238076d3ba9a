namespace VarBot.Cli.Teams;

/// <summary>
/// Draws VarBot's Teams icons: a white shield on the VAR blue for the 192x192 colour icon, and a white
/// shield outline on transparency for the 32x32 outline icon (Teams app icon guidelines).
/// </summary>
internal static class AppIcons
{
    private const uint Blue = 0x1F4E79FF;
    private const uint White = 0xFFFFFFFF;
    private const uint Transparent = 0x00000000;

    public static byte[] Color() => PngImage.Encode(192, 192, (x, y) =>
        InShield((x + 0.5) / 192, (y + 0.5) / 192, inset: 0.0) ? White : Blue);

    public static byte[] Outline() => PngImage.Encode(32, 32, (x, y) =>
    {
        double u = (x + 0.5) / 32, v = (y + 0.5) / 32;
        return InShield(u, v, inset: 0.0) && !InShield(u, v, inset: 0.09) ? White : Transparent;
    });

    /// <summary>A shield shape in unit coordinates: straight top half, tapering to a point at the bottom.</summary>
    private static bool InShield(double u, double v, double inset)
    {
        double top = 0.18 + inset, bottom = 0.86 - inset, halfWidth = 0.30 - inset, middle = 0.5;
        if (v < top || v > bottom || halfWidth <= 0)
        {
            return false;
        }

        var taperStart = 0.5;
        var width = v <= taperStart ? halfWidth : halfWidth * (bottom - v) / (bottom - taperStart);
        return Math.Abs(u - middle) <= width;
    }
}
