namespace VarBot.Protocol;

/// <summary>Names of the IHttpClientFactory clients the protocol layer uses.</summary>
public static class ProtocolHttpClients
{
    public const string Connector = "VarBot.Protocol.Connector";
    public const string OpenIdMetadata = "VarBot.Protocol.OpenIdMetadata";
    public const string Entra = "VarBot.Protocol.Entra";
}
